import { type Browser } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import type { Core } from '../../../src/main/core/create-core';
import { AppError } from '../../../src/main/core/errors/app-error';
import { createCloudFetch, type CloudFetch } from '../../../src/main/core/net/cloud-fetch';
import { deliverableConfiguration } from '../../../src/main/core/handover/deliverable-configuration';
import { PlatformDeliveryService } from '../../../src/main/core/platforms/delivery/platform-delivery-service';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { loadPlatformApiValidator } from '../../sandbox/platform/loadPlatformApiValidator';
import { platformApiDocPath } from '../../sandbox/platform/platformApiDocPath';
import { platformBackends } from '../../sandbox/platform/platformBackends';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { openInOnePage } from '../../helpers/sandbox-sign-in';
import { startTestCore } from '../../helpers/start-test-core';
import { makeTempDir } from '../../helpers/temp-dir';
import { launchChromium } from '../../helpers/launch-chromium';

let sandbox: SandboxHandle;
let browser: Browser;
let core: Core;
let dir: ReturnType<typeof makeTempDir>;
let homeAccountId: string;
let workspaceId: string;
const logged: string[] = [];

/** Every request the console sends and every answer it gets, to check against the OpenAPI document. */
const exchanges: { method: string; path: string; body: unknown; status: number; response: unknown; contentType: string }[] = [];

function recordingFetch(inner: CloudFetch): CloudFetch {
  return async (url, init) => {
    const response = await inner(url, init);
    const text = await response.clone().text();
    exchanges.push({
      method: init?.method ?? 'GET',
      path: new URL(url).pathname.replace(/^\/platform/, ''),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      status: response.status,
      // A proxy's HTML page is recorded as text: the product, not this recorder, must meet it.
      response: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text || undefined,
      contentType: response.headers.get('content-type') ?? '',
    });
    return response;
  };
}

beforeAll(async () => {
  dir = makeTempDir('eo-delivery-');
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    const original = console[method];
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    });
  }
  sandbox = await startSandbox({ dataDir: join(dir.path, 'sandbox') });
  browser = await launchChromium();
  const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
  core = startTestCore(join(dir.path, 'data'), sandboxCloud(sandbox.info), {
    openUrl: openInOnePage(page, () => ga),
  });
  homeAccountId = (await core.services.auth.start({ method: 'browser' })).homeAccountId;
  await core.services.auth.start({ method: 'browser', steps: ['findExistingApps', 'registerApp', 'grantAdminConsent'], homeAccountId });
  workspaceId = core.services.workspaces.create({ name: 'Contoso – Acme Dispatch', platformId: 'custom', partnerTenant: null }).id;
});

afterAll(async () => {
  core?.close();
  await browser?.close();
  const backend = sandbox ? platformBackends.get(sandbox.runtime) : undefined;
  await sandbox?.close();
  backend?.dispose();
  dir?.remove();
  vi.restoreAllMocks();
});

afterEach(() => {
  sandbox.patchSettings({ faults: { platform: { errorRate: 0, latency: { kind: 'none' } } } });
});

const backend = () => platformBackends.get(sandbox.runtime)!;
const acmeOrg = () => backend().organisationForToken(sandbox.info.platformTokens.acme)!;

