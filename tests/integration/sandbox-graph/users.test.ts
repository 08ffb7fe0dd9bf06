import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphHarness, type GraphHarness } from './harness';

const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';

let h: GraphHarness;

beforeAll(async () => {
  h = await startGraphHarness();
});
afterAll(() => h.close());

describe('GET /users/{id | userPrincipalName}', () => {
  it('finds a user by UPN (URL-encoded, any case) and by object ID, with the default property set', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.ReadBasic.All'] });
    const byUpn = await h.call('GET', `/users/${encodeURIComponent(h.upn('member').toUpperCase())}`, { token });
    expect(byUpn.status).toBe(200);
    expect(byUpn.body).toMatchObject({ userPrincipalName: h.upn('member') });
    expect(byUpn.body['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#users/$entity`);
    expect(Object.keys(byUpn.body)).not.toContain('accountEnabled'); // returned only on $select
    const byId = await h.call('GET', `/users/${byUpn.body.id}`, { token });
    expect(byId.body.userPrincipalName).toBe(h.upn('member'));
    const literal = await h.call('GET', `/users/${h.upn('member')}`, { token });
    expect(literal.body.id).toBe(byUpn.body.id);
  });

  it('honours $select, including properties outside the default set, and refuses unknown ones', async () => {
    const client = h.client(await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.ReadBasic.All'] }));
    const selected = await client.api(`/users/${encodeURIComponent(h.upn('member'))}`).select(['id', 'userPrincipalName', 'accountEnabled']).get();
    expect(Object.keys(selected).sort()).toEqual(['@odata.context', 'accountEnabled', 'id', 'userPrincipalName']);
    expect(selected.accountEnabled).toBe(true);
    expect(selected['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#users(id,userPrincipalName,accountEnabled)/$entity`);
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.ReadBasic.All'] });
    expect((await h.call('GET', `/users/${encodeURIComponent(h.upn('member'))}?$select=noSuchProperty`, { token })).status).toBe(400);
  });

  it('answers 404 Request_ResourceNotFound for a user the tenant does not have', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.ReadBasic.All'] });
    const missing = await h.call('GET', `/users/${encodeURIComponent('nobody@contosomsp.onmicrosoft.com')}`, { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'Request_ResourceNotFound' });
  });

  it('with only User.Read a user reads their own object and no one else’s; app-only needs User.ReadBasic.All or more', async () => {
    const token = await h.userToken({ upn: h.upn('member'), scopes: ['User.Read'] });
    expect((await h.call('GET', `/users/${encodeURIComponent(h.upn('member'))}`, { token })).status).toBe(200);
    const other = await h.call('GET', `/users/${encodeURIComponent(h.upn('globalAdmin'))}`, { token });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'Authorization_RequestDenied' });
    const none = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.Read.All'] });
    expect((await h.call('GET', `/users/${encodeURIComponent(h.upn('member'))}`, { token: none })).status).toBe(403);
    const appOnly = await h.appToken({ roles: ['User.ReadBasic.All'] });
    expect((await h.call('GET', `/users/${encodeURIComponent(h.upn('member'))}`, { token: appOnly })).status).toBe(200);
  });

  it('reaches a UPN that starts with "$" through the key-in-parentheses form', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.ReadBasic.All'] });
    const missing = await h.call('GET', `/users('${encodeURIComponent('$nobody@contosomsp.onmicrosoft.com').replace(/%24/g, '$')}')`, { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('$nobody@contosomsp.onmicrosoft.com');
  });
});

describe('assigning users and groups to an app that declares no app roles (facts §12.2)', () => {
  it('assigns a user and a security group with the default access role, and refuses a second assignment', async () => {
    const token = await h.userToken({
      upn: h.upn('globalAdmin'),
      scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Group.ReadWrite.All', 'User.ReadBasic.All'],
    });
    const client = h.client(token);
    const app = await client.api('/applications').post({ displayName: 'Assignment target', signInAudience: 'AzureADMyOrg' });
    const sp = await client.api('/servicePrincipals').post({ appId: app.appId });
    await client.api(`/servicePrincipals/${sp.id}`).patch({ appRoleAssignmentRequired: true });
    const user = await client.api(`/users/${encodeURIComponent(h.upn('member'))}`).get();
    const group = await client.api('/groups').post({ displayName: 'Assignment target users', mailEnabled: false, mailNickname: 'atu', securityEnabled: true });

    for (const [principal, type] of [
      [user, 'User'],
      [group, 'Group'],
    ] as const) {
      const assigned = await h.call('POST', `/servicePrincipals/${sp.id}/appRoleAssignedTo`, {
        token,
        body: { principalId: principal.id, resourceId: sp.id, appRoleId: DEFAULT_ACCESS },
      });
      expect(assigned.status).toBe(201);
      expect(assigned.body).toMatchObject({ principalId: principal.id, principalType: type, appRoleId: DEFAULT_ACCESS, resourceId: sp.id, principalDisplayName: principal.displayName });
    }
    const listed = await client.api(`/servicePrincipals/${sp.id}/appRoleAssignedTo`).get();
    expect(listed.value.map((a: { principalId: string }) => a.principalId).sort()).toEqual([user.id, group.id].sort());
    const again = await h.call('POST', `/servicePrincipals/${sp.id}/appRoleAssignedTo`, { token, body: { principalId: group.id, resourceId: sp.id, appRoleId: DEFAULT_ACCESS } });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Permission being assigned already exists on the object');
  });

  it('refuses the default access role for users when the app declares a user app role', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'User.ReadBasic.All'] });
    const client = h.client(token);
    const app = await client.api('/applications').post({
      displayName: 'Has roles',
      signInAudience: 'AzureADMyOrg',
      appRoles: [{ id: '6f1a2b3c-0c1c-4c7f-9d2e-3b1c8a9e4d5e', value: 'Reader', displayName: 'Reader', description: 'Reader', allowedMemberTypes: ['User'], isEnabled: true }],
    });
    const sp = await client.api('/servicePrincipals').post({ appId: app.appId });
    const user = await client.api(`/users/${encodeURIComponent(h.upn('member'))}`).get();
    const refused = await h.call('POST', `/servicePrincipals/${sp.id}/appRoleAssignedTo`, { token, body: { principalId: user.id, resourceId: sp.id, appRoleId: DEFAULT_ACCESS } });
    expect(refused.status).toBe(400);
  });
});
