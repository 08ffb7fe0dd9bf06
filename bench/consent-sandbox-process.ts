// The consent bench's sandbox, in a Node process of its own (forked by bench/consent.ts with an IPC channel):
// Microsoft's CPU is not on the console's thread, as with the real Microsoft. It counts what it receives with a
// middleware in front of each mount (it only observes: every answer is the sandbox's own) and tells the bench
// over IPC. Messages in: {id, op: 'patchSettings', patch} | {id, op: 'resetCounts'} | {id, op: 'counts'} |
// {id, op: 'close'}; each is answered {id, value}. First message out: {op: 'ready', info, replicationDelayMs}.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { requirePartnerAdminMfa } from '../tests/integration/consent/consent-env';
import type { Middleware } from '../tests/sandbox/http/Mount';
import { startSandbox } from '../tests/sandbox/startSandbox';

const [dataDir, tenantsArg] = process.argv.slice(2);
if (!dataDir || !process.send) throw new Error('Usage: fork(consent-sandbox-process.ts, [dataDir, tenants]) with an IPC channel');
const send = process.send.bind(process);

const sandbox = await startSandbox({ dataDir, tenants: Number(tenantsArg) });
requirePartnerAdminMfa(sandbox);

/** What the sandbox received, per mount and per throttling key (the mount's own key), and the 429s it sent. */
const newCounts = () => ({
  requests: 0,
  throttled: 0,
  perKey: new Map<string, { ok: number; throttled: number }>(),
  consentPosts: 0,
  notOk: new Map<string, number>(),
  /** Every request by service, method and path shape: what a tenant's work costs. */
  byShape: new Map<string, number>(),
  /** Entra's refusals by shape, status and AADSTS number (its error_codes): why a token was not given. */
  identityErrors: new Map<string, number>(),
  inFlightSamples: [] as number[],
  peakRss: process.memoryUsage().rss,
  cpu: process.cpuUsage(),
});
let counts = newCounts();
/** Requests the sandbox holds right now (latency included): what the run keeps in flight. */
let inFlight = 0;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
setInterval(() => {
  counts.inFlightSamples.push(inFlight);
  counts.peakRss = Math.max(counts.peakRss, process.memoryUsage().rss);
}, 250).unref();

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const shapeOf = (name: string, method: string, path: string) =>
  `${name} ${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}').replace(/\('[^']*'\)/g, '(…)')}`;
for (const name of ['identity', 'graph', 'partnerCenter'] as const) {
  const mount = sandbox.mounts[name];
  const counter: Middleware = async (req, next) => {
    const key = `${name}|${(await mount.throttleKey(req)) ?? '-'}`;
    inFlight++;
    const result = await next().finally(() => inFlight--);
    counts.requests++;
    const shape = shapeOf(name, req.method, req.path);
    bump(counts.byShape, shape);
    if (typeof result === 'object' && result.status >= 300) {
      // Which answers were not successes (replication waits, expected refusals, throttling): the retries a run pays.
      bump(counts.notOk, `${shape} ${result.status}`);
      if (name === 'identity' && result.status >= 400 && result.status !== 429) {
        let code = '?';
        try {
          code = `AADSTS${(JSON.parse(String(result.body)) as { error_codes?: number[] }).error_codes?.[0] ?? '?'}`;
        } catch {
          // Not JSON (an HTML page): counted under '?'.
        }
        bump(counts.identityErrors, `${shape} ${result.status} ${code}`);
      }
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

type Message = { id: number; op: 'patchSettings'; patch: unknown } | { id: number; op: 'resetCounts' | 'counts' | 'close' };
process.on('message', (m: Message) => {
  const answer = (value: unknown) => send({ id: m.id, value });
  switch (m.op) {
    case 'patchSettings':
      sandbox.patchSettings(m.patch);
      return answer(null);
    case 'resetCounts':
      counts = newCounts();
      loopDelay.reset();
      loopDelay.enable();
      return answer(null);
    case 'counts': {
      const cpu = process.cpuUsage(counts.cpu);
      return answer({
        requests: counts.requests,
        throttled: counts.throttled,
        consentPosts: counts.consentPosts,
        perKey: [...counts.perKey],
        notOk: [...counts.notOk],
        byShape: [...counts.byShape],
        identityErrors: [...counts.identityErrors],
        inFlightSamples: counts.inFlightSamples,
        peakRssMb: Math.round(counts.peakRss / 1024 / 1024),
        cpuMs: (cpu.user + cpu.system) / 1000,
        eventLoopDelayMs: { p50: Math.round(loopDelay.percentile(50) / 1e6), p99: Math.round(loopDelay.percentile(99) / 1e6) },
      });
    }
    case 'close':
      void sandbox.close().then(() => {
        answer(null);
        process.disconnect();
        process.exit(0);
      });
  }
});
send({ op: 'ready', info: sandbox.info, replicationDelayMs: sandbox.settings.replication.servicePrincipalReferenceDelayMs });
