// Sandbox responsiveness with many client tenants (issue 3: "serves 5,000 client tenants and stays
// responsive"). Starts the sandbox in this process with --tenants N, then fires a fixed number of
// requests at tenant-specific endpoints with bounded concurrency, on loopback only, and prints JSON.
//   npx tsx bench/sandbox-throughput.ts [--tenants 5000] [--requests 4000] [--concurrency 16]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Agent, fetch } from 'undici';
import { startSandbox } from '../tests/sandbox/startSandbox';

const { values } = parseArgs({
  options: {
    tenants: { type: 'string', default: '5000' },
    requests: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '16' },
    out: { type: 'string' },
  },
});
const tenants = Number(values.tenants);
const total = Number(values.requests);
const concurrency = Number(values.concurrency);

const dataDir = mkdtempSync(join(tmpdir(), 'eo-bench-'));
const startedAt = performance.now();
const sandbox = await startSandbox({ dataDir, tenants });
const startupMs = performance.now() - startedAt;
const dispatcher = new Agent({ connect: { ca: readFileSync(sandbox.info.caFile, 'utf8') }, connections: concurrency });

/** Every tenant, not just the first page of them: look up the client tenant IDs from the state. */
// Deleted tenants (scenario kind deletedTenant) rightly answer AADSTS90002, so they are not part of the load.
const tenantIds = [...sandbox.state.tenantSeeds()]
  .filter((t) => !t.deletedDateTime)
  .map((t) => t.id)
  .filter((id) => id !== sandbox.info.partnerTenantId);

interface Scenario {
  name: string;
  url: (i: number) => string;
}
const scenarios: Scenario[] = [
  {
    name: 'openid-configuration (per client tenant)',
    url: (i) => `${sandbox.info.authority}/${tenantIds[i % tenantIds.length]}/v2.0/.well-known/openid-configuration`,
  },
  {
    name: 'jwks (per client tenant)',
    url: (i) => `${sandbox.info.authority}/${tenantIds[i % tenantIds.length]}/discovery/v2.0/keys`,
  },
];

async function run(scenario: Scenario) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const res = await fetch(scenario.url(i), { dispatcher });
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2));
  return {
    scenario: scenario.name,
    requests: total,
    failures,
    requestsPerSecond: Math.round(total / seconds),
    latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1) },
  };
}

const results = [];
for (const scenario of scenarios) results.push(await run(scenario));
await sandbox.close();
await dispatcher.close();
rmSync(dataDir, { recursive: true, force: true });

const report = {
  benchmark: 'sandbox-throughput',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  clientTenants: tenants,
  concurrency,
  startupMs: Math.round(startupMs),
  results,
};
const json = JSON.stringify(report, null, 2);
console.log(json);
writeFileSync(values.out ?? join('bench', 'results', 'sandbox-throughput.json'), json);
