// Consent in 1,000 client tenants against the sandbox, with Microsoft-like latency (100 ms median) and
// throttling on, next to a sequential baseline measured in the same process (issue 10, "Done when").
//   npm run bench -- consent [--tenants 1000] [--concurrency 32] [--sequential 40] [--latency-ms 100] [--profile]
// Prints JSON and writes bench/results/consent.json. The sandbox runs in this process, so peak memory
// is the console's core and the sandbox together (said in the output).
import { subscribe } from 'node:diagnostics_channel';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startConsentEnv } from '../tests/integration/consent/consent-env';
import type { Middleware } from '../tests/sandbox/http/Mount';
import { profiled, splitProfile, type CpuSplit } from './cpu-split';
import { tenantsInProgress } from '../src/shared/domain/tenants-in-progress';

const { values } = parseArgs({
  options: {
    tenants: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '32' },
    sequential: { type: 'string', default: '40' },
    'latency-ms': { type: 'string', default: '100' },
    'graph-capacity': { type: 'string', default: '10' },
    'graph-refill': { type: 'string', default: '5' },
    // Profile the parallel run and split its CPU between the console and the sandbox (slows the run a little).
    profile: { type: 'boolean', default: false },
  },
});
const tenants = Number(values.tenants);
const concurrency = Number(values.concurrency);
const sequentialSample = Number(values.sequential);
const latencyMs = Number(values['latency-ms']);
const graphThrottle = { capacity: Number(values['graph-capacity']), refillPerSecond: Number(values['graph-refill']) };

const env = await startConsentEnv('eo-bench-consent-', { tenants: tenants + sequentialSample });
const core = env.core;
const parallelWs = await env.setUp('bvoip');
const sequentialWs = await env.setUp('bvoip');
for (const ws of [parallelWs, sequentialWs]) await core.services.clientTenants.discover(ws, env.homeAccountId, ['gdap', 'partnerCenter']);
// Disjoint tenants, so neither run finds the other's work done (the console's own Partner Center consent included).
const ids = core.services.clientTenants.repo.select(parallelWs, { filter: {} }).sort();
const sample = ids.slice(0, sequentialSample);
core.services.clientTenants.setIncluded(parallelWs, { tenantIds: sample }, false);
core.services.clientTenants.setIncluded(sequentialWs, { filter: {} }, false);
core.services.clientTenants.setIncluded(sequentialWs, { tenantIds: sample }, true);

// Microsoft-like conditions from here on: a 100 ms median on every service, and throttling on.
const latency = { kind: 'normal' as const, meanMs: latencyMs, stdDevMs: latencyMs / 4 };
env.sandbox.patchSettings({
  faults: { identity: { latency }, graph: { latency, throttle: graphThrottle }, partnerCenter: { latency } },
});

/** What the sandbox received, per mount and per throttling key (the mount's own key), and the 429s it sent. */
interface Counts {
  requests: number;
  throttled: number;
  perKey: Map<string, { ok: number; throttled: number }>;
  consentPosts: number;
  notOk: Map<string, number>;
  /** Every request by service, method and path shape: what a tenant's work costs. */
  byShape: Map<string, number>;
}
const newCounts = (): Counts => ({ requests: 0, throttled: 0, perKey: new Map(), consentPosts: 0, notOk: new Map(), byShape: new Map() });
let counts = newCounts();
/** Requests the sandbox holds right now (latency included): what the run keeps in flight. */
let inFlight = 0;
const shapeOf = (name: string, method: string, path: string) =>
  `${name} ${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}').replace(/\('[^']*'\)/g, '(…)')}`;
for (const name of ['identity', 'graph', 'partnerCenter'] as const) {
  const mount = env.sandbox.mounts[name];
  const counter: Middleware = async (req, next) => {
    const key = `${name}|${(await mount.throttleKey(req)) ?? '-'}`;
    inFlight++;
    const result = await next().finally(() => inFlight--);
    counts.requests++;
    const shape = shapeOf(name, req.method, req.path);
    counts.byShape.set(shape, (counts.byShape.get(shape) ?? 0) + 1);
    if (typeof result === 'object' && result.status >= 300) {
      // Which answers were not successes (replication waits, expected refusals, throttling): the retries a run pays.
      counts.notOk.set(`${shape} ${result.status}`, (counts.notOk.get(`${shape} ${result.status}`) ?? 0) + 1);
    }
    const entry = counts.perKey.get(key) ?? { ok: 0, throttled: 0 };
    if (typeof result === 'object' && result.status === 429) {
      counts.throttled++;
      entry.throttled++;
    } else {
      entry.ok++;
      if (name === 'partnerCenter' && req.method === 'POST' && /applicationconsents/.test(req.path)) counts.consentPosts++;
    }
    counts.perKey.set(key, entry);
    return result;
  };
  mount.middleware.unshift(counter);
}

