import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTenantOverview } from '../../../src/main/core/graph/read-tenant-overview';
import { DirectoryRole } from '../../../src/main/core/preflight/directory-roles';
import { checkCapabilities } from '../../../src/main/core/preflight/capabilities';
import { rolesFromAccessToken } from '../../../src/main/core/auth/token-roles';
import type { Group } from '../../sandbox/model/directoryTypes';
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

  it('finds a role held only through a role-assignable group: in wids and /me/transitiveMemberOf, not in /me/memberOf', async () => {
    const partner = h.sandbox.state.directory(h.partnerTenantId);
    const member = partner.findUserByUpn(h.upn('member'))!;
    const group = (id: string, displayName: string, isAssignableToRole: boolean): Group => ({
      id,
      displayName,
      securityEnabled: true,
      mailEnabled: false,
      createdDateTime: new Date().toISOString(),
      members: [member.id],
      ...(isAssignableToRole ? { isAssignableToRole: true } : {}),
      sandbox: { directoryRoleTemplateIds: [isAssignableToRole ? DirectoryRole.CloudApplicationAdministrator : DirectoryRole.GlobalAdministrator] },
    });
    // The role-assignable group holds Cloud Application Administrator; an ordinary group cannot hold a role at all.
    const assignable = group('9a0a0000-0000-4000-8000-000000000001', 'App admins (role-assignable)', true);
    const ordinary = group('9a0a0000-0000-4000-8000-000000000002', 'Not role-assignable', false);
    partner.groups.set(assignable.id, assignable);
    partner.groups.set(ordinary.id, ordinary);
    try {
      h.sandbox.clock.advance(1000);
      const token = await h.userToken({ upn: h.upn('member'), scopes: ['User.Read'] });
      expect(rolesFromAccessToken(token)).toEqual([DirectoryRole.CloudApplicationAdministrator]);

      const read = await h.userToken({ upn: h.upn('member'), scopes: ['Directory.Read.All'] });
      const roleIds = async (path: string) =>
        ((await h.call('GET', path, { token: read })).body.value as Array<Record<string, unknown>>)
          .filter((o) => o['@odata.type'] === '#microsoft.graph.directoryRole')
          .map((o) => o['roleTemplateId']);
      expect(await roleIds('/me/memberOf')).toEqual([]);
      expect(await roleIds('/me/transitiveMemberOf')).toEqual([DirectoryRole.CloudApplicationAdministrator]);

      // Preflight reads the role and what it allows.
      const overview = await readTenantOverview(h.client(token), token);
      expect(overview.roles).toEqual([{ templateId: DirectoryRole.CloudApplicationAdministrator, name: 'Cloud Application Administrator' }]);
      const [registrations] = checkCapabilities(overview.roles.map((r) => r.templateId), ['manageAppRegistrations'], (id) => id);
      expect(registrations?.allowed).toBe('yes');
    } finally {
      partner.groups.delete(assignable.id);
      partner.groups.delete(ordinary.id);
    }
  });
});
