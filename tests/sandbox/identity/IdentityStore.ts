import { randomToken } from '../util/randomToken';

/** Parameters of an /authorize request that survive across the sign-in pages. */
export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  responseType: string;
  responseMode: 'form_post' | 'query' | 'fragment';
  scope: string;
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  prompt: string | undefined;
  loginHint: string | undefined;
  /** v1.0 only: `amr_values=mfa` asks for multi-factor authentication whether or not a policy requires it. */
  amrValues?: string | undefined;
}

export interface AdminConsentParams {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  /** v2 endpoint only: the requested scopes (facts §6.2). */
  scope: string | undefined;
  version: 1 | 2;
}

export interface AccountRef {
  homeTenantId: string;
  userId: string;
}

/** One interactive journey through the sign-in pages (authorize, device login or admin consent). */
export interface Flow {
  id: string;
  kind: 'authorize' | 'device' | 'adminconsent';
  createdAtMs: number;
  tenantSegment: string;
  /** Null for `common`/`organizations`: the signed-in user's home tenant is used. */
  requestedTenantId: string | null;
  clientId: string;
  sessionId: string;
  authorize?: AuthorizeParams;
  adminConsent?: AdminConsentParams;
  deviceCode?: string;
  account?: AccountRef;
  mfaSatisfied: boolean;
  consentHandled: boolean;
  /** Device flow: the user answered "Are you trying to sign in to ...?" with Continue. */
  deviceConfirmed: boolean;
  /** Admin consent: the scope list reported back on success (facts §6.2). */
  grantedScopes?: string;
  /** A one-line error shown on the next rendering of the current page (bad password...). */
  notice?: string;
}

export interface SessionAccount extends AccountRef {
  authTimeS: number;
  mfa: boolean;
}

/** Browser session, like Entra's ESTSAUTH cookie: which accounts are signed in, for SSO and the account picker. */
export interface Session {
  id: string;
  accounts: SessionAccount[];
}

export interface AuthorizationCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  tenantId: string;
  account: AccountRef;
  scope: string;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  authTimeS: number;
  amr: string[];
  expiresAtMs: number;
  redeemed: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  account: AccountRef;
  authTimeS: number;
  amr: string[];
  issuedAtMs: number;
  lastUsedAtMs: number;
  revoked: boolean;
}

export interface DeviceCodeRecord {
  deviceCode: string;
  userCode: string;
  clientId: string;
  tenantSegment: string;
  requestedTenantId: string | null;
  scope: string;
  issuedAtMs: number;
  expiresAtMs: number;
  intervalSeconds: number;
  lastPollAtMs: number | null;
  status: 'pending' | 'approved' | 'declined' | 'redeemed';
  approval?: { account: AccountRef; tenantId: string; authTimeS: number; amr: string[] };
}

/** Protocol state of the identity service (not directory data): flows, sessions, codes and tokens. */
export class IdentityStore {
  readonly flows = new Map<string, Flow>();
  readonly sessions = new Map<string, Session>();
  readonly codes = new Map<string, AuthorizationCodeRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly deviceCodes = new Map<string, DeviceCodeRecord>();
  readonly deviceCodesByUserCode = new Map<string, string>();

  newSession(): Session {
    const session: Session = { id: randomToken(24), accounts: [] };
    this.sessions.set(session.id, session);
    return session;
  }

  clear(): void {
    this.flows.clear();
    this.sessions.clear();
    this.codes.clear();
    this.refreshTokens.clear();
    this.deviceCodes.clear();
    this.deviceCodesByUserCode.clear();
  }
}
