import { readFileSync } from 'node:fs';
import type { StartSandboxOptions } from './startSandbox';
import type { LatencyDistribution, MountName } from './settings/SandboxSettings';

export const sandboxUsage = `Usage: npx tsx tests/sandbox/cli.ts [options]
  --tenants N                 client tenants (default 20; the first 19 cover every kind, see README)
  --seed S                    seed for ids, names, passwords and fault draws (default entra-onboard)
  --data-dir D                CA, server certificate and signing key folder (default <repo>/.sandbox-data)
  --port P                    HTTPS port on 127.0.0.1 (default 0 = random)
  --control-token T           fixed control API token (default random)
  --clock ISO                 start the sandbox clock at this instant
  --settings JSON|@file       settings patch (see tests/sandbox/settings/SandboxSettings.ts), e.g.
                              '{"clientTenants":{"tokenLoop":{"enabled":false},"graphThrottling":{"appTenant":null}}}'
  --secret-replication-ms N   new client secrets fail with AADSTS7000215 for N ms
  --app-replication-ms N      new applications are unknown to service principal creation and the token endpoint for N ms
  --latency SPEC              fixed:MS | uniform:MIN:MAX | normal:MEAN:STDDEV
  --error-rate R              probability of a 5xx per request (0..1)
  --reset-rate R              probability of a connection reset per request (0..1)
  --throttle CAP:REFILL       token bucket per tenant+app: capacity and refill per second (429 + Retry-After)
  --fault-mounts LIST         mounts the fault flags apply to (default identity,graph,partnerCenter,platform)
  --interactive-errors MODE   redirect | page (how 50020/50105/65001 reach the app)
  --help`;

function numberArg(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
  return n;
}

function latency(spec: string): LatencyDistribution {
  const [kind, a, b] = spec.split(':');
  if (kind === 'fixed') return { kind, ms: numberArg('--latency', a) };
  if (kind === 'uniform') return { kind, minMs: numberArg('--latency', a), maxMs: numberArg('--latency', b) };
  if (kind === 'normal') return { kind, meanMs: numberArg('--latency', a), stdDevMs: numberArg('--latency', b) };
  if (kind === 'none') return { kind };
  throw new Error(`--latency: unknown distribution ${spec}`);
}

/** Turns CLI flags into startSandbox options; fault flags become a settings patch for the chosen mounts. */
export function parseSandboxArgs(argv: readonly string[]): StartSandboxOptions | 'help' {
  const options: StartSandboxOptions = {};
  const patch: Record<string, unknown> = {};
  const fault: Record<string, unknown> = {};
  let faultMounts: MountName[] = ['identity', 'graph', 'partnerCenter', 'platform'];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--tenants':
        options.tenants = numberArg(flag, value());
        break;
      case '--seed':
        options.seed = value();
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--port':
        options.port = numberArg(flag, value());
        break;
      case '--control-token':
        options.controlToken = value();
        break;
      case '--clock':
        options.clockStart = value();
        break;
      case '--settings': {
        const v = value();
        Object.assign(patch, JSON.parse(v.startsWith('@') ? readFileSync(v.slice(1), 'utf8') : v) as Record<string, unknown>);
        break;
      }
      case '--secret-replication-ms':
        patch.replication = { ...(patch.replication as object), secretDelayMs: numberArg(flag, value()) };
        break;
      case '--app-replication-ms':
        patch.replication = { ...(patch.replication as object), applicationDelayMs: numberArg(flag, value()) };
        break;
      case '--latency':
        fault.latency = latency(value());
        break;
      case '--error-rate':
        fault.errorRate = numberArg(flag, value());
        break;
      case '--reset-rate':
        fault.resetRate = numberArg(flag, value());
        break;
      case '--throttle': {
        const [capacity, refill] = value().split(':');
        fault.throttle = { capacity: numberArg(flag, capacity), refillPerSecond: numberArg(flag, refill) };
        break;
      }
      case '--fault-mounts':
        faultMounts = value().split(',').map((m) => m.trim()) as MountName[];
        break;
      case '--interactive-errors': {
        const mode = value();
        if (mode !== 'redirect' && mode !== 'page') throw new Error('--interactive-errors is redirect or page');
        patch.interactiveErrorDelivery = mode;
        break;
      }
      default:
        throw new Error(`Unknown option ${flag}\n${sandboxUsage}`);
    }
  }
  if (Object.keys(fault).length > 0) {
    const faults = (patch.faults ?? {}) as Record<string, unknown>;
    for (const mount of faultMounts) faults[mount] = { ...(faults[mount] as object | undefined), ...fault };
    patch.faults = faults;
  }
  if (Object.keys(patch).length > 0) options.settings = patch;
  return options;
}