// TLS connections the console opens (undici's diagnostics channel): a pool that reuses its sockets opens about
// as many as requests in flight, not one per request.
let connections = 0;
subscribe('undici:client:connected', () => {
  connections++;
});

/**
 * The profile's shares applied to the CPU the process used: a sample's weight is the time until the next one,
 * which on a loaded machine includes time the thread was not running, so the shares are the measure, not the ms.
 */
function splitPerRequest(split: CpuSplit, cpuMs: number, requests: number) {
  const total = split.consoleMs + split.sandboxMs + split.benchProbeMs + split.garbageCollectionMs + split.otherMs;
  const perRequest = (part: number) => Math.round(((cpuMs * part) / Math.max(1, total) / Math.max(1, requests)) * 100) / 100;
  return {
    shares: Object.fromEntries(Object.entries(split).map(([k, v]) => [k.replace(/Ms$/, ''), Math.round((v / Math.max(1, total)) * 100) / 100])),
    consoleCpuMsPerRequest: perRequest(split.consoleMs),
    sandboxCpuMsPerRequest: perRequest(split.sandboxMs),
    garbageCollectionCpuMsPerRequest: perRequest(split.garbageCollectionMs),
    note: 'Profiled run (slower). Console: every sample without a sandbox frame, its TLS and sockets included (an upper bound); garbage collection serves both sides.',
  };
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 10) / 10;

