import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { loadGraphPermissionCatalog } from '../../sandbox/model/graphPermissionCatalog';
import { launchBrowser, newContext, runSignIn, startRedirectCatcher } from './helpers/browserSignIn';
import { confidentialClient } from './helpers/msalClients';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let catcher: Awaited<ReturnType<typeof startRedirectCatcher>>;

const catalog = loadGraphPermissionCatalog();
const scope = (value: string) => ({ id: catalog.scopeByValue.get(value.toLowerCase())?.id ?? '', type: 'Scope' as const });
const role = (value: string) => ({ id: catalog.appRoleByValue.get(value.toLowerCase())?.id ?? '', type: 'Role' as const });

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'admin-consent' });
  http = sandboxHttp(sandbox);
  browser = await launchBrowser();
  catcher = await startRedirectCatcher();
});
afterAll(async () => {
  await browser?.close();
  await catcher?.close();
  await sandbox?.close();
});
beforeEach(async () => {
  sandbox.reset();
  await context?.close();
  context = await newContext(browser);
  page = await context.newPage();
});

async function untilSecretReplicated<T>(attempt: () => Promise<T>, deadline = Date.now() + 60_000): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (!String(e).includes('AADSTS7000215') || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** The multi-tenant app an MSP installs in customers: delegated Directory.Read.All, app roles User.Read.All + Application.Read.All. */
async function registerMultiTenantApp(): Promise<{ appId: string; secret: string }> {
  const res = await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications`, {
    displayName: 'Contoso MSP Onboarding',
    signInAudience: 'AzureADMultipleOrgs',
    web: { redirectUris: [`${catcher.uri}/consent-done`] },
    requiredResourceAccess: [{ resourceAppId: graphAppId, resourceAccess: [scope('Directory.Read.All'), role('User.Read.All'), role('Application.Read.All')] }],
    createServicePrincipal: true,
  });
  const { appId } = res.json<{ appId: string }>();
  const secret = (await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications/${appId}/addPassword`, {})).json<{ secretText: string }>().secretText;
  return { appId, secret };
}

function customer(kind: string) {
  const found = sandbox.info.clientTenants.find((t) => t.kind === kind);
  if (!found) throw new Error(kind);
  return found;
}

