import type { SandboxClock } from '../clock/SandboxClock';
import type { SeededRandom } from '../util/createSeededRandom';
import type { FaultProfile } from '../settings/SandboxSettings';
import type { Middleware, Mount } from './Mount';
import { connectionReset } from './Reply';
import { sampleLatency } from './sampleLatency';
import type { TokenBucketLimiter } from './TokenBucketLimiter';

export interface FaultMiddlewareDeps {
  profile: () => FaultProfile;
  /** Read per request: a reset installs a fresh seeded stream. */
  random: () => SeededRandom;
  clock: SandboxClock;
  limiter: TokenBucketLimiter;
}

/**
 * Latency, connection resets, 5xx and 429 (token bucket per tenant + app, with Retry-After) in front of a mount's
 * routes. It is mount-agnostic: error bodies come from the mount's formatter, keys from its throttleKey, so the
 * Graph and Partner Center routes of the next phase get the same switches by being on a mount.
 */
export function createFaultMiddleware(mount: Pick<Mount, 'name' | 'errors' | 'throttleKey'>, deps: FaultMiddlewareDeps): Middleware {
  return async (req, next) => {
    const profile = deps.profile();
    const random = deps.random();
    const delay = sampleLatency(profile.latency, random);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    if (profile.resetRate > 0 && random.next() < profile.resetRate) {
      req.raw.socket.destroy();
      return connectionReset;
    }
    if (profile.errorRate > 0 && random.next() < profile.errorRate) {
      return mount.errors.unavailable(req, profile.errorStatus);
    }
    if (profile.throttle) {
      const key = await mount.throttleKey(req);
      if (key !== null) {
        const outcome = deps.limiter.take(`${mount.name}|${key}`, deps.clock.now(), profile.throttle);
        if (!outcome.allowed) return mount.errors.throttled(req, outcome.retryAfterSeconds);
      }
    }
    return next();
  };
}
