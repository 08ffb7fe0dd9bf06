import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
} from '@azure/msal-node';
import { ErrorCode } from '../../../shared/error-codes';
import { knownAuthorityOf, type CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import { ClientTenantTokens } from './client-tenant-tokens';
import { createCloudFetch, type CloudFetch } from '../net/cloud-fetch';
import type { Vault } from '../vault/vault';
import { summarizeAccount, type AccountSummary } from './account-summary';
import { signInErrorPage, signInSuccessPage } from './loopback-pages';
import { MsalNetworkClient } from './msal-network-client';
import { interactionNeeded, signInCancelled, signInFailed, signInTimedOut } from './sign-in-errors';
import { scopesForSteps } from './plan-permissions';
import { scopesFor, stepScopes, type StepId } from './step-scopes';
import { signInWithMfaV1 } from './mfa-sign-in';
import { vaultCachePlugin } from './vault-cache-plugin';

/** Microsoft Graph Command Line Tools: a Microsoft public client present in every tenant. */
export const DEFAULT_PUBLIC_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export interface SignInServiceOptions {
  cloud: CloudProfile;
  clientId?: string;
  vault: Vault;
  /** Opens the sign-in page: shell.openExternal in Electron, a new tab in the web host. */
  openUrl(url: string): Promise<void>;
  /** A sign-in left open this long is stopped. */
  interactiveTimeoutMs?: number;
  /** The cloud fetch to use (default: createCloudFetch(cloud)); the core passes one observed for connectivity. */
  fetchFn?: CloudFetch;
}

export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  message: string;
  expiresInSeconds: number;
}

/** Wraps one pending interactive sign-in so Cancel and the timeout can end it (see settle()). */
interface PendingInteractive {
  redirectUri: string;
  state: string;
}

/**
 * Sign-in to the partner tenant with MSAL's PublicClientApplication: authorization code + PKCE in
 * the system browser with a loopback redirect, device code as the alternative, silent refresh, and
 * a plan's scopes asked for together, once, when the plan is previewed. Tokens stay inside MSAL's
 * cache, which is persisted only through the vault.
 */
export class SignInService {
  private currentClientId: string;
  private pca: PublicClientApplication;
  private readonly fetchFn: CloudFetch;
  /** One network module for both MSAL clients, so a dropped cause can be put back (explain()). */
  private readonly network: MsalNetworkClient;
  private pending: PendingInteractive | undefined;
  private ended: 'cancelled' | 'timed-out' | undefined;
  private deviceRequest: { cancel?: boolean } | undefined;
  private readonly tenantTokens = new ClientTenantTokens(() => this.copyCache());

  constructor(private readonly options: SignInServiceOptions) {
    this.currentClientId = options.clientId ?? DEFAULT_PUBLIC_CLIENT_ID;
    this.fetchFn = options.fetchFn ?? createCloudFetch(options.cloud);
    this.network = new MsalNetworkClient(this.fetchFn);
    this.pca = this.build();
  }

  private build(): PublicClientApplication {
    return new PublicClientApplication({
      auth: {
        clientId: this.currentClientId,
        authority: `${this.options.cloud.authorityHost}/organizations`,
        // Trust this host without Microsoft's instance discovery (facts §11.4).
        knownAuthorities: [knownAuthorityOf(this.options.cloud)],
      },
      // One cache per client: accounts signed in with one app are not reused by another.
      cache: { cachePlugin: vaultCachePlugin(this.options.vault, `msal-cache:${this.options.cloud.id}:${this.currentClientId}`) },
      system: { networkClient: this.network },
    });
  }

  get clientId(): string {
    return this.currentClientId;
  }

  /** Signs in with another public client from now on (the admin's own app registration). */
  useClientId(clientId: string | null): void {
    if (this.pending || this.deviceRequest) {
      throw new AppError(ErrorCode.SignInFailed, 'A sign-in is waiting; the sign-in app cannot change now.', {
        fix: 'Finish or cancel the sign-in first.',
      });
    }
    this.currentClientId = clientId ?? DEFAULT_PUBLIC_CLIENT_ID;
    this.pca = this.build();
    this.tenantTokens.reset();
  }

  private authority(tenant: string | undefined): string {
    return `${this.options.cloud.authorityHost}/${tenant ?? 'organizations'}`;
  }

