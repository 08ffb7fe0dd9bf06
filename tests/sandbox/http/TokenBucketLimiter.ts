import type { ThrottleSettings } from '../settings/SandboxSettings';

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

/** Per-key token buckets (facts §9.2: Microsoft throttles per app + tenant pair with buckets that refill). */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes one token; when empty, returns how long until one is available (the Retry-After value). */
  take(key: string, nowMs: number, settings: ThrottleSettings): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const bucket = this.buckets.get(key) ?? { tokens: settings.capacity, updatedAtMs: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedAtMs) / 1000;
    bucket.tokens = Math.min(settings.capacity, bucket.tokens + elapsedSeconds * settings.refillPerSecond);
    bucket.updatedAtMs = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitSeconds = settings.refillPerSecond > 0 ? (1 - bucket.tokens) / settings.refillPerSecond : 60;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }

  clear(): void {
    this.buckets.clear();
  }
}
