import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGraphHarness, type GraphHarness } from '../sandbox-graph/harness';
import { issueAppToken } from '../../sandbox/identity/issueTokens';
import { assignAppRole } from '../../sandbox/model/assignAppRole';
import { createApplication } from '../../sandbox/model/createApplication';
import { ensureServicePrincipal } from '../../sandbox/model/ensureServicePrincipal';
import { graphAppId, graphResourceUri } from '../../sandbox/model/wellKnownIds';
import { defaultClientTenantSettings } from '../../sandbox/settings/ClientTenantSettings';
import { sandboxHttp } from '../sandbox/helpers/sandboxHttp';

let h: GraphHarness;
let counter = 0;

/** Through the control API, as a test or `npm run web` would switch it. */
async function patchSettings(patch: unknown): Promise<void> {
  const res = await sandboxHttp(h.sandbox).control('PATCH', '/settings', patch);
  expect(res.status, res.text).toBe(200);
}

/** One multi-tenant app with Application.ReadWrite.All in each of the given tenants; a token per tenant. */
async function appInTenants(tenantIds: string[]): Promise<string[]> {
  const rt = h.sandbox.runtime;
  counter++;
  const app = createApplication(rt.state, h.partnerTenantId, { displayName: `Throttled app ${counter}`, signInAudience: 'AzureADMultipleOrgs' });
  const tokens: string[] = [];
  for (const tenantId of tenantIds) {
    const sp = ensureServicePrincipal(rt.state, tenantId, app);
    const graphSp = rt.state.directory(tenantId).findServicePrincipalByAppId(graphAppId);
    const role = graphSp?.appRoles.find((r) => r.value === 'Application.ReadWrite.All');
    if (!graphSp || !role) throw new Error('no Graph role');
    assignAppRole(rt.state, tenantId, { principalId: sp.id, principalType: 'ServicePrincipal', principalDisplayName: sp.displayName, resourceId: graphSp.id, appRoleId: role.id });
    tokens.push((await issueAppToken(rt, { tenantId, client: app, clientSp: sp, resource: graphSp, resourcePrefix: graphResourceUri })).access_token);
  }
  return tokens;
}

const tenantsOfKind = (kind: string) => h.sandbox.info.clientTenants.filter((c) => c.kind === kind).map((c) => c.tenantId);
const slow = (capacity: number) => ({ capacity, refillPerSecond: 0.001 });

beforeAll(async () => {
  h = await startGraphHarness();
});
afterEach(() => {
  h.sandbox.settings.clientTenants.graphThrottling = defaultClientTenantSettings().graphThrottling;
  h.sandbox.runtime.limiter.clear();
});
afterAll(() => h.close());

describe('Graph identity-and-access throttling (facts §9.2)', () => {
  it('is on by default at Microsoft’s levels and reports the cost of each request', async () => {
    expect(h.sandbox.settings.clientTenants.graphThrottling.appTenant).toEqual({ capacity: 3500, refillPerSecond: 350 });
    const [token] = await appInTenants([h.partnerTenantId]);
    const apps = await h.call('GET', '/applications', { token });
    expect(apps.headers.get('x-ms-resource-unit')).toBe('2');
    const selected = await h.call('GET', '/applications?$select=id', { token });
    expect(selected.headers.get('x-ms-resource-unit')).toBe('1');
    const sps = await h.call('GET', '/servicePrincipals', { token });
    expect(sps.headers.get('x-ms-resource-unit')).toBe('1');
  });

  it('app + tenant pair: resource units run out, 429 with Retry-After and the throttle headers; other tenants go on', async () => {
    const [a, b] = tenantsOfKind('gdapFull');
    const [inA, inB] = await appInTenants([a as string, b as string]);
    await patchSettings({ clientTenants: { graphThrottling: { appTenant: slow(6) } } });
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/applications', { token: inA })).status).toBe(200);
    const throttled = await h.call('GET', '/applications', { token: inA });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled.headers.get('x-ms-throttle-scope')).toMatch(new RegExp(`^Tenant_Application/ReadWrite/[0-9a-f-]{36}/${a as string}$`));
    expect(throttled.headers.get('x-ms-throttle-information')).toBe('ResourceUnitLimitExceeded');
    expect(throttled.body.error).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', status: '429', message: 'Please retry after' } });
    expect((await h.call('GET', '/applications', { token: inB })).status).toBe(200);
  });

  it('per application across tenants: the same app is throttled everywhere once its own bucket is empty', async () => {
    const [a, b] = tenantsOfKind('gdapFull');
    const [inA, inB] = await appInTenants([a as string, b as string]);
    const [other] = await appInTenants([b as string]);
    await patchSettings({ clientTenants: { graphThrottling: { application: slow(3) } } });
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/servicePrincipals', { token: inA })).status).toBe(200);
    const res = await h.call('GET', '/servicePrincipals', { token: inB });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ms-throttle-scope')).toMatch(/^Application\/ReadWrite\//);
    expect((await h.call('GET', '/servicePrincipals', { token: other })).status).toBe(200);
  });

  it('per tenant for all apps: writes run out for every app in that tenant (WriteLimitExceeded)', async () => {
    const [a] = tenantsOfKind('gdapFull');
    const [first] = await appInTenants([a as string]);
    const [second] = await appInTenants([a as string]);
    await patchSettings({ clientTenants: { graphThrottling: { tenantOverrides: { [a as string]: { tenantWrites: slow(2) } } } } });
    for (let i = 0; i < 2; i++) {
      expect((await h.call('POST', '/applications', { token: first, body: { displayName: `w${i}` } })).status).toBe(201);
    }
    const res = await h.call('POST', '/applications', { token: second, body: { displayName: 'w3' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ms-throttle-information')).toBe('WriteLimitExceeded');
    expect(res.headers.get('x-ms-throttle-scope')).toMatch(/^Tenant\/ReadWrite\//);
    // Reads are not writes: still fine.
    expect((await h.call('GET', '/servicePrincipals', { token: second })).status).toBe(200);
  });

  it('throttles each request inside a $batch individually', async () => {
    const [token] = await appInTenants([h.partnerTenantId]);
    await patchSettings({ clientTenants: { graphThrottling: { appTenant: slow(2) } } });
    const requests = Array.from({ length: 4 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/servicePrincipals?$top=1' }));
    const res = await h.call('POST', '/$batch', { token, body: { requests } });
    expect(res.status).toBe(200);
    const statuses = res.body.responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429]);
    const limited = res.body.responses.find((r) => r.status === 429);
    // Inner responses carry Retry-After (facts §9.3); the batch itself is not charged.
    expect(Number(limited?.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
  });

  it('switches off per bucket (null) through the settings', async () => {
    const [token] = await appInTenants([h.partnerTenantId]);
    await patchSettings({ clientTenants: { graphThrottling: { appTenant: null, application: slow(1) } } });
    expect((await h.call('GET', '/servicePrincipals', { token })).status).toBe(200);
    expect((await h.call('GET', '/servicePrincipals', { token })).status).toBe(429);
    await patchSettings({ clientTenants: { graphThrottling: { application: null } } });
    expect((await h.call('GET', '/servicePrincipals', { token })).status).toBe(200);
  });
});