  /** Interactive sign-in in the system browser; resolves when the admin finishes or fails. */
  async signInInteractive(input: { tenant?: string; loginHint?: string; steps?: StepId[]; account?: AccountSummary } = {}) {
    if (this.pending) {
      throw new AppError(ErrorCode.SignInFailed, 'A sign-in is already waiting in the browser.', {
        fix: 'Finish it in the browser tab, or cancel it and start again.',
      });
    }
    // Every step's scopes in one request: one consent for the lot, then each step's token is silent.
    const scopes = scopesForSteps(input.steps ?? ['signIn'], this.options.cloud);
    const timeoutMs = this.options.interactiveTimeoutMs ?? 5 * 60_000;
    this.ended = undefined;
    const timer = setTimeout(() => void this.settle('timed-out'), timeoutMs);
    const account = input.account ? await this.findAccount(input.account.homeAccountId) : undefined;
    try {
      const result = await this.pca.acquireTokenInteractive({
        scopes,
        authority: this.authority(input.tenant ?? account?.tenantId),
        ...(input.loginHint ? { loginHint: input.loginHint } : {}),
        ...(account ? { account } : {}),
        // A known account only needs the step's consent or MFA: let Entra reuse its browser session.
        ...(account ? {} : { prompt: input.loginHint ? 'login' : 'select_account' }),
        successTemplate: signInSuccessPage,
        errorTemplate: signInErrorPage,
        openBrowser: async (url) => {
          const params = new URL(url).searchParams;
          this.pending = { redirectUri: params.get('redirect_uri') ?? '', state: params.get('state') ?? '' };
          await this.options.openUrl(url);
        },
      });
      this.tenantTokens.reset(); // fresh refresh token (after MFA or consent) for client-tenant tokens too
      return this.accountOf(result);
    } catch (error) {
      if (this.ended === 'cancelled') throw signInCancelled();
      if (this.ended === 'timed-out') throw signInTimedOut(Math.round(timeoutMs / 60_000));
      throw signInFailed(this.network.explain(error));
    } finally {
      clearTimeout(timer);
      this.pending = undefined;
    }
  }

  /**
   * Signs in again for a step asking Entra for multi-factor authentication (see signInWithMfaV1), then puts the
   * result into MSAL's cache, so the step's next token shows MFA (Partner Center's 900421 answer is fixed by this).
   */
  async signInWithMfa(input: { account: AccountSummary; step: StepId }): Promise<AccountSummary> {
    const resource = stepScopes[input.step].resource === 'graph' ? this.options.cloud.graphResource : this.options.cloud.partnerCenterResource;
    if (!resource) throw new AppError(ErrorCode.PartnerCenterUnavailable, `${this.options.cloud.name} has no endpoint for this step.`, { fix: 'Choose the cloud your partner tenant is in.' });
    const { refreshToken } = await signInWithMfaV1({
      cloud: this.options.cloud,
      fetchFn: this.fetchFn,
      clientId: this.currentClientId,
      tenant: input.account.tenantId,
      resource,
      loginHint: input.account.username,
      openUrl: this.options.openUrl,
      ...(this.options.interactiveTimeoutMs ? { timeoutMs: this.options.interactiveTimeoutMs } : {}),
    });
    try {
      const result = await this.pca.acquireTokenByRefreshToken({ refreshToken, scopes: scopesFor(input.step, this.options.cloud), authority: this.authority(input.account.tenantId), forceCache: true });
      if (!result) throw new Error('Microsoft returned no token for the MFA sign-in.');
      this.tenantTokens.reset();
      return this.accountOf(result);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw signInFailed(error);
    }
  }

  /** Device code sign-in: `onPrompt` shows the code; resolves when the admin has entered it. */
  async signInWithDeviceCode(input: { tenant?: string; onPrompt(prompt: DeviceCodePrompt): void }) {
    const request = {
      scopes: scopesFor('signIn', this.options.cloud),
      authority: this.authority(input.tenant),
      cancel: false,
      deviceCodeCallback: (r: { userCode: string; verificationUri: string; message: string; expiresIn: number }) =>
        input.onPrompt({
          userCode: r.userCode,
          verificationUri: r.verificationUri,
          message: r.message,
          expiresInSeconds: r.expiresIn,
        }),
    };
    this.deviceRequest = request;
    this.ended = undefined;
    try {
      const result = await this.pca.acquireTokenByDeviceCode(request);
      if (!result) throw new Error('Device code sign-in returned no result.');
      return this.accountOf(result);
    } catch (error) {
      if (this.ended === 'cancelled') throw signInCancelled();
      throw signInFailed(this.network.explain(error));
    } finally {
      this.deviceRequest = undefined;
    }
  }

