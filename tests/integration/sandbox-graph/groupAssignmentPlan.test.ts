import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCommandLineToolsAppId } from '../../sandbox/model/wellKnownIds';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;
beforeAll(async () => {
  h = await startGraphHarness();
});
afterAll(() => h.close());

const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';

describe('assigning a group to an app needs Microsoft Entra ID P1 or P2', () => {
  it('on the Free plan refuses a group principal and still accepts a user', async () => {
    const partner = h.sandbox.state.directory(h.partnerTenantId);
    const sp = partner.findServicePrincipalByAppId(graphCommandLineToolsAppId)!;
    const user = partner.findUserByUpn(h.upn('member'))!;
    const groupId = '6a0a0000-0000-4000-8000-000000000001';
    partner.groups.set(groupId, { id: groupId, displayName: 'Free plan group', securityEnabled: true, mailEnabled: false, createdDateTime: new Date().toISOString(), members: [user.id] });
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All'] });
    const assign = (principalId: string) =>
      h.call('POST', `/servicePrincipals/${sp.id}/appRoleAssignedTo`, { token, body: { principalId, resourceId: sp.id, appRoleId: DEFAULT_ACCESS } });
    h.sandbox.patchSettings({ tenantPolicies: { [h.partnerTenantId]: { entraIdPlan: 'free' } } });
    try {
      const refused = await assign(groupId);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'Request_BadRequest' });
      expect(refused.body.error.message).toMatch(/Groups are not available for assignment due to your Active Directory plan level/);
      expect((await assign(user.id)).status).toBe(201);
      // With P1 the same group is assigned.
      h.sandbox.patchSettings({ tenantPolicies: { [h.partnerTenantId]: { entraIdPlan: 'p1' } } });
      expect((await assign(groupId)).status).toBe(201);
    } finally {
      h.sandbox.patchSettings({ tenantPolicies: {} });
      partner.groups.delete(groupId);
    }
  });
});
