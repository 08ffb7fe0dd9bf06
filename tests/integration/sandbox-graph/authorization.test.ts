import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeyPair } from '../../sandbox/crypto/generateRsaKeyPair';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;

beforeAll(async () => {
  h = await startGraphHarness();
});
afterAll(() => h.close());

describe('token validation (401 InvalidAuthenticationToken, facts §9.1)', () => {
  it('rejects a missing, malformed, foreign-signed, wrong-audience, wrong-tenant or expired token', async () => {
    const missing = await h.call('GET', '/me');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await h.call('GET', '/me', { token: 'not-a-jwt' })).status).toBe(401);

    const good = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read'] });
    const claims = decodeJwt(good);
    const { privateKey } = await generateRsaKeyPair();
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    expect((await h.call('GET', '/me', { token: forged })).body.error.code).toBe('InvalidAuthenticationToken');

    const partnerCenter = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['user_impersonation'], resourcePrefix: 'https://api.partnercenter.microsoft.com' });
    const wrongAud = await h.call('GET', '/me', { token: partnerCenter });
    expect(wrongAud.status).toBe(401);
    expect(wrongAud.body.error.message).toBe('Access token validation failure. Invalid audience.');

    const signer = h.sandbox.runtime.signer;
    const otherTenant = await signer.sign({ ...claims, tid: '11111111-2222-4333-8444-555555555555' });
    expect((await h.call('GET', '/me', { token: otherTenant })).status).toBe(401);
    const crossIssuer = await signer.sign({ ...claims, tid: h.customerTenantId });
    expect((await h.call('GET', '/me', { token: crossIssuer })).body.error.message).toBe('Access token validation failure. Invalid issuer.');

    h.sandbox.clock.advance(((claims.exp as number) - (claims.iat as number)) * 1000 + 301_000);
    const expired = await h.call('GET', '/me', { token: good });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('Lifetime validation failed, the token is expired.');
  });
});

describe('permissions (403 Authorization_RequestDenied)', () => {
  it('needs a scope that unlocks the endpoint (delegated) or an app role (app-only)', async () => {
    const userRead = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read'] });
    const denied = await h.call('POST', '/applications', { token: userRead, body: { displayName: 'x' } });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    const readOnly = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.Read.All'] });
    expect((await h.call('GET', '/applications', { token: readOnly })).status).toBe(200);
    expect((await h.call('POST', '/applications', { token: readOnly, body: { displayName: 'x' } })).status).toBe(403);
    const app = await h.appToken({ roles: ['Application.ReadWrite.OwnedBy'] });
    const created = await h.call('POST', '/applications', { token: app, body: { displayName: 'Owned by daemon' } });
    expect(created.status).toBe(201);
    expect((await h.call('PATCH', `/applications/${created.body.id}`, { token: app, body: { notes: 'mine' } })).status).toBe(204);
    const foreign = (await h.call('GET', '/applications', { token: app })).body.value.find((a: { displayName: string }) => a.displayName.startsWith('Graph test client'));
    expect((await h.call('PATCH', `/applications/${foreign?.id}`, { token: app, body: { notes: 'not mine' } })).status).toBe(403);
  });

  it('follows "Users can register applications" for members without an admin role', async () => {
    const member = await h.userToken({ upn: h.upn('member'), scopes: ['Application.ReadWrite.All'] });
    expect((await h.call('POST', '/applications', { token: member, body: { displayName: 'By a member' } })).status).toBe(201);
    h.graph.settings.tenantOverrides[h.partnerTenantId] = { usersCanRegisterApplications: false };
    try {
      const r = await h.call('POST', '/applications', { token: member, body: { displayName: 'Blocked' } });
      expect(r.status).toBe(403);
    } finally {
      delete h.graph.settings.tenantOverrides[h.partnerTenantId];
    }
  });

  it('a member can manage the app they registered, but not someone else’s', async () => {
    const member = await h.userToken({ upn: h.upn('member'), scopes: ['Application.ReadWrite.All'] });
    const own = await h.call('POST', '/applications', { token: member, body: { displayName: 'Mine' } });
    expect((await h.call('POST', `/applications/${own.body.id}/addPassword`, { token: member, body: {} })).status).toBe(200);
    const admin = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.ReadWrite.All'] });
    const theirs = await h.call('POST', '/applications', { token: admin, body: { displayName: 'Admin app' } });
    expect((await h.call('DELETE', `/applications/${theirs.body.id}`, { token: member })).status).toBe(403);
  });

  it('tenant-wide delegated grants need a consent-capable role', async () => {
    const member = await h.userToken({ upn: h.upn('member'), scopes: ['DelegatedPermissionGrant.ReadWrite.All'] });
    const r = await h.call('POST', '/oauth2PermissionGrants', { token: member, body: { clientId: 'x', consentType: 'AllPrincipals', resourceId: 'y', scope: 'User.Read' } });
    expect(r.status).toBe(403);
  });
});

describe('cross-tenant (GDAP) calls', () => {
  it('a partner admin acts in a customer tenant with only the roles GDAP grants (wids), and sees that tenant’s data', async () => {
    const token = await h.userToken({
      upn: h.upn('globalAdmin'),
      tenantId: h.customerTenantId,
      scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Policy.ReadWrite.ConditionalAccess', 'Policy.Read.All', 'Application.Read.All'],
    });
    const claims = decodeJwt(token);
    expect(claims.tid).toBe(h.customerTenantId);
    // The partner user is a Global Administrator at home; GDAP grants Application + Privileged Role Administrator.
    const created = await h.call('POST', '/applications', { token, body: { displayName: 'Made via GDAP' } });
    expect(created.status).toBe(201);
    expect(created.body.publisherDomain).toBe(h.sandbox.info.clientTenants.find((t) => t.tenantId === h.customerTenantId)?.domain);
    const ca = await h.call('POST', '/identity/conditionalAccess/policies', {
      token,
      body: { displayName: 'x', conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] } }, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    });
    expect(ca.status).toBe(403);
    const me = await h.call('GET', '/me', { token: await h.userToken({ upn: h.upn('globalAdmin'), tenantId: h.customerTenantId, scopes: ['User.Read'] }) });
    expect(me.status).toBe(404);
    const partnerApps = await h.call('GET', "/applications?$filter=displayName eq 'Made via GDAP'", {
      token: await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.Read.All'] }),
    });
    expect(partnerApps.body.value).toEqual([]);
  });

  it('GDAP with the wrong roles (Directory Readers) cannot create applications', async () => {
    const wrong = h.sandbox.info.clientTenants.find((t) => t.kind === 'gdapMissingRoles');
    const token = await h.userToken({ upn: h.upn('globalAdmin'), tenantId: wrong?.tenantId, scopes: ['Application.ReadWrite.All'] });
    expect((await h.call('GET', '/applications', { token })).status).toBe(200);
    expect((await h.call('POST', '/applications', { token, body: { displayName: 'nope' } })).status).toBe(403);
  });
});
