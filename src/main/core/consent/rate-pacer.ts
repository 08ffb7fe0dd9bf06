import { Cancelled, sleep } from './http-client';

export interface RatePacerOptions {
  /** The documented limit, in requests per second. */
  perSecond: number;
  /**
   * How many may go at once after a quiet spell. Kept below the service's own burst so that answers
   * arriving bunched (latency varies per request) still fit in what the service allows.
   */
  burst: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * Sends requests no faster than a service's documented rate limit, instead of sending them all and
 * spending 429s. A token bucket of `burst` refilled at `perSecond` (kept as the generic cell rate
 * algorithm's theoretical time), checked when a request actually goes: a console that was busy for a
 * moment does not then send every request it had scheduled in that moment at once. Requests wait in
 * order of arrival, with one timer for all of them, and none holds a request slot while it waits. A 429
 * that still comes (another client of the same app, a limit counted differently) holds everyone until
 * its Retry-After, not only the request that received it.
 */
export class RatePacer {
  private readonly interval: number;
  private readonly tolerance: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly queue: Waiter[] = [];
  private pumping = false;
  /** When the next request would go if every request so far had gone one interval apart. */
  private theoretical = Number.NEGATIVE_INFINITY;

  constructor(o: RatePacerOptions) {
    if (!(o.perSecond > 0) || !(o.burst >= 1)) throw new RangeError('A rate pacer needs a positive rate and a burst of at least 1.');
    this.interval = 1000 / o.perSecond;
    this.tolerance = (o.burst - 1) * this.interval;
    this.now = o.now ?? Date.now;
    this.wait = o.wait ?? sleep;
  }

  /** Resolves when this request may go; rejects with Cancelled when the signal aborts first. */
  take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new Cancelled());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          reject(new Cancelled());
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /**
   * The service said to wait (429 with Retry-After): no request under this limit goes for `ms`, and after
   * that the bucket starts empty, as the service counts from the hold's end too.
   */
  holdFor(ms: number): void {
    this.theoretical = Math.max(this.theoretical, this.now() + ms + this.tolerance);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.now();
        const goAt = this.theoretical - this.tolerance;
        if (now < goAt) {
          await this.wait(goAt - now);
          continue;
        }
        this.theoretical = Math.max(this.theoretical, now) + this.interval;
        const waiter = this.queue.shift() as Waiter;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.resolve();
      }
    } finally {
      this.pumping = false;
    }
  }
}
