import { describe, expect, it } from 'vitest';
import {
  WORKSPACE_NAME_MAX,
  workspaceCreateInputSchema,
  workspaceNameKey,
} from '../../../src/shared/domain/workspace';

const base = { name: 'Contoso', platformId: 'clientone' };

describe('workspace input validation', () => {
  it('trims the name and accepts a missing partner tenant as null', () => {
    expect(workspaceCreateInputSchema.parse({ ...base, name: '  Contoso  ' })).toEqual({
      name: 'Contoso',
      platformId: 'clientone',
      partnerTenant: null,
    });
  });

  it.each([
    ['', 'Give the workspace a name.'],
    ['   ', 'Give the workspace a name.'],
    ['x'.repeat(WORKSPACE_NAME_MAX + 1), `Workspace names are at most ${WORKSPACE_NAME_MAX} characters.`],
    ['bad\u0007name', 'Workspace names cannot contain control characters.'],
  ])('rejects the name %j with a message that says what to fix', (name, message) => {
    const result = workspaceCreateInputSchema.safeParse({ ...base, name });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['name'], message });
  });

  it('accepts a name of exactly the maximum length', () => {
    expect(workspaceCreateInputSchema.safeParse({ ...base, name: 'x'.repeat(WORKSPACE_NAME_MAX) }).success).toBe(true);
  });

  it('rejects an unknown platform', () => {
    const result = workspaceCreateInputSchema.safeParse({ ...base, platformId: 'nope' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['platformId'], message: 'Choose the platform this workspace connects to.' });
  });

  it.each([
    ['72F988BF-86F1-41AF-91AB-2D7CD011DB47', '72f988bf-86f1-41af-91ab-2d7cd011db47'],
    ['ContosoMSP.onmicrosoft.com', 'contosomsp.onmicrosoft.com'],
    ['', null],
  ])('accepts the partner tenant %j', (partnerTenant, expected) => {
    expect(workspaceCreateInputSchema.parse({ ...base, partnerTenant }).partnerTenant).toBe(expected);
  });

  it.each(['not a domain', 'contoso', '72f988bf-86f1-41af-91ab', 'https://contoso.com'])(
    'rejects the partner tenant %j',
    (partnerTenant) => {
      const result = workspaceCreateInputSchema.safeParse({ ...base, partnerTenant });
      expect(result.error?.issues[0]?.path).toEqual(['partnerTenant']);
    },
  );

  it('folds case and Unicode form into one name key', () => {
    expect(workspaceNameKey('Contoso MSP')).toBe(workspaceNameKey('contoso msp'));
    expect(workspaceNameKey('Ｃontoso')).toBe(workspaceNameKey('contoso'));
    expect(workspaceNameKey('Contoso A')).not.toBe(workspaceNameKey('Contoso B'));
  });
});