/** A delivery service on the same data as the core, whose fetch a test can break. */
function deliveryWith(fetchFn: CloudFetch, clientOptions: { timeoutMs?: number; attempts?: number } = {}) {
  const db = openDatabase(join(dir.path, 'data', 'entra-onboard.sqlite'));
  const service = new PlatformDeliveryService({
    db,
    vault: core.vault,
    fetchFn: recordingFetch(fetchFn),
    deliverable: (id) => deliverableConfiguration(db, core.vault, id),
    clientOptions: { sleep: async () => {}, ...clientOptions },
  });
  return { service, close: () => db.close() };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('a platform with no built-in profile, driven by its discovery document', () => {
  it('refuses a wrong API token with a clear message and keeps nothing', async () => {
    const error = await failure(core.services.delivery.connect(workspaceId, sandbox.info.platform, 'plat_wrong_token_value'));
    expect(error.code).toBe('platform_unauthorized');
    expect(error.fix).toMatch(/new API token/);
    expect(core.services.delivery.connection(workspaceId)).toBeNull();
    expect(core.services.onboarding.wizard(workspaceId).needsConnection).toBe(true);
  });

  it('connects, plans and applies the app from the requirements alone, then pushes and the platform’s test is green', async () => {
    const { platformName } = await core.services.delivery.connect(workspaceId, sandbox.info.platform, sandbox.info.platformTokens.acme);
    expect(platformName).toBe('Acme Dispatch');
    const wizard = core.services.onboarding.wizard(workspaceId);
    expect(wizard).toMatchObject({ supported: true, needsConnection: false, questions: [] });

    const preview = await core.services.onboarding.preview(workspaceId, homeAccountId);
    expect(preview[0]?.details).toEqual(
      expect.arrayContaining([
        'Add Web redirect URI https://contosomsp.acme-dispatch.example/auth/microsoft/callback',
        'Add single-page app redirect URI https://app.acme-dispatch.example/contosomsp',
        'Add application permission User.Read.All',
        'Add the "groups" claim to the ID token',
      ]),
    );
    await core.services.onboarding.apply(workspaceId, homeAccountId);
    await core.services.onboarding.settled(workspaceId);
    const run = core.services.onboarding.runView(workspaceId);
    expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
    const app = [...sandbox.state.directory(sandbox.info.partnerTenantId).applications.values()].find((a) => a.displayName === 'Acme Dispatch')!;
    const months = (Date.parse(app.passwordCredentials[0]!.endDateTime) - Date.parse(app.passwordCredentials[0]!.startDateTime)) / (30.4 * 86400_000);
    expect(Math.round(months)).toBe(12); // the platform's secretMaxLifetimeMonths

    const diff = await core.services.delivery.diff(workspaceId);
    expect(diff.current).toBeNull();
    expect(diff.changes.map((c) => c.field)).toEqual(['Tenant ID', 'Client ID', 'Client secret', 'Enabled']);

    const { service, close } = deliveryWith(createCloudFetch(sandboxCloud(sandbox.info)));
    const result = await service.push(workspaceId);
    close();
    expect(result.readBack).toEqual({ matches: true, problems: [] });
    expect(result.test.ok).toBe(true);
    const stored = backend().store().getConfiguration(acmeOrg().id);
    expect(stored?.clientId).toBe(app.appId);
    expect(stored?.tenantId).toBe(sandbox.info.partnerTenantId);
    expect((await core.services.delivery.diff(workspaceId)).changes).toEqual([]);
  });

  it('lets a 500 and a timeout fail with a clear message, before anything reached the platform', async () => {
    const before = backend().store().getConfiguration(acmeOrg().id)!;
    expect((await core.services.delivery.diff(workspaceId)).changes).toEqual([]);
    // Force a change: the platform's copy of the client ID goes stale.
    backend().store().saveConfiguration({ ...before, clientId: '00000000-0000-0000-0000-00000000000a', version: before.version + 1 });

    const seen = backend().received.length;
    sandbox.patchSettings({ faults: { platform: { errorRate: 1, errorStatus: 500 } } });
    const broken = deliveryWith(createCloudFetch(sandboxCloud(sandbox.info)), { attempts: 2 });
    const fiveHundred = await failure(broken.service.push(workspaceId));
    expect(fiveHundred.code).toBe('platform_unavailable');
    expect(fiveHundred.message).toMatch(/answered 500/);
    expect(fiveHundred.fix).toMatch(/Nothing was lost/);
    sandbox.patchSettings({ faults: { platform: { errorRate: 0, latency: { kind: 'fixed', ms: 1500 } } } });
    const slow = deliveryWith(createCloudFetch(sandboxCloud(sandbox.info)), { attempts: 2, timeoutMs: 300 });
    expect((await failure(slow.service.push(workspaceId))).message).toMatch(/did not answer in time/);
    sandbox.patchSettings({ faults: { platform: { latency: { kind: 'none' } } } });
    broken.close();
    slow.close();
    // The fault layer answered in the platform's place: its backend saw no write.
    expect(backend().received.slice(seen).filter((r) => r.operationId === 'putSsoConfiguration')).toEqual([]);
    expect((await platformConfiguration()).version).toBe(before.version + 1);
  });

  it('retries a PUT whose answer was lost with one Idempotency-Key, and the platform writes once', async () => {
    const versionBefore = (await platformConfiguration()).version;
    const seen = backend().received.length;
    // The platform acts, then the connection drops before its answer arrives: the console cannot tell.
    const base = createCloudFetch(sandboxCloud(sandbox.info));
    const losing: CloudFetch = async (url, init) => {
      const response = await base(url, init);
      if (init?.method !== 'PUT') return response;
      await response.arrayBuffer();
      throw new TypeError('fetch failed (other side closed)');
    };
    const lost = await failure(deliveryWith(losing, { attempts: 3 }).service.push(workspaceId));
    expect(lost.code).toBe('platform_unavailable');
    expect(lost.message).toMatch(/could not be reached/);
    const puts = () => backend().received.slice(seen).filter((r) => r.operationId === 'putSsoConfiguration');
    expect(puts()).toHaveLength(3); // every attempt reached the platform
    const key = puts()[0]!.idempotencyKey;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(puts().map((p) => p.idempotencyKey)).toEqual([key, key, key]);
    // The first attempt wrote; the two retries were answered from the remembered response.
    expect((await platformConfiguration()).version).toBe(versionBefore + 1);

    // The next push finds the platform already holding the change: nothing is written a second time.
    const ok = await deliveryWith(base).service.push(workspaceId);
    expect(ok.readBack.matches).toBe(true);
    expect(ok.test.ok).toBe(true);
    expect(new Set(puts().map((p) => p.idempotencyKey))).toEqual(new Set([key]));
    expect((await platformConfiguration()).version).toBe(versionBefore + 1);
    expect(readPushes()[0]?.status).toBe('succeeded');
    expect(backend().store().getConfiguration(acmeOrg().id)!.clientId).not.toBe('00000000-0000-0000-0000-00000000000a');
  });

  it('treats an answer that is not JSON as the platform not answering, retried with the same key, and a 409 as a conflict that a new push resolves', async () => {
    const store = backend().store();
    const config = store.getConfiguration(acmeOrg().id)!;
    store.saveConfiguration({ ...config, enabled: false, version: config.version + 1 });
    const versionBefore = config.version + 1;
    // A proxy that answers the PUT with its own HTML page after the platform acted.
    let garble = Infinity;
    const base = createCloudFetch(sandboxCloud(sandbox.info));
    const garbling: CloudFetch = async (url, init) => {
      const response = await base(url, init);
      if (init?.method === 'PUT' && garble > 0) {
        garble--;
        await response.arrayBuffer();
        return new Response('<html>502 from a proxy</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      }
      return response;
    };
    const seen = backend().received.length;
    const puts = () => backend().received.slice(seen).filter((r) => r.operationId === 'putSsoConfiguration');
    const notJson = await failure(deliveryWith(garbling, { attempts: 2 }).service.push(workspaceId));
    expect(notJson.code).toBe('platform_unavailable');
    expect(notJson.message).toBe('The platform did not complete the request: it answered 200 with something that is not JSON');
    expect(puts()).toHaveLength(2);
    expect(puts()[1]!.idempotencyKey).toBe(puts()[0]!.idempotencyKey);
    expect((await platformConfiguration()).version).toBe(versionBefore + 1);

    // The next push finds the platform holding the change: it completes without writing again.
    expect((await deliveryWith(base).service.push(workspaceId)).readBack.matches).toBe(true);
    expect((await platformConfiguration()).version).toBe(versionBefore + 1);
    expect(new Set(puts().map((p) => p.idempotencyKey)).size).toBe(1);

    // A new change, and only the first answer garbled: the retry's replay completes the push.
    store.saveConfiguration({ ...store.getConfiguration(acmeOrg().id)!, enabled: false, version: versionBefore + 2 });
    garble = 1;
    const before = puts().length;
    const result = await deliveryWith(garbling).service.push(workspaceId);
    expect(garble).toBe(0);
    expect(result.readBack.matches).toBe(true);
    const retried = puts().slice(before);
    expect(retried).toHaveLength(2);
    expect(retried[1]!.idempotencyKey).toBe(retried[0]!.idempotencyKey);
    expect(retried[0]!.idempotencyKey).not.toBe(puts()[0]!.idempotencyKey);
    expect((await platformConfiguration()).version).toBe(versionBefore + 3);

    // Another console pushed a different body with the key this console is about to reuse.
    store.saveConfiguration({ ...store.getConfiguration(acmeOrg().id)!, origin: null, enabled: false });
    const db = openDatabase(join(dir.path, 'data', 'entra-onboard.sqlite'));
    db.prepare("INSERT INTO platform_pushes (id, workspace_id, idempotency_key, status, summary_json, started_at) VALUES ('p-conflict', ?, 'shared-key', 'pending', '{}', '2999-01-01T00:00:00Z')").run(workspaceId);
    const token = sandbox.info.platformTokens.acme;
    const other = await base(`${sandbox.info.platform}/v1/sso-configuration`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'shared-key' },
      body: JSON.stringify({ tenantId: sandbox.info.partnerTenantId, clientId: store.getConfiguration(acmeOrg().id)!.clientId, enabled: false }),
    });
    expect(other.status).toBeLessThan(300);
    const conflict = await failure(deliveryWith(base).service.push(workspaceId));
    expect(conflict.code).toBe('platform_conflict');
    expect(conflict.fix).toMatch(/push again/);
    const resolved = await deliveryWith(base).service.push(workspaceId);
    expect(resolved.readBack.matches).toBe(true);
    db.close();
  });

  it('sent and received only what the OpenAPI document allows (standard validator)', () => {
    const validator = loadPlatformApiValidator(platformApiDocPath);
    const operation = (method: string, path: string): string | undefined =>
      (<Record<string, string>>{ 'GET /v1/onboarding/requirements': 'getRequirements', 'GET /v1/sso-configuration': 'getSsoConfiguration', 'PUT /v1/sso-configuration': 'putSsoConfiguration', 'POST /v1/sso-configuration/test': 'testSsoConfiguration' })[`${method} ${path}`];
    expect(exchanges.length).toBeGreaterThan(10);
    for (const e of exchanges) {
      const id = operation(e.method, e.path);
      expect(id, `${e.method} ${e.path}`).toBeDefined();
      if (e.method !== 'GET') expect(validator.validateRequest(id!, e.body), `${id} request`).toMatchObject({ ok: true });
      if (e.response !== undefined && e.contentType.includes('json')) {
        expect(validator.validateResponse(id!, e.status, e.response, e.contentType), `${id} ${e.status} response`).toMatchObject({ ok: true });
      }
    }
  });

  it('keeps no secret in the console’s database, settings or logs after pushing', async () => {
    const secret = (await core.services.onboarding.revealSecret(workspaceId, 'main')).value;
    const files = readdirSync(join(dir.path, 'data')).map((f) => join(dir.path, 'data', f)).filter((f) => statSync(f).isFile());
    for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(sandbox.info.platformTokens.acme);
  });
});

/** The configuration as the platform's API reports it (its version counts the writes). */
async function platformConfiguration(): Promise<{ version: number; clientId: string; enabled: boolean }> {
  const response = await createCloudFetch(sandboxCloud(sandbox.info))(`${sandbox.info.platform}/v1/sso-configuration`, {
    headers: { Authorization: `Bearer ${sandbox.info.platformTokens.acme}`, Accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { version: number; clientId: string; enabled: boolean };
}

function readPushes(): { id: string; idempotency_key: string; status: string }[] {
  const db = openDatabase(join(dir.path, 'data', 'entra-onboard.sqlite'));
  const rows = db.prepare<[string], { id: string; idempotency_key: string; status: string }>('SELECT id, idempotency_key, status FROM platform_pushes WHERE workspace_id = ? ORDER BY started_at DESC, rowid DESC').all(workspaceId);
  db.close();
  return rows;
}
