/**
 * Rate and time left for a run, from when tenants finished over the last minute (a whole-run average
 * would hide a slowdown from throttling for too long).
 */
export class RunRate {
  private readonly finishedAt: number[] = [];
  private readonly startedAt: number;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
  ) {
    this.startedAt = now();
  }

  finished(): void {
    this.finishedAt.push(this.now());
    this.trim();
  }

  private trim(): void {
    const from = this.now() - this.windowMs;
    while (this.finishedAt.length > 0 && (this.finishedAt[0] ?? 0) < from) this.finishedAt.shift();
  }

  /** Tenants per minute, null until one has finished. */
  perMinute(): number | null {
    this.trim();
    if (this.finishedAt.length === 0) return null;
    const span = Math.max(1_000, Math.min(this.windowMs, this.now() - this.startedAt));
    return Math.round((this.finishedAt.length / span) * 60_000 * 10) / 10;
  }

  etaSeconds(remaining: number): number | null {
    const rate = this.perMinute();
    if (rate === null || rate === 0) return null;
    return Math.ceil((remaining / rate) * 60);
  }
}
