import type { AccountInfo, PublicClientApplication } from '@azure/msal-node';

/** Client-tenant tokens one in-memory MSAL copy serves before a fresh one starts. */
const TOKENS_PER_COPY = 25;

/** An in-memory MSAL client for client-tenant tokens, the tokens it has served, and its accounts. */
interface TenantCopy {
  pca: PublicClientApplication;
  tokens: number;
  accounts: Map<string, AccountInfo>;
  /** Settles when the copy's first token call has (see token()). */
  ready?: Promise<void>;
}

export interface TenantTokenRequest {
  homeAccountId: string;
  scopes: string[];
  /** The client tenant's authority. */
  authority: string;
}

/**
 * Client-tenant tokens come from a second MSAL client whose cache lives in memory only, loaded from
 * the persisted one: a run over 1,000 tenants would otherwise write the whole (growing) cache to the
 * vault after each token, and those access tokens are useless after the run anyway (the caller keeps
 * them per tenant). MSAL walks every cached ID token for each of the account's tenant profiles on each
 * call (msal-common CacheManager.getTenantProfilesFromAccountEntity → getIdToken), so a copy's cost per
 * token grows with the square of the tenants it has served: each copy serves TOKENS_PER_COPY tenants,
 * then a fresh copy starts from the persisted cache (refresh tokens stay valid when used,
 * learn.microsoft.com/entra/identity-platform/refresh-tokens). A fresh copy reads the authority's
 * OpenID configuration once more: one request per TOKENS_PER_COPY tenants.
 */
export class ClientTenantTokens {
  private current: Promise<TenantCopy> | undefined;

  /** makeCopy: a new in-memory client holding what the persisted cache holds now. */
  constructor(private readonly makeCopy: () => Promise<PublicClientApplication>) {}

  /** Starts from the persisted cache again at the next token (after a sign-in, a sign-out, a new client). */
  reset(): void {
    this.current = undefined;
  }

  /**
   * Redeems the refresh token at the tenant's authority (forceRefresh: msal-node picks cached access tokens
   * by the account's home tenant). Undefined when the account is not signed in. MSAL's errors pass through.
   */
  async token(request: TenantTokenRequest): Promise<{ accessToken: string; expiresOn: Date | null } | undefined> {
    let pending = this.copy();
    let copy = await pending;
    let account = await accountIn(copy, request.homeAccountId);
    if (!account) {
      // Signed in since the copy was made: copy again.
      if (this.current === pending) this.current = undefined;
      pending = this.copy();
      copy = await pending;
      account = await accountIn(copy, request.homeAccountId);
    }
    if (!account) return undefined;
    // Counted before the call: concurrent calls share this copy, and the next one after the limit starts afresh.
    if (++copy.tokens >= TOKENS_PER_COPY && this.current === pending) this.current = undefined;
    // A fresh copy's first call reads the authority's OpenID configuration into the copy; the calls that
    // arrive meanwhile wait for it rather than each reading it again.
    const first = !copy.ready;
    if (!first) await copy.ready;
    const call = copy.pca.acquireTokenSilent({ account, scopes: request.scopes, authority: request.authority, forceRefresh: true });
    if (first) copy.ready = call.then(() => undefined, () => undefined);
    const result = await call;
    return { accessToken: result.accessToken, expiresOn: result.expiresOn };
  }

  /** The current copy; calls that arrive while it is being made share it. */
  private copy(): Promise<TenantCopy> {
    if (!this.current) {
      const making = this.makeCopy().then((pca): TenantCopy => ({ pca, tokens: 0, accounts: new Map() }));
      this.current = making;
      making.catch(() => {
        if (this.current === making) this.current = undefined;
      });
    }
    return this.current;
  }
}

/** The account as the copy knows it, looked up once per copy (MSAL's getAllAccounts walks the whole cache). */
async function accountIn(copy: TenantCopy, homeAccountId: string): Promise<AccountInfo | undefined> {
  let account = copy.accounts.get(homeAccountId);
  if (!account) {
    account = (await copy.pca.getTokenCache().getAllAccounts()).find((a) => a.homeAccountId === homeAccountId);
    if (account) copy.accounts.set(homeAccountId, account);
  }
  return account;
}
