/**
 * Access tokens per client tenant, kept until shortly before they expire. Entra answers a client
 * that asks for the same token again and again with AADSTS50196 ("client request loop",
 * learn.microsoft.com/entra/identity-platform/reference-error-codes), and a bulk run touches each
 * tenant many times: every request of a tenant's work reuses one token, and concurrent asks for the
 * same tenant share one request. A failure is not cached (the next ask tries again), so a tenant
 * fixed by the admin (MFA done, role granted) works on retry.
 */
export interface CachedToken {
  accessToken: string;
  expiresOn: Date | null;
}

export class TenantTokenCache {
  private readonly tokens = new Map<string, { token: CachedToken; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<CachedToken>>();
  acquisitions = 0;

  constructor(
    private readonly acquire: (key: string) => Promise<CachedToken>,
    private readonly now: () => number = Date.now,
    /** Renew this long before expiry so a token never expires mid-request. */
    private readonly marginMs = 5 * 60_000,
    /** At most this many tokens are kept (oldest dropped first), so 5,000 tenants do not pile up. */
    private readonly maxEntries = 2_000,
  ) {}

  async get(key: string): Promise<string> {
    const hit = this.tokens.get(key);
    if (hit && hit.expiresAt - this.marginMs > this.now()) return hit.token.accessToken;
    let inflight = this.pending.get(key);
    if (!inflight) {
      this.acquisitions++;
      inflight = this.acquire(key).finally(() => this.pending.delete(key));
      this.pending.set(key, inflight);
    }
    const token = await inflight;
    // Tokens without an expiry are kept for ten minutes: long enough for one tenant's work.
    this.tokens.delete(key);
    this.tokens.set(key, { token, expiresAt: token.expiresOn?.getTime() ?? this.now() + 10 * 60_000 + this.marginMs });
    if (this.tokens.size > this.maxEntries) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    return token.accessToken;
  }

  /** Forget a token Microsoft refused (401 invalid token), so the next ask gets a new one. */
  drop(key: string): void {
    this.tokens.delete(key);
  }
}
