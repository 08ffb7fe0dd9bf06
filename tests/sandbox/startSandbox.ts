import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SandboxClock } from './clock/SandboxClock';
import { createControlMount } from './control/createControlMount';
import { ensureSigningKey } from './crypto/ensureSigningKey';
import { ensureTlsMaterial } from './crypto/ensureTlsMaterial';
import { createFaultMiddleware } from './http/createFaultMiddleware';
import { createSandboxServer } from './http/createSandboxServer';
import type { Mount } from './http/Mount';
import { SandboxRequestLog } from './http/SandboxRequestLog';
import { TokenBucketLimiter } from './http/TokenBucketLimiter';
import { createIdentityMount } from './identity/createIdentityMount';
import { IdentityStore } from './identity/IdentityStore';
import { TokenSigner } from './identity/TokenSigner';
import type { SandboxState } from './model/SandboxState';
import { bearerThrottleKey } from './mounts/bearerThrottleKey';
import { createServiceMount } from './mounts/createServiceMount';
import { createGraphErrorFormatter } from './mounts/graphErrorFormatter';
import { registerGraphRoutes, type GraphService } from './graph/registerGraphRoutes';
import type { GraphSettings } from './graph/GraphSettings';
import { createGraphTenantGate } from './graph/throttle/createGraphTenantGate';
import { jsonErrorFormatter } from './mounts/jsonErrorFormatter';
import { partnerCenterErrorFormatter } from './mounts/partnerCenterErrorFormatter';
import { registerPartnerCenterRoutes } from './partner-center/registerPartnerCenterRoutes';
import { registerPlatformRoutes } from './platform/registerPlatformRoutes';
import { buildSandboxInfo, type SandboxInfo } from './SandboxInfo';
import type { SandboxRuntime } from './SandboxRuntime';
import { sandboxUrls } from './SandboxUrls';
import { buildScenarioPlan, defaultClientTenantCount } from './scenario/buildScenarioPlan';
import { createSandboxState } from './scenario/createSandboxState';
import { applySettingsPatch, defaultSettings, type MountName, type SandboxSettings } from './settings/SandboxSettings';
import { createSeededRandom } from './util/createSeededRandom';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultDataDir = resolve(repoRoot, '.sandbox-data');
export const defaultSeed = 'entra-onboard';

export interface StartSandboxOptions {
  /** Seed of every deterministic choice (ids, names, passwords, fault draws). */
  seed?: string;
  /** Number of client tenants; the first 19 cover every kind (coverageKinds, see README). */
  tenants?: number;
  /** Where the CA, server certificate and signing key live; default `<repo>/.sandbox-data`. */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed control token; default a random one per start. */
  controlToken?: string;
  /** Partial settings applied on start and after every reset. */
  settings?: unknown;
  /** Graph's own settings (tests/sandbox/graph/GraphSettings.ts). */
  graphSettings?: Partial<GraphSettings>;
  /** Start instant of the sandbox clock (epoch ms or ISO); default now. */
  clockStart?: number | string;
  /** Folder with permissions.json and provisioningInfo.json; default: the trimmed copy in tests/sandbox/data. */
  graphPermissionsDir?: string;
}

export interface SandboxHandle {
  info: SandboxInfo;
  /** Current directory state (replaced by reset()). */
  readonly state: SandboxState;
  clock: SandboxClock;
  settings: SandboxSettings;
  runtime: SandboxRuntime;
  /** Mount points; the Graph/Partner Center/platform phase adds routes to `mounts.graph.router` etc. */
  mounts: Record<MountName, Mount>;
  /** Graph's own settings (replication reads, consent roles, CA throttling...), changeable at run time. */
  graph: GraphService;
  /** Every request's arrival and answer, for tests that must act at an exact moment (in-process only). */
  requests: SandboxRequestLog;
  patchSettings(patch: unknown): SandboxSettings;
  /** Back to the scenario: directory, sessions, tokens, throttling buckets and settings. The clock keeps running. */
  reset(): void;
  close(): Promise<void>;
}

function initialSettings(patch: unknown): SandboxSettings {
  const settings = defaultSettings();
  if (patch !== undefined) applySettingsPatch(settings, patch);
  return settings;
}