  /** Ends whatever sign-in is waiting. Safe to call when none is. */
  async cancel(): Promise<void> {
    if (this.deviceRequest) {
      this.ended = 'cancelled';
      this.deviceRequest.cancel = true;
    }
    await this.settle('cancelled');
  }

  /**
   * msal-node 7 owns its loopback server and has no cancel. We end a pending sign-in the way the
   * authorization server would: by posting an error with the request's own state to the loopback
   * redirect (form_post, facts §13). MSAL then closes its server and rejects.
   */
  private async settle(reason: 'cancelled' | 'timed-out'): Promise<void> {
    const pending = this.pending;
    if (!pending?.redirectUri) return;
    this.ended = reason;
    const target = new URL(pending.redirectUri);
    target.hostname = '127.0.0.1'; // MSAL listens on 127.0.0.1; "localhost" may resolve to ::1.
    try {
      await fetch(target, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          error: reason === 'cancelled' ? 'access_denied' : 'timeout',
          error_description: reason === 'cancelled' ? 'The admin cancelled sign-in in Entra Onboard.' : 'Sign-in timed out.',
          state: pending.state,
        }),
      });
    } catch {
      // The loopback server may already be gone (the sign-in finished at the same moment).
    }
  }

  /** An access token for a step, silently when possible (refreshing an expired one). */
  async tokenFor(homeAccountId: string, step: StepId): Promise<string> {
    const account = await this.findAccount(homeAccountId);
    if (!account) throw this.accountMissing();
    try {
      const result = await this.pca.acquireTokenSilent({ account, scopes: scopesFor(step, this.options.cloud) });
      return result.accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) throw interactionNeeded(step, error);
      throw signInFailed(this.network.explain(error));
    }
  }

  /**
   * A token for a step in another tenant the admin reaches (a GDAP customer). msal-node picks cached
   * access tokens by the account's home tenant, so this always redeems the refresh token at the
   * customer's authority: callers must cache the result per tenant (client-tenant consent does, in
   * TenantTokenCache) or Entra sees a loop and answers AADSTS50196.
   * MSAL's own errors are passed through for the caller to classify (MFA, consent, no access).
   */
  async tokenForTenant(homeAccountId: string, step: StepId, tenantId: string): Promise<{ accessToken: string; expiresOn: Date | null }> {
    const result = await this.tenantTokens
      .token({ homeAccountId, scopes: scopesFor(step, this.options.cloud), authority: this.authority(tenantId) })
      .catch((error: unknown) => {
        throw this.network.explain(error);
      });
    if (!result) throw this.accountMissing();
    return result;
  }

  /** A copy of the persisted cache in a client of its own, for ClientTenantTokens. */
  private async copyCache(): Promise<PublicClientApplication> {
    await this.pca.getTokenCache().getAllAccounts(); // loads the persisted cache
    const pca = new PublicClientApplication({
      auth: {
        clientId: this.currentClientId,
        authority: `${this.options.cloud.authorityHost}/organizations`,
        knownAuthorities: [knownAuthorityOf(this.options.cloud)],
      },
      system: { networkClient: this.network },
    });
    pca.getTokenCache().deserialize(this.pca.getTokenCache().serialize());
    return pca;
  }

  async accounts(): Promise<AccountSummary[]> {
    const all = await this.pca.getTokenCache().getAllAccounts();
    return all.map(summarizeAccount);
  }

  /** Removes this account's tokens from the cache; other accounts stay signed in. */
  async signOut(homeAccountId: string): Promise<void> {
    const account = await this.findAccount(homeAccountId);
    if (!account) throw this.accountMissing();
    await this.pca.getTokenCache().removeAccount(account);
    this.tenantTokens.reset();
  }

  /** The fetch this cloud uses, for the Graph client to share. */
  get cloudFetch(): CloudFetch {
    return this.fetchFn;
  }

  private async findAccount(homeAccountId: string): Promise<AccountInfo | undefined> {
    const all = await this.pca.getTokenCache().getAllAccounts();
    return all.find((a) => a.homeAccountId === homeAccountId);
  }

  private accountOf(result: AuthenticationResult): AccountSummary {
    if (!result.account) throw new Error('Microsoft returned no account for this sign-in.');
    return summarizeAccount(result.account);
  }

  private accountMissing(): AppError {
    return new AppError(ErrorCode.AccountNotFound, 'This account is no longer signed in.', {
      fix: 'Sign in again.',
    });
  }
}
