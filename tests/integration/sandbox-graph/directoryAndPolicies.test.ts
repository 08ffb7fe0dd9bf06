import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleTemplateIds } from '../../sandbox/model/wellKnownIds';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;

beforeAll(async () => {
  h = await startGraphHarness();
});
afterAll(() => h.close());

describe('/me, /me/memberOf, /organization', () => {
  it('returns the signed-in user, their directory roles as directoryRole objects, and the organization with verifiedDomains', async () => {
    const client = h.client(await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read'] }));
    const me = await client.api('/me').get();
    expect(me).toMatchObject({ userPrincipalName: h.upn('globalAdmin'), displayName: 'Adele Vance' });
    expect(me['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#users/$entity`);
    // learn.microsoft.com/graph/api/user-list-memberof ("Important"): with User.Read alone the app may not read
    // directoryRole or group objects, so they come back "with limited information": @odata.type and id only.
    const limited = (await client.api('/me/memberOf').get()).value as Array<Record<string, unknown>>;
    expect(limited.map((o) => o['@odata.type']).sort()).toEqual(['#microsoft.graph.directoryRole', '#microsoft.graph.group']);
    for (const o of limited) {
      expect(o.id).toEqual(expect.any(String));
      expect(Object.entries(o).filter(([k, v]) => k !== '@odata.type' && k !== 'id' && v !== null)).toEqual([]);
    }
    // Reading the roles needs RoleManagement.Read.Directory (directoryrole-list), the groups GroupMember.Read.All.
    const reader = h.client(await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read', 'RoleManagement.Read.Directory', 'GroupMember.Read.All'] }));
    const memberOf = await reader.api('/me/memberOf').get();
    expect(memberOf.value.map((o: { id: string }) => o.id).sort()).toEqual(limited.map((o) => o.id).sort());
    const roles = memberOf.value.filter((o: { '@odata.type': string }) => o['@odata.type'] === '#microsoft.graph.directoryRole');
    expect(roles).toEqual([expect.objectContaining({ roleTemplateId: roleTemplateIds.globalAdministrator, displayName: 'Global Administrator' })]);
    const groups = memberOf.value.filter((o: { '@odata.type': string }) => o['@odata.type'] === '#microsoft.graph.group');
    expect(groups.map((g: { displayName: string }) => g.displayName)).toEqual(['GDAP Admin Agents']);
    const org = await client.api('/organization').get();
    expect(org.value).toHaveLength(1);
    expect(org.value[0]).toMatchObject({ id: h.partnerTenantId, displayName: 'Contoso MSP', tenantType: 'AAD' });
    expect(org.value[0].verifiedDomains).toEqual([
      { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: true, name: 'contosomsp.onmicrosoft.com', type: 'Managed' },
    ]);
  });

  it('app-only: /organization works with Organization.Read.All, /me is a 400', async () => {
    const token = await h.appToken({ roles: ['Organization.Read.All', 'User.Read.All'] });
    expect((await h.call('GET', '/organization', { token })).status).toBe(200);
    expect((await h.call('GET', '/me', { token })).body.error).toMatchObject({ code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' });
  });
});

describe('groups', () => {
  it('creates a security group (201), gets it, lists with $filter displayName, adds and lists members', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All'] });
    const client = h.client(token);
    const group = await client.api('/groups').post({ displayName: 'Onboard Admins', mailEnabled: false, mailNickname: 'onboardadmins', securityEnabled: true, description: 'x' });
    expect(group).toMatchObject({ displayName: 'Onboard Admins', securityEnabled: true, mailEnabled: false, mail: null, groupTypes: [], mailNickname: 'onboardadmins' });
    expect(group.securityIdentifier).toMatch(/^S-1-12-1-\d+-\d+-\d+-\d+$/);
    expect((await client.api(`/groups/${group.id}`).get()).id).toBe(group.id);
    const listed = await client.api('/groups').filter("displayName eq 'Onboard Admins'").get();
    expect(listed.value.map((g: { id: string }) => g.id)).toEqual([group.id]);
    const me = await client.api('/me').get();
    const add = await h.call('POST', `/groups/${group.id}/members/$ref`, { token, body: { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${me.id}` } });
    expect(add.status).toBe(204);
    const members = await client.api(`/groups/${group.id}/members`).get();
    expect(members.value.map((m: { id: string }) => m.id)).toEqual([me.id]);
    const missing = await h.call('POST', '/groups', { token, body: { displayName: 'No nick', mailEnabled: false, securityEnabled: true } });
    expect(missing.status).toBe(400);
  });
});

describe('conditional access policies (facts §12.1, §9.2)', () => {
  const policy = {
    displayName: 'Require MFA for Onboard',
    state: 'enabledForReportingButNotEnforced',
    conditions: { clientAppTypes: ['all'], applications: { includeApplications: ['00000003-0000-0000-c000-000000000000'] }, users: { includeUsers: ['All'] } },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  };
  const caScopes = ['Policy.ReadWrite.ConditionalAccess', 'Policy.Read.All', 'Application.Read.All'];

  it('POST 201 echoes the full object with defaults; GET, PATCH 204, DELETE 204; 1 request/s per tenant without Retry-After', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: caScopes });
    const created = await h.call('POST', '/identity/conditionalAccess/policies', { token, body: policy });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      displayName: policy.displayName,
      state: 'enabledForReportingButNotEnforced',
      modifiedDateTime: null,
      sessionControls: null,
      conditions: {
        applications: { includeApplications: ['00000003-0000-0000-c000-000000000000'], excludeApplications: [], includeUserActions: [] },
        users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] },
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'], customAuthenticationFactors: [], termsOfUse: [] },
    });
    const throttled = await h.call('GET', `/identity/conditionalAccess/policies/${created.body.id}`, { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBeNull();
    h.sandbox.clock.advance(1000);
    const read = await h.call('GET', `/identity/conditionalAccess/policies/${created.body.id}`, { token });
    expect(read.status).toBe(200);
    h.sandbox.clock.advance(1000);
    expect((await h.call('PATCH', `/identity/conditionalAccess/policies/${created.body.id}`, { token, body: { state: 'enabled' } })).status).toBe(204);
    h.sandbox.clock.advance(1000);
    const after = await h.call('GET', '/identity/conditionalAccess/policies', { token });
    expect(after.body.value[0]).toMatchObject({ state: 'enabled', modifiedDateTime: expect.any(String) });
    h.sandbox.clock.advance(1000);
    expect((await h.call('DELETE', `/identity/conditionalAccess/policies/${created.body.id}`, { token })).status).toBe(204);
  });

  it('needs Conditional Access Administrator (or GA) and all documented permissions', async () => {
    h.sandbox.clock.advance(1000);
    const appAdmin = await h.userToken({ upn: h.upn('applicationAdmin'), scopes: caScopes });
    const denied = await h.call('POST', '/identity/conditionalAccess/policies', { token: appAdmin, body: policy });
    expect(denied.status).toBe(403);
    h.sandbox.clock.advance(1000);
    const onlyWrite = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Policy.ReadWrite.ConditionalAccess'] });
    expect((await h.call('POST', '/identity/conditionalAccess/policies', { token: onlyWrite, body: policy })).status).toBe(403);
    h.sandbox.clock.advance(1000);
    const invalid = await h.call('POST', '/identity/conditionalAccess/policies', {
      token: await h.userToken({ upn: h.upn('globalAdmin'), scopes: caScopes }),
      body: { ...policy, grantControls: undefined },
    });
    expect(invalid.status).toBe(400);
  });

  it('refuses creating or updating a policy without Entra ID P1, and turning one on beside security defaults', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: caScopes });
    h.sandbox.clock.advance(1000);
    const existing = await h.call('POST', '/identity/conditionalAccess/policies', { token, body: policy });
    expect(existing.status).toBe(201);
    try {
      h.sandbox.patchSettings({ tenantPolicies: { [h.partnerTenantId]: { entraIdPlan: 'free' } } });
      h.sandbox.clock.advance(1000);
      const created = await h.call('POST', '/identity/conditionalAccess/policies', { token, body: policy });
      expect(created.status).toBe(400);
      expect(created.body.error.message).toMatch(/premium license/);
      h.sandbox.clock.advance(1000);
      const updated = await h.call('PATCH', `/identity/conditionalAccess/policies/${existing.body.id}`, { token, body: { displayName: 'Renamed' } });
      expect(updated.status).toBe(400);
      expect(updated.body.error.message).toMatch(/premium license/);

      h.sandbox.patchSettings({ tenantPolicies: { [h.partnerTenantId]: { securityDefaults: true } } });
      h.sandbox.clock.advance(1000);
      const enabled = await h.call('PATCH', `/identity/conditionalAccess/policies/${existing.body.id}`, { token, body: { state: 'enabled' } });
      expect(enabled.status).toBe(400);
      expect(enabled.body.error.message).toMatch(/Security defaults must be disabled/);
      h.sandbox.clock.advance(1000);
      expect((await h.call('PATCH', `/identity/conditionalAccess/policies/${existing.body.id}`, { token, body: { displayName: 'Report-only still' } })).status).toBe(204);
    } finally {
      h.sandbox.patchSettings({ tenantPolicies: {} });
      h.sandbox.clock.advance(1000);
      await h.call('DELETE', `/identity/conditionalAccess/policies/${existing.body.id}`, { token });
    }
  });
});

describe('tenant relationships (facts §7)', () => {
  it('lists delegatedAdminCustomers from the partner tenant’s active (or expiring) GDAP relationships only', async () => {
    const client = h.client(await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['DelegatedAdminRelationship.Read.All'] }));
    const list = await client.api('/tenantRelationships/delegatedAdminCustomers').get();
    // GraphSettings.delegatedAdminCustomerStatuses defaults to relationships that still exist as access: active, expiring.
    const active = h.sandbox.info.clientTenants
      .filter((t) => t.gdapRelationships.some((r) => r.status === 'active' || r.status === 'expiring'))
      .map((t) => t.tenantId)
      .sort();
    expect(list.value.map((c: { tenantId: string }) => c.tenantId).sort()).toEqual(active);
    expect(list.value[0]).toMatchObject({ '@odata.type': '#microsoft.graph.delegatedAdminCustomer', '@odata.etag': expect.stringMatching(/^W\/"/) });
    expect(list.value[0].id).toBe(list.value[0].tenantId);
    const expired = h.sandbox.info.clientTenants.find((t) => t.kind === 'gdapExpired');
    expect(list.value.map((c: { tenantId: string }) => c.tenantId)).not.toContain(expired?.tenantId);
  });

  it('findTenantInformationByDomainName resolves verified domains and 404s unresolvable ones', async () => {
    const client = h.client(await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['CrossTenantInformation.ReadBasic.All'] }));
    const target = h.sandbox.info.clientTenants.find((t) => t.kind === 'gdapFull');
    const info = await client.api(`/tenantRelationships/findTenantInformationByDomainName(domainName='${target?.domain}')`).get();
    expect(info).toEqual({
      '@odata.context': `${h.sandbox.info.graph}/$metadata#microsoft.graph.tenantInformation`,
      tenantId: target?.tenantId,
      federationBrandName: null,
      displayName: target?.displayName,
      defaultDomainName: target?.domain,
    });
    const hidden = h.sandbox.info.clientTenants.find((t) => t.kind === 'unresolvableDomain');
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['CrossTenantInformation.ReadBasic.All'] });
    const r = await h.call('GET', `/tenantRelationships/findTenantInformationByDomainName(domainName='${hidden?.domain}')`, { token });
    expect(r.status).toBe(404);
  });
});
