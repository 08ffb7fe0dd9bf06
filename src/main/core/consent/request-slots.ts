/**
 * At most `limit` requests to Microsoft in flight at once, for a whole consent run. A tenant that waits
 * (Graph's replication of a fresh service principal, a Retry-After) holds no slot while it waits, so
 * many tenants can be in progress while the requests the run sends at any moment stay bounded.
 */
export class RequestSlots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  /** Runs `work` in a slot, waiting for one first (first come, first served). */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.used < this.limit) this.used++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so `used` stays as it is.
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    }
  }
}