/** Starts the sandbox cloud in this process: one HTTPS server on 127.0.0.1 with every mount. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir);
  const [tls, signingKey] = await Promise.all([ensureTlsMaterial(dataDir), ensureSigningKey(dataDir)]);
  const clockStart = typeof options.clockStart === 'string' ? Date.parse(options.clockStart) : options.clockStart;
  const clock = new SandboxClock(clockStart);
  const seed = options.seed ?? defaultSeed;
  const tenantCount = options.tenants ?? defaultClientTenantCount;
  const controlToken = options.controlToken ?? randomBytes(24).toString('base64url');
  const buildPlan = () => buildScenarioPlan(seed, tenantCount, clock.now());
  const plan = buildPlan();
  const root = createSeededRandom(seed);

  const rt: SandboxRuntime = {
    plan,
    state: createSandboxState(plan, clock, { graphPermissionsDir: options.graphPermissionsDir }),
    settings: initialSettings(options.settings),
    clock,
    identity: new IdentityStore(),
    signer: new TokenSigner(signingKey),
    // Replaced once the port is known; nothing reads it before the first request.
    urls: sandboxUrls(0),
    limiter: new TokenBucketLimiter(),
    random: { faults: root.fork('faults'), tokens: root.fork('tokens') },
    graphPermissionsDir: options.graphPermissionsDir,
  };

  let info: SandboxInfo | null = null;
  const reset = (): void => {
    rt.plan = buildPlan();
    rt.state = createSandboxState(rt.plan, clock, { graphPermissionsDir: options.graphPermissionsDir });
    rt.identity.clear();
    rt.limiter.clear();
    const fresh = initialSettings(options.settings);
    Object.assign(rt.settings, fresh);
    rt.random = { faults: root.fork('faults'), tokens: root.fork('tokens') };
  };

  const mounts: Record<MountName, Mount> = {
    identity: createIdentityMount(rt),
    graph: createServiceMount('graph', '/graph', createGraphErrorFormatter(clock), bearerThrottleKey),
    partnerCenter: createServiceMount('partnerCenter', '/partnercenter', partnerCenterErrorFormatter, bearerThrottleKey),
    platform: createServiceMount('platform', '/platform', jsonErrorFormatter('platform'), bearerThrottleKey),
    control: createControlMount(rt, { token: controlToken, info: () => info, reset }),
  };
  for (const name of ['identity', 'graph', 'partnerCenter', 'platform'] as const) {
    const mount = mounts[name];
    mount.middleware.unshift(
      createFaultMiddleware(mount, {
        profile: () => rt.settings.faults[name],
        random: () => rt.random.faults,
        clock,
        limiter: rt.limiter,
      }),
    );
  }

  // Deleted tenants and Graph's ResourceUnit throttling (graph/throttle), after the mount's generic faults.
  mounts.graph.middleware.push(createGraphTenantGate(rt, mounts.graph.errors, { chargeBatchEnvelope: false }));
  // Microsoft Graph v1.0 (tests/sandbox/graph), behind the graph mount's fault middleware.
  const graph = registerGraphRoutes(mounts.graph.router, rt, { ...(options.graphSettings ? { settings: options.graphSettings } : {}) });
  // Partner Center API (tests/sandbox/partner-center); its settings: partnerCenterServices.get(runtime).
  registerPartnerCenterRoutes(mounts.partnerCenter.router, rt);
  // Reference platform backend (tests/sandbox/platform, docs/platform-api.yaml); the backend: platformBackends.get(runtime).
  const platform = registerPlatformRoutes(mounts.platform, rt, { dataDir, caPem: tls.caPem });

  const requests = new SandboxRequestLog();
  const server = await createSandboxServer({ tls, port: options.port ?? 0, mounts: Object.values(mounts), requests });
  rt.urls = sandboxUrls(server.port);
  info = buildSandboxInfo(plan, rt.urls, { controlToken, caFile: tls.caFile, dataDir, platformTokens: platform.tokens });
  const finalInfo = info;

  return {
    info: finalInfo,
    get state() {
      return rt.state;
    },
    clock,
    settings: rt.settings,
    runtime: rt,
    mounts,
    graph,
    requests,
    patchSettings: (patch) => applySettingsPatch(rt.settings, patch),
    reset,
    close: () => server.close(),
  };
}
