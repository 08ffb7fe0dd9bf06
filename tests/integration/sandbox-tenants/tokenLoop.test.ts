import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { graphAppId, graphCommandLineToolsAppId } from '../../sandbox/model/wellKnownIds';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';
import { sandboxHttp } from '../sandbox/helpers/sandboxHttp';
import { plantRefreshToken } from './tenantTokens';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;
let app: { appId: string; secret: string };

const tokenUrl = () => `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/token`;
const appToken = (scope = 'https://graph.microsoft.com/.default') =>
  http.postForm(tokenUrl(), { grant_type: 'client_credentials', client_id: app.appId, client_secret: app.secret, scope });

beforeAll(async () => {
  // The daemon's secret is used at once; its replication delay (AADSTS7000215) has its own tests, and 401s would
  // hide whether the loop detector counts the 21st identical request.
  sandbox = await startSandbox({ dataDir: join(tmpdir(), 'entra-onboard-sandbox-tenants-tests'), settings: instantReplication });
  http = sandboxHttp(sandbox);
  const partner = sandbox.info.partnerTenantId;
  const created = (await http.control('POST', `/tenants/${partner}/applications`, { displayName: 'Looping daemon', signInAudience: 'AzureADMultipleOrgs', createServicePrincipal: true })).json<{ appId: string }>();
  const secret = (await http.control('POST', `/tenants/${partner}/applications/${created.appId}/addPassword`, {})).json<{ secretText: string }>().secretText;
  app = { appId: created.appId, secret };
  // The console's public client may read the signed-in user's profile in the partner tenant.
  await http.control('POST', `/tenants/${partner}/oauth2PermissionGrants`, { clientAppId: graphCommandLineToolsAppId, resourceAppId: graphAppId, scope: 'User.Read offline_access openid profile' });
});
afterAll(() => sandbox?.close());

describe('AADSTS50196: the same token requested in a loop', () => {
  it('is on by default: 20 identical requests a minute, then refused for two minutes', () => {
    expect(sandbox.settings.clientTenants.tokenLoop).toEqual({ enabled: true, maxIdenticalRequests: 20, windowSeconds: 60, blockSeconds: 120, clientCredentialsRetryAfterSeconds: 60 });
  });

  it('client credentials: the 21st identical request is 429 with Retry-After 60; another resource is not the same request', async () => {
    for (let i = 0; i < 20; i++) expect((await appToken()).status).toBe(200);
    const looped = await appToken();
    expect(looped.status).toBe(429);
    expect(looped.headers['retry-after']).toBe('60');
    expect(looped.json()).toMatchObject({ error_codes: [50196] });
    expect(looped.json<{ error_description: string }>().error_description).toMatch(/^AADSTS50196: The server terminated an operation because it encountered a client request loop/);
    expect((await appToken('https://api.partnercenter.microsoft.com/.default')).status).toBe(200);
    // Still blocked a minute later; free again after the two-minute block.
    await http.control('POST', '/clock', { advanceSeconds: 60 });
    expect((await appToken()).status).toBe(429);
    await http.control('POST', '/clock', { advanceSeconds: 61 });
    expect((await appToken()).status).toBe(200);
  });

  it('a user’s refresh token redeemed in a loop: invalid_grant AADSTS50196', async () => {
    const upn = sandbox.info.users.find((u) => u.key === 'globalAdmin')?.username ?? '';
    let refresh = plantRefreshToken(sandbox, { homeTenantId: sandbox.info.partnerTenantId, upn });
    const redeem = () =>
      http.postForm(tokenUrl(), { grant_type: 'refresh_token', client_id: graphCommandLineToolsAppId, refresh_token: refresh, scope: 'https://graph.microsoft.com/User.Read offline_access' });
    for (let i = 0; i < 20; i++) {
      const ok = await redeem();
      expect(ok.status, ok.text).toBe(200);
      refresh = ok.json<{ refresh_token: string }>().refresh_token;
    }
    const looped = await redeem();
    expect(looped.status).toBe(400);
    expect(looped.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50196] });
  });

  it('spreading the same requests over time is not a loop, and the threshold is a setting', async () => {
    await http.control('PATCH', '/settings', { clientTenants: { tokenLoop: { maxIdenticalRequests: 3 } } });
    await http.control('POST', '/clock', { advanceSeconds: 600 });
    for (let i = 0; i < 6; i++) {
      expect((await appToken()).status).toBe(200);
      await http.control('POST', '/clock', { advanceSeconds: 30 });
    }
    await http.control('POST', '/clock', { advanceSeconds: 60 });
    for (let i = 0; i < 3; i++) expect((await appToken()).status).toBe(200);
    expect((await appToken()).status).toBe(429);
    await http.control('PATCH', '/settings', { clientTenants: { tokenLoop: { enabled: false } } });
    await http.control('POST', '/clock', { advanceSeconds: 600 });
    for (let i = 0; i < 25; i++) expect((await appToken()).status).toBe(200);
  });
});