async function measure(ws: string, c: number) {
  counts = newCounts();
  connections = 0;
  let peakRss = process.memoryUsage().rss;
  const listLatencies: number[] = [];
  const inFlightSamples: number[] = [];
  const tenantsInProgressSamples: number[] = [];
  // The tenants table during the run: one sorted, filtered page, as the UI asks for it.
  const probe = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    inFlightSamples.push(inFlight);
    tenantsInProgressSamples.push(core.services.consentRuns.run(ws)?.inFlight ?? 0);
    const t = performance.now();
    core.services.clientTenants.list(ws, { offset: 0, limit: 200, sort: { by: 'status', direction: 'asc' }, filter: { included: true } });
    listLatencies.push(performance.now() - t);
  }, 250);
  // Whether the process is CPU-bound: CPU time against wall time, and how late the event loop runs timers.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const runIt = async () => {
    const started = await core.services.consentRuns.start({ workspaceId: ws, homeAccountId: env.homeAccountId, mode: 'consent', concurrency: c });
    await core.services.consentRuns.settled(ws);
    return started.runId;
  };
  let split: CpuSplit | undefined;
  let runId: string;
  if (values.profile && c > 1) {
    const { result, profile } = await profiled(runIt);
    runId = result;
    split = splitProfile(profile);
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'results', 'consent-parallel.cpuprofile'), JSON.stringify(profile));
  } else runId = await runIt();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  clearInterval(probe);
  const run = core.services.consentRuns.run(ws, runId);
  // Each failure with its cause, grouped: a failure in the bench must be explained, not only counted.
  const failures = new Map<string, number>();
  for (const t of core.services.clientTenants.list(ws, { offset: 0, limit: 1000, sort: { by: 'name', direction: 'asc' }, filter: { statuses: ['failed'] } }).rows) {
    const cause = t.status.kind === 'failed' ? `${t.status.cause.code}: ${t.status.cause.message}`.slice(0, 200) : t.status.kind;
    failures.set(cause, (failures.get(cause) ?? 0) + 1);
  }
  listLatencies.sort((a, b) => a - b);
  // Lower bounds. Rate limits: a token bucket of capacity C refilled at R per second lets n requests through no
  // sooner than (n - C) / R seconds; the slowest bucket bounds the run. Latency: every answered request costs at
  // least the median latency, and at most `c` are in flight at once.
  const graphBoundMs = Math.max(
    0,
    ...[...counts.perKey].filter(([k]) => k.startsWith('graph|')).map(([, v]) => ((v.ok - graphThrottle.capacity) / graphThrottle.refillPerSecond) * 1000),
  );
  const partnerCenterBoundMs = Math.max(0, ((counts.consentPosts - 50) / 50) * 1000); // 50 per second per applicationId (facts §8.1)
  const answered = counts.requests - counts.throttled;
  // Every tenant consented here got a fresh service principal, which the sandbox (as Graph) does not accept as a
  // reference for servicePrincipalReferenceDelayMs (facts §4.2): a wait no client can skip. At most `c` requests
  // are in flight; a waiting tenant holds no request slot but is one of the tenantsInProgress(c) in progress.
  const replicationMs = env.sandbox.settings.replication.servicePrincipalReferenceDelayMs * (run?.counts.consented ?? 0);
  const inProgress = tenantsInProgress(c);
  const latencyBoundMs = Math.max((answered * latencyMs) / c, (answered * latencyMs + replicationMs) / inProgress);
  const rateLimitBoundMs = Math.max(graphBoundMs, partnerCenterBoundMs);
  const boundMs = Math.max(rateLimitBoundMs, latencyBoundMs);
  return {
    tenants: run?.total ?? 0,
    concurrency: c,
    tenantsInProgressAtOnce: tenantsInProgress(c),
    // Sampled every 250 ms: how full the run keeps its request slots and its tenants in progress.
    requestsInFlight: { mean: mean(inFlightSamples), max: Math.max(0, ...inFlightSamples) },
    tenantsInProgress: { mean: mean(tenantsInProgressSamples), max: Math.max(0, ...tenantsInProgressSamples) },
    wallMs: Math.round(wallMs),
    requests: counts.requests,
    requestsPerTenant: Math.round((counts.requests / Math.max(1, run?.total ?? 0)) * 10) / 10,
    connectionsOpened: connections,
    requestsByShape: Object.fromEntries([...counts.byShape].sort((a, b) => b[1] - a[1])),
    notOkAnswers: Object.fromEntries([...counts.notOk].sort((a, b) => b[1] - a[1])),
    // The console and the in-process sandbox share this one JavaScript thread: near 1.0 means CPU-bound.
    cpuMsPerWallMs: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 100) / 100,
    ...(split ? { cpuSplitFromProfile: splitPerRequest(split, (cpu.user + cpu.system) / 1000, counts.requests) } : {}),
    cpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, counts.requests)) * 10) / 10,
    eventLoopDelayMs: { p50: Math.round(loopDelay.percentile(50) / 1e6), p99: Math.round(loopDelay.percentile(99) / 1e6) },
    throttled429: counts.throttled,
    runThrottledSeen: run?.throttled ?? 0,
    outcomes: run?.counts,
    failureCauses: Object.fromEntries(failures),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    tenantsTablePageMs: {
      p50: Math.round((listLatencies[Math.floor(listLatencies.length / 2)] ?? 0) * 10) / 10,
      max: Math.round((listLatencies.at(-1) ?? 0) * 10) / 10,
      samples: listLatencies.length,
    },
    lowerBoundMs: { rateLimits: Math.round(rateLimitBoundMs), graphBucket: Math.round(graphBoundMs), partnerCenterBucket: Math.round(partnerCenterBoundMs), latencyAndReplicationAtThisConcurrency: Math.round(latencyBoundMs), bound: Math.round(boundMs) },
    ratioToBound: Math.round((wallMs / boundMs) * 100) / 100,
    ratioToRateLimitBound: rateLimitBoundMs > 0 ? Math.round((wallMs / rateLimitBoundMs) * 100) / 100 : null,
  };
}

const sequential = await measure(sequentialWs, 1);
const parallel = await measure(parallelWs, concurrency);
const perTenantSequentialMs = sequential.wallMs / Math.max(1, sequential.tenants);
const result = {
  bench: 'consent',
  when: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  sandbox: { latency: `normal, median ${latencyMs} ms`, graphThrottle, partnerCenterConsentThrottle: '50/s per applicationId', clientTenants: tenants + sequentialSample },
  note: 'Memory is this process: the console core and the in-process sandbox together. The sequential baseline runs on a disjoint sample of tenants; its 1,000-tenant time is extrapolated per tenant.',
  parallel,
  sequential: { ...sequential, extrapolatedWallMsFor: { tenants: parallel.tenants, wallMs: Math.round(perTenantSequentialMs * parallel.tenants) } },
  speedupOverSequential: Math.round(((perTenantSequentialMs * parallel.tenants) / parallel.wallMs) * 10) / 10,
};
const out = JSON.stringify(result, null, 2);
process.stdout.write(`${out}\n`);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'consent.json'), `${out}\n`);
await env.close();
process.exit(0);
