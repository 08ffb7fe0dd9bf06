import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { PublicClientApplication } from '@azure/msal-node';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';
import { expectAadsts, msalConfig } from './helpers/msalClients';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;
const graphDefault = ['https://graph.microsoft.com/.default'];

beforeAll(async () => {
  // These tests are about the grants' rules and response shapes, and use a secret the line after creating it; the
  // secret's replication delay (AADSTS7000215 for a few seconds) has its own tests.
  sandbox = await startSandbox({ seed: 'password-and-v1', settings: instantReplication });
  http = sandboxHttp(sandbox);
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.reset());

function user(key: string): { username: string; password: string } {
  const found = sandbox.info.users.find((u) => u.key === key);
  if (!found) throw new Error(`no user ${key}`);
  return found;
}

/** An app registered in the partner tenant with sign-in, User.Read and Directory.Read.All consented for everyone. */
async function registerApp(options: { publicClient: boolean; redirectUri?: string }): Promise<{ appId: string; secret: string }> {
  const tenant = sandbox.info.partnerTenantId;
  const created = await http.control('POST', `/tenants/${tenant}/applications`, {
    displayName: 'Password grant client',
    signInAudience: 'AzureADMyOrg',
    isFallbackPublicClient: options.publicClient,
    ...(options.redirectUri ? { web: { redirectUris: [options.redirectUri] } } : {}),
    createServicePrincipal: true,
  });
  expect(created.status).toBe(201);
  const { appId } = created.json<{ appId: string }>();
  const grant = await http.control('POST', `/tenants/${tenant}/oauth2PermissionGrants`, { clientAppId: appId, resourceAppId: graphAppId, scope: 'openid profile offline_access User.Read Directory.Read.All' });
  expect(grant.status).toBe(201);
  const password = await http.control('POST', `/tenants/${tenant}/applications/${appId}/addPassword`, { displayName: 'test' });
  return { appId, secret: password.json<{ secretText: string }>().secretText };
}

function tokenUrl(tenant: string, version: 1 | 2): string {
  return `${sandbox.info.authority}/${tenant}/oauth2/${version === 2 ? 'v2.0/' : ''}token`;
}

describe('resource owner password credentials (grant_type=password)', () => {
  it('signs in an account without MFA through msal-node acquireTokenByUsernamePassword', async () => {
    const { appId } = await registerApp({ publicClient: true });
    const ga = user('globalAdmin');
    const pca = new PublicClientApplication(msalConfig(sandbox, appId, sandbox.info.partnerTenantId));
    const result = await pca.acquireTokenByUsernamePassword({ username: ga.username, password: ga.password, scopes: graphDefault });
    const claims = decodeJwt(result?.accessToken ?? '');
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', upn: ga.username, appid: appId, appidacr: '0', amr: ['pwd'], tid: sandbox.info.partnerTenantId });
    expect(String(claims.scp).split(' ')).toEqual(expect.arrayContaining(['Directory.Read.All', 'User.Read']));
    expect(result?.account?.username).toBe(ga.username);
  });

  it('answers Microsoft’s errors: 50126 wrong password, 50034 unknown user, 50076 when MFA is required', async () => {
    const { appId } = await registerApp({ publicClient: true });
    const ga = user('globalAdmin');
    const pca = new PublicClientApplication(msalConfig(sandbox, appId, sandbox.info.partnerTenantId));
    const wrong = await expectAadsts(pca.acquireTokenByUsernamePassword({ username: ga.username, password: 'not-it', scopes: graphDefault }));
    expect(wrong.code).toBe(50126);
    const unknown = await expectAadsts(pca.acquireTokenByUsernamePassword({ username: `nobody@${sandbox.info.partnerDomain}`, password: 'x', scopes: graphDefault }));
    expect(unknown.code).toBe(50034);

    const userId = (await http.control('GET', `/tenants/${sandbox.info.partnerTenantId}`)).json<{ users: Array<{ id: string; userPrincipalName: string }> }>().users.find((u) => u.userPrincipalName === ga.username)?.id;
    expect((await http.control('PATCH', `/tenants/${sandbox.info.partnerTenantId}/users/${userId}`, { requireMfa: true })).status).toBe(200);
    const raw = await http.postForm(tokenUrl(sandbox.info.partnerTenantId, 2), { grant_type: 'password', client_id: appId, username: ga.username, password: ga.password, scope: graphDefault[0] as string });
    expect(raw.status).toBe(400);
    expect(raw.json()).toMatchObject({ error: 'interaction_required', error_codes: [50076], suberror: 'basic_action' });
  });

  it('follows the public/confidential client rules: 7000218 without "Allow public client flows", 700025 for a public client sending a secret, a confidential client with its secret is fine', async () => {
    const ga = user('globalAdmin');
    const confidential = await registerApp({ publicClient: false });
    const noSecret = await http.postForm(tokenUrl(sandbox.info.partnerTenantId, 2), { grant_type: 'password', client_id: confidential.appId, username: ga.username, password: ga.password, scope: graphDefault[0] as string });
    expect(noSecret.status).toBe(401);
    expect(noSecret.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
    const withSecret = await http.postForm(tokenUrl(sandbox.info.partnerTenantId, 2), {
      grant_type: 'password', client_id: confidential.appId, client_secret: confidential.secret, username: ga.username, password: ga.password, scope: graphDefault[0] as string,
    });
    expect(withSecret.status).toBe(200);
    expect(decodeJwt(withSecret.json<{ access_token: string }>().access_token).appidacr).toBe('1');

    const publicApp = await registerApp({ publicClient: true });
    const secretSent = await http.postForm(tokenUrl(sandbox.info.partnerTenantId, 2), {
      grant_type: 'password', client_id: publicApp.appId, client_secret: publicApp.secret, username: ga.username, password: ga.password, scope: graphDefault[0] as string,
    });
    expect(secretSent.status).toBe(401);
    expect(secretSent.json()).toMatchObject({ error: 'invalid_client', error_codes: [700025] });
  });
});

describe('the v1.0 endpoints with resource=', () => {
  it('/oauth2/token: client credentials and password grants answer v1 token responses for the resource', async () => {
    const { appId, secret } = await registerApp({ publicClient: true });
    const tenant = sandbox.info.partnerTenantId;
    const missing = await http.postForm(tokenUrl(tenant, 1), { grant_type: 'client_credentials', client_id: appId, client_secret: secret });
    expect(missing.json()).toMatchObject({ error: 'invalid_request', error_codes: [900144] });
    const confidential = await registerApp({ publicClient: false });
    const app = await http.postForm(tokenUrl(tenant, 1), { grant_type: 'client_credentials', client_id: confidential.appId, client_secret: confidential.secret, resource: 'https://graph.microsoft.com' });
    expect(app.status).toBe(200);
    const body = app.json<Record<string, string>>();
    expect(body).toMatchObject({ token_type: 'Bearer', resource: 'https://graph.microsoft.com' });
    expect(body.expires_in).toMatch(/^\d+$/);
    expect(Number(body.expires_on) - Number(body.not_before)).toBe(Number(body.expires_in));
    expect(decodeJwt(body.access_token as string)).toMatchObject({ aud: 'https://graph.microsoft.com', ver: '1.0', idtyp: 'app' });

    const ga = user('globalAdmin');
    const pwd = await http.postForm(tokenUrl(tenant, 1), { grant_type: 'password', client_id: appId, username: ga.username, password: ga.password, resource: graphAppId });
    expect(pwd.status).toBe(200);
    const v1 = pwd.json<Record<string, string>>();
    expect(v1.resource).toBe(graphAppId);
    expect(String(v1.scope).split(' ')).toEqual(expect.arrayContaining(['Directory.Read.All', 'User.Read']));
    expect(v1.scope).not.toContain('graph.microsoft.com');
    expect(v1.refresh_token).toBeTruthy();
    expect(v1.id_token).toBeTruthy();
    expect(decodeJwt(v1.access_token as string)).toMatchObject({ aud: graphAppId, upn: ga.username, ver: '1.0' });
  });

  it('/oauth2/authorize with resource= signs in and its code redeems at /oauth2/token for that resource', async () => {
    const redirectUri = 'https://v1.example.com/callback';
    const { appId, secret } = await registerApp({ publicClient: false, redirectUri });
    const tenant = sandbox.info.partnerTenantId;
    const query = new URLSearchParams({ client_id: appId, response_type: 'code', redirect_uri: redirectUri, resource: 'https://graph.microsoft.com', state: 's1' });
    const page = await http.get(`${sandbox.info.authority}/${tenant}/oauth2/authorize?${query.toString()}`);
    expect(page.status).toBe(200);
    const flow = /name="flow" value="([^"]+)"/.exec(page.text)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
    expect(flow).toBeTruthy();
    const ga = user('globalAdmin');
    const signedIn = await http.postForm(new URL(action as string, sandbox.info.authority).toString(), { flow: flow as string, action: 'signin', loginfmt: ga.username, passwd: ga.password });
    expect(signedIn.status).toBe(302);
    const location = new URL(String(signedIn.headers.location));
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code') as string;
    const token = await http.postForm(tokenUrl(tenant, 1), { grant_type: 'authorization_code', client_id: appId, client_secret: secret, code, redirect_uri: redirectUri, resource: 'https://graph.microsoft.com' });
    expect(token.status).toBe(200);
    const body = token.json<Record<string, string>>();
    expect(body.resource).toBe('https://graph.microsoft.com');
    expect(decodeJwt(body.access_token as string)).toMatchObject({ aud: 'https://graph.microsoft.com', upn: ga.username, ver: '1.0' });

    const mismatch = await http.get(`${sandbox.info.authority}/${tenant}/oauth2/authorize?${new URLSearchParams({ client_id: appId, response_type: 'code', redirect_uri: 'https://evil.example.com/', resource: 'https://graph.microsoft.com' }).toString()}`);
    expect(mismatch.text).toContain('AADSTS50011');
  });
});
