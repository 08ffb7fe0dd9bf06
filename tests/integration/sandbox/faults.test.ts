import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { confidentialClient, expectAadsts } from './helpers/msalClients';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;
let app: { appId: string; secret: string };
const graphDefault = ['https://graph.microsoft.com/.default'];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'faults', settings: instantReplication });
  http = sandboxHttp(sandbox);
});
afterAll(() => sandbox?.close());
beforeEach(async () => {
  sandbox.reset();
  const res = await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications`, { displayName: 'Fault probe', signInAudience: 'AzureADMultipleOrgs', createServicePrincipal: true });
  const { appId } = res.json<{ appId: string }>();
  const secret = (await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications/${appId}/addPassword`, {})).json<{ secretText: string }>().secretText;
  app = { appId, secret };
});

const tokenForm = () => ({ grant_type: 'client_credentials', client_id: app.appId, client_secret: app.secret, scope: graphDefault[0] ?? '' });
const tokenUrl = () => `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/token`;

describe('fault injection middleware', () => {
  it('throttles per tenant + app with 429 and Retry-After, and MSAL surfaces it', async () => {
    sandbox.patchSettings({ faults: { identity: { throttle: { capacity: 2, refillPerSecond: 0.5 } } } });
    expect((await http.postForm(tokenUrl(), tokenForm())).status).toBe(200);
    expect((await http.postForm(tokenUrl(), tokenForm())).status).toBe(200);
    const throttled = await http.postForm(tokenUrl(), tokenForm());
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(throttled.json()).toMatchObject({ error: 'temporarily_unavailable' });

    // Discovery carries no client id, so it is not counted; another app has its own bucket.
    expect((await http.get(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/v2.0/.well-known/openid-configuration`)).status).toBe(200);
    const failure = await expectAadsts(confidentialClient(sandbox, app.appId, sandbox.info.partnerTenantId, app.secret).acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }));
    expect(failure.error.errorCode).toBe('temporarily_unavailable');

    // The bucket refills with (sandbox) time.
    sandbox.clock.advance(4_000);
    expect((await http.postForm(tokenUrl(), tokenForm())).status).toBe(200);
  });

  it('applies the same middleware to the Graph mount, keyed by the bearer token\'s tenant and app', async () => {
    sandbox.patchSettings({ faults: { graph: { throttle: { capacity: 1, refillPerSecond: 0.1 } } } });
    const token = (await http.postForm(tokenUrl(), tokenForm())).json<{ access_token: string }>().access_token;
    const call = () => http.get(`${sandbox.info.graph}/organization`, { authorization: `Bearer ${token}` });
    expect((await call()).status).not.toBe(429);
    const throttled = await call();
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('10');
    expect(throttled.json()).toMatchObject({ error: { code: 'TooManyRequests', message: 'Please retry again later.' } });
  });

  it('injects 5xx at the configured rate, which MSAL reports as a server error', async () => {
    const cca = confidentialClient(sandbox, app.appId, sandbox.info.partnerTenantId, app.secret);
    await cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true });
    sandbox.patchSettings({ faults: { identity: { errorRate: 1, errorStatus: 503 } } });
    const res = await http.postForm(tokenUrl(), tokenForm());
    expect(res.status).toBe(503);
    expect(res.json()).toMatchObject({ error: 'temporarily_unavailable', error_codes: [90033] });
    // MSAL already knows the endpoints, so the 503 comes from the token endpoint itself.
    const failure = await expectAadsts(cca.acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }));
    expect(failure.code).toBe(90033);
    // A new MSAL instance cannot even read the discovery document.
    const fresh = await expectAadsts(confidentialClient(sandbox, app.appId, sandbox.info.partnerTenantId, app.secret).acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true }));
    expect(fresh.error.errorCode).toBe('endpoints_resolution_error');
  });

  it('adds latency from the configured distribution', async () => {
    sandbox.patchSettings({ faults: { identity: { latency: { kind: 'fixed', ms: 300 } } } });
    const started = performance.now();
    expect((await http.postForm(tokenUrl(), tokenForm())).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('resets connections at the configured rate', async () => {
    sandbox.patchSettings({ faults: { identity: { resetRate: 1 } } });
    await expect(http.postForm(tokenUrl(), tokenForm())).rejects.toThrow(/socket hang up|ECONNRESET/);
    const failure = await confidentialClient(sandbox, app.appId, sandbox.info.partnerTenantId, app.secret)
      .acquireTokenByClientCredential({ scopes: graphDefault, skipCache: true })
      .then(() => null, (e: unknown) => e as Error);
    expect(failure).not.toBeNull();
  });

  it('draws faults from the seeded stream, so a reset replays the same sequence', async () => {
    const run = async (): Promise<number[]> => {
      sandbox.reset();
      sandbox.patchSettings({ faults: { identity: { errorRate: 0.5 } } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await http.get(`${sandbox.info.authority}/common/v2.0/.well-known/openid-configuration`)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });
});
