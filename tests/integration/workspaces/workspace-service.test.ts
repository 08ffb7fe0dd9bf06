import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors/app-error';
import { makeTempDir } from '../../helpers/temp-dir';
import { startTestCore } from '../../helpers/start-test-core';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('WorkspaceService on SQLite', () => {
  it('creates, lists in name order, renames and deletes, and emits a change event for each', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const core = startTestCore(dir.path);
    const seen: string[] = [];
    core.events.subscribe((name, payload) => seen.push(`${name}:${(payload as { reason: string }).reason}`));
    const ws = core.services.workspaces;

    const b = ws.create({ name: 'Beta', platformId: 'sonicsaas', partnerTenant: null });
    const a = ws.create({ name: 'alpha', platformId: 'clment', partnerTenant: 'contoso.onmicrosoft.com' });
    expect(ws.list().map((w) => w.name)).toEqual(['alpha', 'Beta']);
    expect(a.partnerTenant).toBe('contoso.onmicrosoft.com');

    const renamed = ws.rename(b.id, 'Gamma');
    expect(renamed.name).toBe('Gamma');
    expect(renamed.createdAt).toBe(b.createdAt);
    expect(await ws.delete(a.id)).toEqual({ id: a.id });
    expect(ws.list().map((w) => w.name)).toEqual(['Gamma']);
    expect(seen).toEqual([
      'workspaces.changed:created',
      'workspaces.changed:created',
      'workspaces.changed:renamed',
      'workspaces.changed:deleted',
    ]);
    core.close();
  });

  it('refuses a duplicate name, ignoring case, on create and on rename, and points at the field', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const core = startTestCore(dir.path);
    const ws = core.services.workspaces;
    ws.create({ name: 'Contoso', platformId: 'clientone', partnerTenant: null });
    const other = ws.create({ name: 'Fabrikam', platformId: 'clientone', partnerTenant: null });

    const onCreate = errorOf(() => ws.create({ name: 'CONTOSO', platformId: 'clment', partnerTenant: null }));
    expect(onCreate.code).toBe('workspace_name_taken');
    expect(onCreate.details?.['issues']).toEqual([{ path: 'name', message: 'This name is already used by another workspace.' }]);
    expect(errorOf(() => ws.rename(other.id, 'contoso')).code).toBe('workspace_name_taken');
    // Renaming to a different case of its own name is allowed.
    expect(ws.rename(other.id, 'FABRIKAM').name).toBe('FABRIKAM');
    expect(ws.list()).toHaveLength(2);
    core.close();
  });

  it('says a workspace is gone when renaming or deleting one that does not exist', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const core = startTestCore(dir.path);
    expect(errorOf(() => core.services.workspaces.rename('missing', 'X')).code).toBe('workspace_not_found');
    await expect(core.services.workspaces.delete('missing')).rejects.toMatchObject({ code: 'workspace_not_found' });
    core.close();
  });

  it('survives closing and reopening the data folder', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const first = startTestCore(dir.path);
    const created = first.services.workspaces.create({ name: 'Persisted', platformId: 'bvoip-phone-systems', partnerTenant: null });
    first.close();
    const second = startTestCore(dir.path);
    expect(second.services.workspaces.list()).toEqual([created]);
    expect(second.services.appInfo().schemaVersion).toBeGreaterThanOrEqual(1);
    second.close();
  });
});
