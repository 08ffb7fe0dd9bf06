import type { ThrottleSettings } from '../settings/SandboxSettings';

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

export type TakeOutcome = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** Per-key token buckets (facts §9.2: Microsoft throttles per app + tenant pair with buckets that refill). */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  private refill(key: string, nowMs: number, settings: ThrottleSettings): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: settings.capacity, updatedAtMs: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedAtMs) / 1000;
    bucket.tokens = Math.min(settings.capacity, bucket.tokens + elapsedSeconds * settings.refillPerSecond);
    bucket.updatedAtMs = nowMs;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Whether `cost` tokens are there, without taking them (several buckets are checked before any is charged). */
  check(key: string, nowMs: number, settings: ThrottleSettings, cost = 1): TakeOutcome {
    const bucket = this.refill(key, nowMs, settings);
    const needed = Math.min(cost, settings.capacity);
    if (bucket.tokens >= needed) return { allowed: true, remaining: bucket.tokens - needed };
    const waitSeconds = settings.refillPerSecond > 0 ? (needed - bucket.tokens) / settings.refillPerSecond : 60;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }

  /** Takes `cost` tokens (default one); when short, returns how long until they are there (the Retry-After value). */
  take(key: string, nowMs: number, settings: ThrottleSettings, cost = 1): TakeOutcome {
    const outcome = this.check(key, nowMs, settings, cost);
    if (outcome.allowed) {
      const bucket = this.buckets.get(key) as Bucket;
      bucket.tokens -= Math.min(cost, settings.capacity);
    }
    return outcome;
  }

  clear(): void {
    this.buckets.clear();
  }
}
