import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTenantOverview } from '../../../src/main/core/graph/read-tenant-overview';
import { DirectoryRole } from '../../../src/main/core/preflight/directory-roles';
import { startGraphHarness, type GraphHarness } from '../sandbox-graph/harness';

let h: GraphHarness;
beforeAll(async () => {
  h = await startGraphHarness();
});
afterAll(() => h.close());

describe('the admin’s directory roles, read as real Graph answers', () => {
  it('with User.Read, /me/memberOf describes directory roles only by @odata.type and id (learn.microsoft.com/graph/api/user-list-memberof)', async () => {
    const token = await h.userToken({ upn: h.upn('applicationAdmin'), scopes: ['User.Read'] });
    const r = await h.call('GET', '/me/memberOf', { token });
    expect(r.status).toBe(200);
    const roles = (r.body.value as Array<Record<string, unknown>>).filter((o) => o['@odata.type'] === '#microsoft.graph.directoryRole');
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) expect(role).toMatchObject({ id: expect.any(String), roleTemplateId: null, displayName: null });
    // With a permission that can read directory roles, the same call describes them in full.
    const full = await h.call('GET', '/me/memberOf', { token: await h.userToken({ upn: h.upn('applicationAdmin'), scopes: ['Directory.Read.All'] }) });
    expect((full.body.value as Array<Record<string, unknown>>).some((o) => o['roleTemplateId'] === DirectoryRole.ApplicationAdministrator)).toBe(true);
  });

  it('preflight still finds the roles with sign-in’s User.Read token alone', async () => {
    const token = await h.userToken({ upn: h.upn('applicationAdmin'), scopes: ['User.Read'] });
    const overview = await readTenantOverview(h.client(token), token);
    expect(overview.roles).toEqual([{ templateId: DirectoryRole.ApplicationAdministrator, name: 'Application Administrator' }]);
    const memberToken = await h.userToken({ upn: h.upn('member'), scopes: ['User.Read'] });
    expect((await readTenantOverview(h.client(memberToken), memberToken)).roles).toEqual([]);
  });
});