describe('admin consent endpoints (facts §6)', () => {
  it('v1 /{tenant}/adminconsent by a GDAP admin creates the service principal, grants and app roles in the customer', async () => {
    const { appId, secret } = await registerMultiTenantApp();
    const target = customer('gdapFull');
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin');
    const url = `${sandbox.info.authority}/${target.domain}/adminconsent?client_id=${appId}&state=12345&redirect_uri=${encodeURIComponent(`${catcher.uri}/consent-done`)}`;
    const trace = await runSignIn(page, { username: ga?.username, password: ga?.password, consent: 'accept' }, url);
    expect(trace.pages).toEqual(['signIn', 'consent', 'redirected']);
    expect(trace.permissions.map((p) => p.value).sort()).toEqual(['Application.Read.All', 'Directory.Read.All', 'User.Read.All']);
    // The consent page shows the catalogue's own description (data/graph-permissions).
    expect(trace.permissions.find((p) => p.value === 'User.Read.All')?.text).toContain(catalog.appRoleByValue.get('user.read.all')?.description ?? 'missing');
    expect(catalog.appRoleByValue.get('user.read.all')?.description).toMatch(/^Allows the app to read the full set of user properties/);

    const back = catcher.last();
    expect(back?.pathname).toBe('/consent-done');
    expect(Object.fromEntries(back?.searchParams ?? [])).toEqual({ tenant: target.tenantId, state: '12345', admin_consent: 'True' });

    const directory = sandbox.state.directory(target.tenantId);
    const sp = directory.findServicePrincipalByAppId(appId);
    expect(sp).toBeDefined();
    const graph = directory.findServicePrincipalByAppId(graphAppId);
    const grants = directory.grantsFor(sp?.id ?? '', graph?.id ?? '');
    expect(grants).toEqual([expect.objectContaining({ consentType: 'AllPrincipals', principalId: null, scope: 'Directory.Read.All' })]);
    expect(directory.assignmentsOf(sp?.id ?? '', graph?.id).map((a) => a.appRoleId).sort()).toEqual([role('User.Read.All').id, role('Application.Read.All').id].sort());

    // A secret added moments ago is refused (AADSTS7000215) until it has replicated, as in Entra; a client waits.
    const cca = confidentialClient(sandbox, appId, target.tenantId, secret);
    const token = await untilSecretReplicated(() => cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'], skipCache: true }));
    expect((decodeJwt(token?.accessToken ?? '').roles as string[]).sort()).toEqual(['Application.Read.All', 'User.Read.All']);
  });

  it('v2 /organizations/v2.0/adminconsent by the customer\'s own admin reports tenant and granted scopes', async () => {
    const { appId } = await registerMultiTenantApp();
    const target = customer('noGdap');
    const url = `${sandbox.info.authority}/organizations/v2.0/adminconsent?client_id=${appId}&scope=${encodeURIComponent('https://graph.microsoft.com/.default')}&state=xyz&redirect_uri=${encodeURIComponent(`${catcher.uri}/consent-done`)}`;
    await runSignIn(page, { username: `admin@${target.domain}`, password: sandbox.info.clientAdmin.password, consent: 'accept' }, url);
    const back = catcher.last();
    expect(back?.searchParams.get('admin_consent')).toBe('True');
    expect(back?.searchParams.get('tenant')).toBe(target.tenantId);
    expect(back?.searchParams.get('state')).toBe('xyz');
    expect(back?.searchParams.get('scope')?.split(' ').sort()).toEqual([
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Directory.Read.All',
      'https://graph.microsoft.com/User.Read.All',
    ]);
    expect(sandbox.state.consentRecords.at(-1)).toMatchObject({ tenantId: target.tenantId, kind: 'admin', via: 'adminconsent' });
  });

  it('reports the documented errors on cancel: v1 permission_denied, v2 consent_required with AADSTS65004', async () => {
    const { appId } = await registerMultiTenantApp();
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin');
    const redirect = encodeURIComponent(`${catcher.uri}/consent-done`);
    await runSignIn(page, { username: ga?.username, password: ga?.password, consent: 'cancel' }, `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/adminconsent?client_id=${appId}&state=a&redirect_uri=${redirect}`);
    expect(Object.fromEntries(catcher.last()?.searchParams ?? [])).toEqual({ error: 'permission_denied', error_description: 'The admin canceled the request', state: 'a' });

    await runSignIn(page, { pick: ga?.username, consent: 'cancel' }, `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/v2.0/adminconsent?client_id=${appId}&scope=${encodeURIComponent('https://graph.microsoft.com/.default')}&state=b&redirect_uri=${redirect}`);
    const v2 = catcher.last();
    expect(v2?.searchParams.get('admin_consent')).toBe('True');
    expect(v2?.searchParams.get('error')).toBe('consent_required');
    expect(v2?.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(v2?.searchParams.get('state')).toBe('b');
  });

  it('does not let an Application Administrator grant Microsoft Graph app roles ("Need admin approval")', async () => {
    const { appId } = await registerMultiTenantApp();
    const appAdmin = sandbox.info.users.find((u) => u.key === 'applicationAdmin');
    const trace = await runSignIn(
      page,
      { username: appAdmin?.username, password: appAdmin?.password, backFromAdminApproval: true },
      `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/adminconsent?client_id=${appId}&state=c&redirect_uri=${encodeURIComponent(`${catcher.uri}/consent-done`)}`,
    );
    expect(trace.pages).toEqual(['signIn', 'adminApproval', 'redirected']);
    expect(catcher.last()?.searchParams.get('error')).toBe('access_denied');
    expect(sandbox.state.directory(sandbox.info.partnerTenantId).assignmentsOf(sandbox.state.directory(sandbox.info.partnerTenantId).findServicePrincipalByAppId(appId)?.id ?? '')).toHaveLength(0);
  });

  it('shows AADSTS50011 for an unregistered redirect_uri and AADSTS50020 for a partner user without GDAP', async () => {
    const { appId } = await registerMultiTenantApp();
    const mismatch = await runSignIn(page, {}, `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/adminconsent?client_id=${appId}&redirect_uri=${encodeURIComponent('https://elsewhere.example.com/')}`);
    expect(mismatch.errorCode).toBe('50011');
    const member = sandbox.info.users.find((u) => u.key === 'member');
    await runSignIn(page, { username: member?.username, password: member?.password }, `${sandbox.info.authority}/${customer('gdapFull').tenantId}/adminconsent?client_id=${appId}&state=d&redirect_uri=${encodeURIComponent(`${catcher.uri}/consent-done`)}`);
    expect(catcher.last()?.searchParams.get('error_description')).toMatch(/^AADSTS50020: /);
  });
});
