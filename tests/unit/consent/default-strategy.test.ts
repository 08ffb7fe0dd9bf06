import { describe, expect, it } from 'vitest';
import { defaultStrategy } from '../../../src/main/core/consent/default-strategy';
import { missingGdapRoles } from '../../../src/main/core/consent/gdap-roles';
import { DirectoryRole } from '../../../src/main/core/preflight/directory-roles';
import type { GdapRelationship } from '../../../src/shared/domain/client-tenants';

const now = Date.parse('2026-12-01T00:00:00Z');
const rel = (status: GdapRelationship['status'], roles: string[], endDateTime: string | null = '2027-06-01T00:00:00Z'): GdapRelationship => ({
  id: 'r',
  displayName: 'Contoso MSP - Client',
  status,
  roles: roles.map((roleDefinitionId) => ({ roleDefinitionId, name: roleDefinitionId })),
  endDateTime,
});
const base = { sources: ['gdap' as const, 'partnerCenter' as const], hasApplicationPermissions: false, cpvAvailable: false, now };

describe('the default strategy, explained', () => {
  it('GDAP direct when a relationship is active; CPV only for the Partner Center guide with delegated permissions', () => {
    expect(defaultStrategy({ ...base, gdapRelationships: [rel('active', [DirectoryRole.ApplicationAdministrator])] }).strategy).toBe('gdapDirect');
    expect(defaultStrategy({ ...base, cpvAvailable: true, gdapRelationships: [rel('active', [DirectoryRole.ApplicationAdministrator])] }).strategy).toBe('cpv');
    expect(
      defaultStrategy({ ...base, cpvAvailable: true, hasApplicationPermissions: true, gdapRelationships: [rel('active', [DirectoryRole.ApplicationAdministrator])] }).strategy,
    ).toBe('gdapDirect');
  });

  it('a relationship past its end date counts as expired; none at all means the admin consent link', () => {
    const expired = defaultStrategy({ ...base, gdapRelationships: [rel('active', [DirectoryRole.GlobalAdministrator], '2026-11-01T00:00:00Z')] });
    expect(expired.strategy).toBe('gdapDirect');
    expect(expired.reason).toMatch(/once it is active again/);
    const none = defaultStrategy({ ...base, sources: ['csv'], gdapRelationships: [] });
    expect(none).toMatchObject({ strategy: 'adminConsentLink', reason: expect.stringMatching(/Global Administrator/) });
  });
});

describe('GDAP roles needed', () => {
  const delegated = { delegated: [{ resourceAppId: 'g', scopes: ['User.Read'] }], application: [] };
  const application = { delegated: [], application: [{ resourceAppId: 'g', roles: ['User.Read.All'] }] };
  it('names what is missing', () => {
    expect(missingGdapRoles(['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'], delegated)).toEqual(['Cloud Application Administrator (or Application Administrator)']);
    expect(missingGdapRoles([DirectoryRole.CloudApplicationAdministrator], delegated)).toEqual([]);
    // Application and Cloud Application Administrators cannot grant Graph app roles.
    expect(missingGdapRoles([DirectoryRole.ApplicationAdministrator], application)).toEqual(['Privileged Role Administrator (for application permissions)']);
    expect(missingGdapRoles([DirectoryRole.PrivilegedRoleAdministrator], application)).toEqual([]);
  });
});
