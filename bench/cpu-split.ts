// Where a CPU profile's time went, by side: the console (src/, its libraries) or the in-process sandbox
// (tests/sandbox, the HTTP server it runs on, jose's signing and verifying), garbage collection and the rest.
// A sample counts for the sandbox when any frame of its stack is the sandbox's; the rest with any JavaScript
// frame counts for the console, so the console's share is an upper bound (TLS and socket reads of both
// sides land there). GC cannot be told apart: it is reported on its own.
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const sandboxFrame = (url: string) =>
  /\/tests\/sandbox\/|\/node_modules\/jose\/|^node:_http_server|^node:_http_incoming|^node:_http_outgoing/.test(url);
const benchFrame = (url: string) => /\/bench\//.test(url);

export interface CpuSplit {
  consoleMs: number;
  sandboxMs: number;
  benchProbeMs: number;
  garbageCollectionMs: number;
  otherMs: number;
}

export function splitProfile(profile: Profile): CpuSplit {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const split: CpuSplit = { consoleMs: 0, sandboxMs: 0, benchProbeMs: 0, garbageCollectionMs: 0, otherMs: 0 };
  for (const [id, us] of selfUs) {
    const name = byId.get(id)?.callFrame.functionName;
    if (name === '(idle)') continue;
    if (name === '(garbage collector)') {
      split.garbageCollectionMs += us / 1000;
      continue;
    }
    let side: keyof CpuSplit = 'otherMs';
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const url = byId.get(x)?.callFrame.url ?? '';
      if (sandboxFrame(url)) {
        side = 'sandboxMs';
        break;
      }
      if (benchFrame(url)) side = 'benchProbeMs';
      else if (side === 'otherMs' && url !== '') side = 'consoleMs';
    }
    split[side] += us / 1000;
  }
  for (const k of Object.keys(split) as (keyof CpuSplit)[]) split[k] = Math.round(split[k]);
  return split;
}

/** Profiles this process (V8's sampling profiler through the inspector) while `work` runs. */
export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}
