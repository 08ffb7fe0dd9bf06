import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeJwt } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AccountInfo, PublicClientApplication } from '@azure/msal-node';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { roleTemplateIds } from '../../sandbox/model/wellKnownIds';
import { launchBrowser, newContext, runSignIn, type SignInScript, type SignInTrace } from './helpers/browserSignIn';
import { expectAadsts, publicClient } from './helpers/msalClients';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const graphScopes = ['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/Application.ReadWrite.All'];

function user(key: string) {
  const found = sandbox.info.users.find((u) => u.key === key);
  if (!found) throw new Error(`no scenario user ${key}`);
  return found;
}

function tenantOfKind(kind: string) {
  const found = sandbox.info.clientTenants.find((t) => t.kind === kind);
  if (!found) throw new Error(`no client tenant of kind ${kind}`);
  return found;
}

/** acquireTokenInteractive with the browser played by `script`; returns MSAL's result and what the browser saw. */
async function interactive(pca: PublicClientApplication, script: SignInScript, request: { scopes?: string[]; loginHint?: string; prompt?: string } = {}) {
  let trace: SignInTrace | undefined;
  const result = await pca.acquireTokenInteractive({
    scopes: request.scopes ?? graphScopes,
    loginHint: request.loginHint,
    prompt: request.prompt,
    openBrowser: async (url) => {
      trace = await runSignIn(page, script, url);
    },
    successTemplate: 'You are signed in.',
    errorTemplate: 'Sign-in did not complete: {error}',
  });
  return { result, trace: trace as SignInTrace };
}

async function interactiveFailure(pca: PublicClientApplication, script: SignInScript, request: { scopes?: string[]; loginHint?: string; prompt?: string } = {}) {
  let trace: SignInTrace | undefined;
  const failure = await expectAadsts(
    pca.acquireTokenInteractive({
      scopes: request.scopes ?? graphScopes,
      loginHint: request.loginHint,
      prompt: request.prompt,
      openBrowser: async (url) => {
        trace = await runSignIn(page, script, url);
      },
    }),
  );
  return { ...failure, trace: trace as SignInTrace };
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'interactive' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});
afterEach(async () => {
  vi.useRealTimers();
  await context?.close();
});

async function freshBrowser(): Promise<void> {
  context = await newContext(browser);
  page = await context.newPage();
}

