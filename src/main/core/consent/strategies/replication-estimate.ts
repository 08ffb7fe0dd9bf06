export interface ReplicationEstimateOptions {
  /** How many recent writes the estimate is made from. */
  window?: number;
  /** Writes seen before the estimate is trusted; until then the first attempt goes at once. */
  minSamples?: number;
  /** Never wait longer than this before the first attempt: past it, the retries' backoff takes over. */
  maxFirstWaitMs?: number;
}

/**
 * How long Graph takes, in this run, before a service principal created a moment ago can be named in a
 * write (facts §4.2). Microsoft gives no figure and it varies, so it is learnt from the run itself: the age
 * (time since the create was answered) at which writes naming a fresh service principal were sent and
 * succeeded. The next tenant's first attempt waits until that age (the 75th percentile of recent ones),
 * instead of spending a "Not a valid reference update." on every tenant; a slower tenant still gets
 * the backoff of whileReplicating. Ages are taken when a write is sent, not when it is answered, so the
 * estimate does not creep up by one round trip per tenant; a low percentile would pick the writes that
 * happened to travel slowly (sent early, arrived late enough) and send the next ones too soon.
 */
export class ReplicationEstimate {
  private readonly ages: number[] = [];
  private next = 0;
  /** The oldest age at which a write was still refused, while there are too few successes to go by. */
  private refusedUpTo = 0;
  private readonly window: number;
  private readonly minSamples: number;
  private readonly maxFirstWaitMs: number;

  constructor(o: ReplicationEstimateOptions = {}) {
    this.window = o.window ?? 50;
    this.minSamples = o.minSamples ?? 5;
    this.maxFirstWaitMs = o.maxFirstWaitMs ?? 10_000;
  }

  /** A write naming a fresh service principal succeeded; it was sent `ageMs` after the create was answered. */
  observe(ageMs: number): void {
    const age = Math.max(0, ageMs);
    if (this.ages.length < this.window) this.ages.push(age);
    else this.ages[this.next] = age;
    this.next = (this.next + 1) % this.window;
  }

  /** A write naming a fresh service principal was refused as not replicated yet; it was sent `ageMs` after the create. */
  refused(ageMs: number): void {
    if (this.ages.length < this.minSamples) this.refusedUpTo = Math.max(this.refusedUpTo, ageMs);
  }

  /**
   * How long after the create the first write should be sent. Until enough writes have succeeded, the oldest
   * age at which one was still refused: no use sending the next tenant's sooner than that.
   */
  firstAttemptAgeMs(): number {
    if (this.ages.length < this.minSamples) return Math.min(this.maxFirstWaitMs, this.refusedUpTo);
    const sorted = [...this.ages].sort((a, b) => a - b);
    return Math.min(this.maxFirstWaitMs, sorted[Math.floor((sorted.length - 1) * 0.75)] ?? 0);
  }
}
