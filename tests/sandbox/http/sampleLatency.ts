import type { SeededRandom } from '../util/createSeededRandom';
import type { LatencyDistribution } from '../settings/SandboxSettings';

/** Milliseconds of added latency for one request, drawn from the seeded fault stream. */
export function sampleLatency(distribution: LatencyDistribution, random: SeededRandom): number {
  switch (distribution.kind) {
    case 'none':
      return 0;
    case 'fixed':
      return Math.max(0, distribution.ms);
    case 'uniform':
      return distribution.minMs + random.next() * Math.max(0, distribution.maxMs - distribution.minMs);
    case 'normal': {
      // Box-Muller; clamped at zero because negative latency is meaningless.
      const u1 = Math.max(random.next(), Number.EPSILON);
      const u2 = random.next();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.max(0, distribution.meanMs + z * distribution.stdDevMs);
    }
  }
}
