import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { confidentialClient, expectAadsts } from './helpers/msalClients';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;
const graphDefault = ['https://graph.microsoft.com/.default'];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'client-credentials', settings: instantReplication });
  http = sandboxHttp(sandbox);
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.reset());

/** Registers a multi-tenant confidential app with a service principal in the partner tenant, through the control API. */
async function registerApp(secret: { startDateTime?: string; endDateTime?: string } = {}) {
  const tenant = sandbox.info.partnerTenantId;
  const created = await http.control('POST', `/tenants/${tenant}/applications`, {
    displayName: 'Onboard Test App',
    signInAudience: 'AzureADMultipleOrgs',
    web: { redirectUris: ['https://app.example.com/auth/callback'] },
    createServicePrincipal: true,
  });
  expect(created.status).toBe(201);
  const app = created.json<{ appId: string; id: string }>();
  const password = await http.control('POST', `/tenants/${tenant}/applications/${app.appId}/addPassword`, { displayName: 'test', ...secret });
  expect(password.status).toBe(200);
  const credential = password.json<{ secretText: string; hint: string; keyId: string }>();
  expect(credential.hint).toBe(credential.secretText.slice(0, 3));
  return { appId: app.appId, secret: credential.secretText };
}

describe('client credentials with @azure/msal-node ConfidentialClientApplication', () => {
  it('issues a v1 Graph token whose roles are the app role assignments in that tenant', async () => {
    const { appId, secret } = await registerApp();
    const cca = confidentialClient(sandbox, appId, sandbox.info.partnerTenantId, secret);
    const bare = await cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true });
    const bareClaims = decodeJwt(bare?.accessToken ?? '');
    expect(bareClaims.roles).toBeUndefined();

    const assigned = await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/appRoleAssignments`, {
      resourceAppId: graphAppId,
      appRole: 'User.Read.All',
      principal: { servicePrincipalAppId: appId },
    });
    expect(assigned.status).toBe(201);
    const result = await cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true });
    const claims = decodeJwt(result?.accessToken ?? '');
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/`,
      tid: sandbox.info.partnerTenantId,
      appid: appId,
      appidacr: '1',
      idtyp: 'app',
      ver: '1.0',
      roles: ['User.Read.All'],
    });
    expect(typeof claims.exp).toBe('number');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeGreaterThanOrEqual(3600);
  });

  it('rejects a wrong secret with AADSTS7000215 (401 invalid_client)', async () => {
    const { appId } = await registerApp();
    const failure = await expectAadsts(
      confidentialClient(sandbox, appId, sandbox.info.partnerTenantId, 'not-the-secret').acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }),
    );
    expect(failure.code).toBe(7000215);
    expect(failure.error.errorCode).toBe('invalid_client');
  });

  it('rejects an expired secret with AADSTS7000222 once the sandbox clock passes endDateTime', async () => {
    const end = new Date(sandbox.clock.now() + 24 * 3600 * 1000).toISOString();
    const { appId, secret } = await registerApp({ endDateTime: end });
    const cca = confidentialClient(sandbox, appId, sandbox.info.partnerTenantId, secret);
    await expect(cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true })).resolves.toBeTruthy();
    const advanced = await http.control('POST', '/clock', { advanceSeconds: 2 * 24 * 3600 });
    expect(advanced.status).toBe(200);
    const failure = await expectAadsts(cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }));
    expect(failure.code).toBe(7000222);
  });

  it('treats a secret whose startDateTime is in the future as unknown (AADSTS7000215)', async () => {
    const start = new Date(sandbox.clock.now() + 3600 * 1000).toISOString();
    const { appId, secret } = await registerApp({ startDateTime: start });
    const failure = await expectAadsts(
      confidentialClient(sandbox, appId, sandbox.info.partnerTenantId, secret).acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }),
    );
    expect(failure.code).toBe(7000215);
  });

  it('rejects a brand-new secret with AADSTS7000215 until the replication delay has passed', async () => {
    const patched = await http.control('PATCH', '/settings', { replication: { secretDelayMs: 60_000 } });
    expect(patched.status).toBe(200);
    const { appId, secret } = await registerApp();
    const cca = confidentialClient(sandbox, appId, sandbox.info.partnerTenantId, secret);
    expect((await expectAadsts(cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }))).code).toBe(7000215);
    sandbox.clock.advance(61_000);
    await expect(cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true })).resolves.toBeTruthy();
  });

  it('refuses /common with AADSTS9001023 (MSAL itself already refuses it client-side)', async () => {
    const { appId, secret } = await registerApp();
    const failure = await expectAadsts(confidentialClient(sandbox, appId, 'common', secret).acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }));
    expect(failure.error.errorCode).toBe('missing_tenant_id_error');
    for (const segment of ['common', 'consumers']) {
      const res = await http.postForm(`${sandbox.info.authority}/${segment}/oauth2/v2.0/token`, { grant_type: 'client_credentials', client_id: appId, client_secret: secret, scope: graphDefault[0] ?? '' });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_request', error_codes: [9001023] });
    }
  });

  it('answers AADSTS700016 in a client tenant where the app was never consented (no service principal)', async () => {
    const { appId, secret } = await registerApp();
    const client = sandbox.info.clientTenants.find((t) => t.kind === 'gdapFull');
    const failure = await expectAadsts(confidentialClient(sandbox, appId, client?.tenantId ?? '', secret).acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }));
    expect(failure.code).toBe(700016);
    expect(failure.error.errorCode).toBe('unauthorized_client');
  });

  it('answers AADSTS700016 for an unknown client id and AADSTS90002 (invalid_request) for an unknown tenant', async () => {
    const url = `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/token`;
    const unknownApp = await http.postForm(url, { grant_type: 'client_credentials', client_id: '11111111-2222-3333-4444-555555555555', client_secret: 'x', scope: graphDefault[0] ?? '' }, { 'client-request-id': 'aaaa0000-0000-0000-0000-000000000001' });
    expect(unknownApp.status).toBe(400);
    expect(unknownApp.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016], correlation_id: 'aaaa0000-0000-0000-0000-000000000001' });
    const unknownTenant = await http.postForm(`${sandbox.info.authority}/nosuch.onmicrosoft.com/oauth2/v2.0/token`, { grant_type: 'client_credentials', client_id: 'x', scope: 'y' });
    expect(unknownTenant.json()).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
  });

  it('requires {resource}/.default scopes (AADSTS1002012) and a known resource (AADSTS500011)', async () => {
    const { appId, secret } = await registerApp();
    const url = `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/token`;
    const named = await http.postForm(url, { grant_type: 'client_credentials', client_id: appId, client_secret: secret, scope: 'https://graph.microsoft.com/User.Read.All' });
    expect(named.json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    const unknown = await http.postForm(url, { grant_type: 'client_credentials', client_id: appId, client_secret: secret, scope: 'api://nothing-here/.default' });
    expect(unknown.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
    const basic = await http.postForm(url, { grant_type: 'client_credentials', client_id: appId, scope: graphDefault[0] ?? '' }, { authorization: `Basic ${Buffer.from(`${appId}:${encodeURIComponent(secret)}`).toString('base64')}` });
    expect(basic.status).toBe(200);
  });

  it('issues Partner Center tokens with the Partner Center audience', async () => {
    const { appId, secret } = await registerApp();
    const result = await confidentialClient(sandbox, appId, sandbox.info.partnerTenantId, secret).acquireTokenByClientCredential({
      scopes: ['https://api.partnercenter.microsoft.com/.default'],
      skipCache: true,
    });
    expect(decodeJwt(result?.accessToken ?? '').aud).toBe('https://api.partnercenter.microsoft.com');
  });
});
