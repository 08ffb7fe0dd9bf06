interface Waiter {
  rank: number;
  order: number;
  go: () => void;
}

/** Whether `a` goes before `b`: the lower rank, then whichever asked first. */
const before = (a: Waiter, b: Waiter) => a.rank < b.rank || (a.rank === b.rank && a.order < b.order);

/** A request paced under a rate limit (RatePacer): it goes before every other. */
export const PACED_RANK = Number.NEGATIVE_INFINITY;

/**
 * At most `limit` requests to Microsoft in flight at once, for a whole consent run. A tenant that waits
 * (Graph's replication of a fresh service principal, a Retry-After) holds no slot while it waits, so
 * many tenants can be in progress while the requests the run sends at any moment stay bounded.
 *
 * Who gets a freed slot: the lowest rank, then first come, first served. A run ranks each request by its
 * tenant's place in the run, so the tenants started first finish first: a tenant past its consent is
 * not kept waiting behind the first request of every tenant started after it, and fewer tenants are
 * half done at any moment (less to resume after a crash). A request paced under a rate limit has already
 * waited its turn there and goes before all (PACED_RANK): queued behind the others, paced requests would
 * reach the service in bunches, which it counts as a burst and throttles.
 */
export class RequestSlots {
  private used = 0;
  private asked = 0;
  /** A binary heap of the requests waiting for a slot, by `before`. */
  private readonly waiting: Waiter[] = [];

  constructor(readonly limit: number) {}

  /** Runs `work` in a slot, waiting for one first. Unranked requests go after every ranked one, in order. */
  async run<T>(work: () => Promise<T>, rank: number = Number.MAX_SAFE_INTEGER): Promise<T> {
    if (this.used < this.limit) this.used++;
    else await new Promise<void>((go) => this.push({ rank, order: this.asked++, go }));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so `used` stays as it is.
      const next = this.pop();
      if (next) next.go();
      else this.used--;
    }
  }

  private push(w: Waiter): void {
    const h = this.waiting;
    h.push(w);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Waiter | undefined {
    const h = this.waiting;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || !last) return top;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && before(h[l]!, h[best]!)) best = l;
      if (r < h.length && before(h[r]!, h[best]!)) best = r;
      if (best === i) break;
      [h[i], h[best]] = [h[best]!, h[i]!];
      i = best;
    }
    return top;
  }
}