describe('interactive sign-in with PublicClientApplication.acquireTokenInteractive', () => {
  it('signs in a Global Administrator, shows real consent texts, grants tenant-wide and returns scoped tokens', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    const { result, trace } = await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });

    expect(trace.pages).toEqual(['signIn', 'consent', 'redirected']);
    const appWrite = trace.permissions.find((p) => p.value === 'Application.ReadWrite.All');
    expect(appWrite?.text).toContain('Allows the app to create, read, update and delete applications and service principals on behalf of the signed-in user.');
    expect(trace.permissions.map((p) => p.value)).toEqual(expect.arrayContaining(['openid', 'profile', 'offline_access', 'User.Read']));

    expect(result.account?.username).toBe(ga.username);
    expect(result.tenantId).toBe(sandbox.info.partnerTenantId);
    const id = decodeJwt(result.idToken);
    expect(id.nonce).toBeUndefined();
    expect(id.iss).toBe(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/v2.0`);
    expect(id.aud).toBe(sandbox.info.publicClientId);
    const at = decodeJwt(result.accessToken);
    expect(at).toMatchObject({ aud: 'https://graph.microsoft.com', tid: sandbox.info.partnerTenantId, appid: sandbox.info.publicClientId, idtyp: 'user', upn: ga.username, ver: '1.0' });
    expect(String(at.scp).split(' ')).toEqual(expect.arrayContaining(['User.Read', 'Application.ReadWrite.All']));
    expect(at.wids).toEqual(expect.arrayContaining([roleTemplateIds.globalAdministrator]));

    // Admin-only permission in the request: the consent was tenant-wide (facts §5.1 AllPrincipals).
    const directory = sandbox.state.directory(sandbox.info.partnerTenantId);
    const client = directory.findServicePrincipalByAppId(sandbox.info.publicClientId);
    const grants = [...directory.oauth2PermissionGrants.values()].filter((g) => g.clientId === client?.id);
    expect(grants).toHaveLength(1);
    expect(grants[0]?.consentType).toBe('AllPrincipals');
    expect(sandbox.state.consentRecords.at(-1)).toMatchObject({ kind: 'admin', via: 'authorize', consentedBy: ga.username });
  });

  it('refreshes silently after the sandbox clock passes access-token expiry, rotating the refresh token', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    const first = await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });
    const account = first.result.account as AccountInfo;
    const cached = await pca.acquireTokenSilent({ account, scopes: graphScopes });
    expect(cached.accessToken).toBe(first.result.accessToken);
    const refreshTokensBefore = sandbox.runtime.identity.refreshTokens.size;

    // Two hours on, for the sandbox and for MSAL, which judges expiry by the process clock.
    sandbox.clock.advance(2 * 3600 * 1000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(sandbox.clock.now());
    const refreshed = await pca.acquireTokenSilent({ account, scopes: graphScopes });
    expect(refreshed.accessToken).not.toBe(first.result.accessToken);
    const claims = decodeJwt(refreshed.accessToken);
    expect(claims.iat).toBeGreaterThanOrEqual(Math.floor(sandbox.clock.now() / 1000) - 5);
    expect(sandbox.runtime.identity.refreshTokens.size).toBe(refreshTokensBefore + 1);
  });

  it('reaches a GDAP customer: consent_required (65001) silently, then consent as delegated admin, tokens in the customer tenant', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    const home = await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });
    const account = home.result.account as AccountInfo;
    const customer = tenantOfKind('gdapFull');
    const authority = `${sandbox.info.authority}/${customer.tenantId}`;

    // msal-node picks cached access tokens by account.tenantId, so a cross-tenant silent call must force the refresh.
    const silent = await expectAadsts(pca.acquireTokenSilent({ account, scopes: graphScopes, authority, forceRefresh: true }));
    expect(silent.code).toBe(65001);
    expect(silent.error.subError).toBe('consent_required');

    let trace: SignInTrace | undefined;
    const there = await pca.acquireTokenInteractive({
      scopes: graphScopes,
      authority,
      loginHint: ga.username,
      openBrowser: async (url) => {
        trace = await runSignIn(page, { consent: 'accept' }, url);
      },
    });
    // Single sign-on from the partner session, then the consent page: the admin reaches it through GDAP roles.
    expect(trace?.pages).toEqual(['consent', 'redirected']);
    expect(there.tenantId).toBe(customer.tenantId);
    const claims = decodeJwt(there.accessToken);
    expect(claims.tid).toBe(customer.tenantId);
    expect(claims.idp).toBe(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/`);
    expect(claims.wids).toEqual(expect.arrayContaining([roleTemplateIds.applicationAdministrator, roleTemplateIds.privilegedRoleAdministrator]));
    expect(claims.wids).not.toContain(roleTemplateIds.globalAdministrator);
    const again = await pca.acquireTokenSilent({ account, scopes: graphScopes, authority, forceRefresh: true });
    expect(decodeJwt(again.accessToken).tid).toBe(customer.tenantId);
  });

  it('answers AADSTS50020 for customers with an expired GDAP relationship or none at all', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    const home = await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });
    for (const kind of ['gdapExpired', 'noGdap', 'gdapPending']) {
      const authority = `${sandbox.info.authority}/${tenantOfKind(kind).tenantId}`;
      const failure = await expectAadsts(pca.acquireTokenSilent({ account: home.result.account as AccountInfo, scopes: graphScopes, authority, forceRefresh: true }));
      expect(failure.code, kind).toBe(50020);
    }
  });

  it('answers AADSTS50076 where Conditional Access requires MFA, and succeeds interactively with the MFA code', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    const home = await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });
    const authority = `${sandbox.info.authority}/${tenantOfKind('mfaRequired').tenantId}`;
    const silent = await expectAadsts(pca.acquireTokenSilent({ account: home.result.account as AccountInfo, scopes: graphScopes, authority, forceRefresh: true }));
    expect(silent.code).toBe(50076);
    expect(silent.error.errorCode).toBe('interaction_required');

    let trace: SignInTrace | undefined;
    const result = await pca.acquireTokenInteractive({
      scopes: graphScopes,
      authority,
      loginHint: ga.username,
      openBrowser: async (url) => {
        trace = await runSignIn(page, { mfaCode: ga.mfaCode, consent: 'accept' }, url);
      },
    });
    expect(trace?.pages).toEqual(['mfa', 'consent', 'redirected']);
    expect(decodeJwt(result.accessToken).amr).toEqual(['pwd', 'mfa']);
  });

  it('applies a client tenant’s Conditional Access for service provider users to GDAP sign-ins: MFA page, or AADSTS53003', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });
    let trace: SignInTrace | undefined;
    const mfaTenant = `${sandbox.info.authority}/${tenantOfKind('caMfaForServiceProviders').tenantId}`;
    const result = await pca.acquireTokenInteractive({
      scopes: graphScopes,
      authority: mfaTenant,
      loginHint: ga.username,
      openBrowser: async (url) => {
        trace = await runSignIn(page, { mfaCode: ga.mfaCode, consent: 'accept' }, url);
      },
    });
    expect(trace?.pages).toEqual(['mfa', 'consent', 'redirected']);
    expect(decodeJwt(result.accessToken).amr).toEqual(['pwd', 'mfa']);

    const blocked = await expectAadsts(
      pca.acquireTokenInteractive({
        scopes: graphScopes,
        authority: `${sandbox.info.authority}/${tenantOfKind('caBlocksServiceProviders').tenantId}`,
        loginHint: ga.username,
        openBrowser: async (url) => {
          trace = await runSignIn(page, {}, url);
        },
      }),
    );
    expect(blocked.code).toBe(53003);
  });

  it('shows "Need admin approval" when GDAP grants only Directory Readers, and the app gets AADSTS65001', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });
    const authority = `${sandbox.info.authority}/${tenantOfKind('gdapMissingRoles').tenantId}`;
    let trace: SignInTrace | undefined;
    const failure = await expectAadsts(
      pca.acquireTokenInteractive({
        scopes: graphScopes,
        authority,
        loginHint: ga.username,
        openBrowser: async (url) => {
          trace = await runSignIn(page, { backFromAdminApproval: true }, url);
        },
      }),
    );
    expect(trace?.pages).toEqual(['adminApproval', 'redirected']);
    expect(failure.code).toBe(65001);
  });

  it('lets a user without admin roles consent for themselves only, and refuses admin-only scopes (65001)', async () => {
    sandbox.reset();
    await freshBrowser();
    const member = user('member');
    const pca = publicClient(sandbox);
    const own = await interactive(pca, { username: member.username, password: member.password, consent: 'accept' }, { scopes: ['https://graph.microsoft.com/User.Read'] });
    expect(own.trace.pages).toEqual(['signIn', 'consent', 'redirected']);
    expect(await page.$('#idChkBx_ConsentForOrg')).toBeNull();
    const directory = sandbox.state.directory(sandbox.info.partnerTenantId);
    const grant = [...directory.oauth2PermissionGrants.values()].at(-1);
    expect(grant).toMatchObject({ consentType: 'Principal', principalId: own.result.account?.localAccountId });

    const denied = await interactiveFailure(pca, { backFromAdminApproval: true }, { loginHint: member.username });
    expect(denied.trace.pages).toEqual(['adminApproval', 'redirected']);
    expect(denied.code).toBe(65001);
  });

  it('honours prompt=select_account (account picker) and prompt=login (password again)', async () => {
    sandbox.reset();
    await freshBrowser();
    const ga = user('globalAdmin');
    const pca = publicClient(sandbox);
    await interactive(pca, { username: ga.username, password: ga.password, consent: 'accept' });
    const picked = await interactive(pca, { pick: ga.username }, { prompt: 'select_account' });
    expect(picked.trace.pages).toEqual(['picker', 'redirected']);
    const again = await interactive(pca, { username: ga.username, password: ga.password }, { prompt: 'login' });
    expect(again.trace.pages).toEqual(['signIn', 'redirected']);
    const sso = await interactive(pca, {});
    expect(sso.trace.pages).toEqual(['redirected']);
  });

  it('blocks unassigned users with AADSTS50105 when the service principal requires assignment', async () => {
    sandbox.reset();
    await freshBrowser();
    const sp = sandbox.state.directory(sandbox.info.partnerTenantId).findServicePrincipalByAppId(sandbox.info.publicClientId);
    if (!sp) throw new Error('no Graph Command Line Tools service principal');
    sp.appRoleAssignmentRequired = true;
    const ga = user('globalAdmin');
    const failure = await interactiveFailure(publicClient(sandbox), { username: ga.username, password: ga.password });
    expect(failure.code).toBe(50105);
  });

  it('answers AADSTS50020 when a user from another tenant signs in to a single-tenant app', async () => {
    sandbox.reset();
    await freshBrowser();
    const single = await sandboxHttpControl('POST', `/tenants/${sandbox.info.partnerTenantId}/applications`, {
      displayName: 'Partner-only tool',
      signInAudience: 'AzureADMyOrg',
      isFallbackPublicClient: true,
      publicClient: { redirectUris: ['http://localhost'] },
      createServicePrincipal: true,
    });
    const appId = (single as { appId: string }).appId;
    const customer = tenantOfKind('gdapFull');
    const failure = await interactiveFailure(
      publicClient(sandbox, sandbox.info.partnerTenantId, appId),
      { username: `admin@${customer.domain}`, password: sandbox.info.clientAdmin.password },
      { scopes: ['https://graph.microsoft.com/User.Read'] },
    );
    expect(failure.code).toBe(50020);
  });

  it('reports wrong passwords (50126) and unknown users (50034) on the sign-in page', async () => {
    sandbox.reset();
    await freshBrowser();
    const url = await publicClient(sandbox).getAuthCodeUrl({ scopes: graphScopes, redirectUri: 'http://localhost:1' });
    const wrong = await runSignIn(page, { username: user('globalAdmin').username, password: 'wrong' }, url);
    expect(wrong.notices.join(' ')).toContain('AADSTS50126');
    const unknown = await runSignIn(page, { username: 'nobody@contosomsp.onmicrosoft.com', password: 'x' }, url);
    expect(unknown.notices.join(' ')).toContain('AADSTS50034');
  });

  it('shows AADSTS50011 and AADSTS700016 on the error page without redirecting', async () => {
    sandbox.reset();
    await freshBrowser();
    const url = new URL(await publicClient(sandbox).getAuthCodeUrl({ scopes: graphScopes, redirectUri: 'http://localhost:1' }));
    url.searchParams.set('redirect_uri', 'https://attacker.example.com/callback');
    expect((await runSignIn(page, {}, url.toString())).errorCode).toBe('50011');
    url.searchParams.set('redirect_uri', 'http://127.0.0.1:5555');
    url.searchParams.set('client_id', '00000000-1111-2222-3333-444444444444');
    expect((await runSignIn(page, {}, url.toString())).errorCode).toBe('700016');
    // The loopback rule: 127.0.0.1 on any port matches the registered http://localhost.
    url.searchParams.set('client_id', sandbox.info.publicClientId);
    expect((await runSignIn(page, {}, url.toString())).pages).toEqual(['signIn']);
  });

  it('renders 50105 on Entra\'s page instead of redirecting when interactiveErrorDelivery is "page"', async () => {
    sandbox.reset();
    sandbox.patchSettings({ interactiveErrorDelivery: 'page' });
    await freshBrowser();
    const sp = sandbox.state.directory(sandbox.info.partnerTenantId).findServicePrincipalByAppId(sandbox.info.publicClientId);
    if (sp) sp.appRoleAssignmentRequired = true;
    const ga = user('globalAdmin');
    const url = await publicClient(sandbox).getAuthCodeUrl({ scopes: graphScopes, redirectUri: 'http://localhost:1' });
    const trace = await runSignIn(page, { username: ga.username, password: ga.password }, url);
    expect(trace.errorCode).toBe('50105');
  });
});

async function sandboxHttpControl(method: string, path: string, body: unknown): Promise<unknown> {
  const res = await sandboxHttp(sandbox).control(method, path, body);
  if (res.status >= 300) throw new Error(`control ${path}: ${res.status} ${res.text}`);
  return res.json();
}
