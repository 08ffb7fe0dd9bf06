import type { JWTPayload } from 'jose';
import type { SandboxRuntime } from '../SandboxRuntime';
import type { Application, ServicePrincipal } from '../model/directoryTypes';
import { graphAppId, oidcScopes, partnerCenterAppId } from '../model/wellKnownIds';
import { randomToken } from '../util/randomToken';
import type { DelegatedAccess } from './checkDelegatedAccess';
import type { AccountRef } from './IdentityStore';
import type { ScopeRequest } from './parseScopeRequest';
import { grantedScopeValues } from './permissionItems';
import { clientInfo, opaqueClaims, pairwiseSubject, sessionIdClaim, v1Issuer, v2Issuer } from './tokenClaims';

export interface TokenResponse {
  token_type: 'Bearer';
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

function accessTokenVersion(rt: SandboxRuntime, resourceAppId: string): 1 | 2 {
  // Graph and Partner Center take v1.0 tokens; other APIs choose via api.requestedAccessTokenVersion (null = 1).
  if (resourceAppId === graphAppId || resourceAppId === partnerCenterAppId) return rt.settings.tokens.firstPartyAccessTokenVersion;
  return rt.state.findApplication(resourceAppId)?.api.requestedAccessTokenVersion === 2 ? 2 : 1;
}

function lifetimeSeconds(rt: SandboxRuntime): number {
  const { min, max } = rt.settings.tokens.accessTokenLifetimeSeconds;
  return rt.random.tokens.int(Math.min(min, max), Math.max(min, max));
}

/** v1 tokens carry the resource as the client named it (URI), or the appId for bare Graph names. */
function audience(resource: ServicePrincipal, prefix: string, version: 1 | 2): string {
  if (version === 2 || prefix === '') return resource.appId;
  return prefix;
}

function tenantCreated(rt: SandboxRuntime, tenantId: string): number {
  return Math.floor(Date.parse(rt.state.directory(tenantId).organization.createdDateTime) / 1000);
}

export interface UserTokenInput {
  tenantId: string;
  client: Application;
  account: AccountRef;
  granted: DelegatedAccess;
  request: ScopeRequest;
  nonce: string | undefined;
  authTimeS: number;
  amr: string[];
  /** appidacr/azpacr: 0 public client, 1 client secret. */
  confidential: boolean;
}

/**
 * Access token (+ id token, + refresh token when offline_access was asked) for a signed-in user. The `scp` claim
 * is what is granted to the client in that tenant, not what was asked, so least-privilege checks mean something.
 */
export async function issueUserTokens(rt: SandboxRuntime, input: UserTokenInput): Promise<TokenResponse> {
  const { user, access, clientSp } = input.granted;
  const directory = rt.state.directory(input.tenantId);
  const resource = input.request.resource;
  const nowS = rt.clock.nowSeconds();
  const expiresIn = lifetimeSeconds(rt);
  const version = accessTokenVersion(rt, resource.appId);
  const granted = grantedScopeValues(directory, clientSp, resource, user.id);
  const scp = granted.filter((s) => s.toLowerCase() !== 'offline_access');
  const wids = access.roles;
  const isGuest = access.kind === 'gdap';
  const opaque = opaqueClaims();

  const common: JWTPayload = {
    iat: nowS,
    nbf: nowS,
    exp: nowS + expiresIn,
    aio: opaque.aio,
    name: user.displayName,
    oid: user.id,
    rh: opaque.rh,
    scp: scp.join(' '),
    sid: sessionIdClaim(),
    tid: input.tenantId,
    uti: opaque.uti,
    wids,
  };
  if (isGuest) common.idp = v1Issuer(rt.urls.authority, input.account.homeTenantId);

  const accessClaims: JWTPayload =
    version === 1
      ? {
          aud: audience(resource, input.request.resourcePrefix, 1),
          iss: v1Issuer(rt.urls.authority, input.tenantId),
          ...common,
          acct: 0,
          acr: '1',
          amr: input.amr,
          app_displayname: input.client.displayName,
          appid: input.client.appId,
          appidacr: input.confidential ? '1' : '0',
          family_name: user.surname ?? undefined,
          given_name: user.givenName ?? undefined,
          idtyp: 'user',
          ipaddr: '127.0.0.1',
          platf: '3',
          sub: pairwiseSubject(user.id, resource.appId),
          tenant_region_scope: 'NA',
          unique_name: user.userPrincipalName,
          upn: user.userPrincipalName,
          ver: '1.0',
          xms_tcdt: tenantCreated(rt, input.tenantId),
        }
      : {
          aud: resource.appId,
          iss: v2Issuer(rt.urls.authority, input.tenantId),
          ...common,
          azp: input.client.appId,
          azpacr: input.confidential ? '1' : '0',
          preferred_username: user.userPrincipalName,
          sub: pairwiseSubject(user.id, resource.appId),
          ver: '2.0',
        };

  const response: TokenResponse = {
    token_type: 'Bearer',
    expires_in: expiresIn,
    ext_expires_in: expiresIn,
    access_token: await rt.signer.sign(accessClaims),
  };

  const format = (v: string): string => (input.request.resourcePrefix ? `${input.request.resourcePrefix}/${v}` : v);
  const resourceScopes = granted.filter((s) => !oidcScopes.includes(s.toLowerCase())).map(format);
  if (input.request.isDefault) resourceScopes.push(format('.default'));
  response.scope = [...resourceScopes, ...input.request.oidc].join(' ');

  if (input.request.oidc.includes('openid')) {
    const idClaims: JWTPayload = {
      aud: input.client.appId,
      iss: v2Issuer(rt.urls.authority, input.tenantId),
      iat: nowS,
      nbf: nowS,
      exp: nowS + rt.settings.tokens.idTokenLifetimeSeconds,
      auth_time: input.authTimeS,
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      rh: opaque.rh,
      sid: common.sid,
      sub: pairwiseSubject(user.id, input.client.appId),
      tid: input.tenantId,
      uti: opaque.uti,
      ver: '2.0',
    };
    // facts §13: msal-node 7 sends no nonce and rejects an id_token that carries one it did not send.
    if (input.nonce !== undefined) idClaims.nonce = input.nonce;
    if (input.request.oidc.includes('email') && user.mail) idClaims.email = user.mail;
    if (isGuest) idClaims.idp = v1Issuer(rt.urls.authority, input.account.homeTenantId);
    response.id_token = await rt.signer.sign(idClaims);
  }

  if (input.request.oidc.includes('offline_access')) {
    const token = `1.${randomToken(96)}`;
    rt.identity.refreshTokens.set(token, {
      token,
      clientId: input.client.appId,
      account: input.account,
      authTimeS: input.authTimeS,
      amr: input.amr,
      issuedAtMs: rt.clock.now(),
      lastUsedAtMs: rt.clock.now(),
      revoked: false,
    });
    response.refresh_token = token;
  }
  response.client_info = clientInfo(input.account.userId, input.account.homeTenantId);
  return response;
}

/** App-only access token (client credentials): `roles` are the app role assignments, absent when there are none. */
export async function issueAppToken(
  rt: SandboxRuntime,
  input: { tenantId: string; client: Application; clientSp: ServicePrincipal; resource: ServicePrincipal; resourcePrefix: string },
): Promise<TokenResponse> {
  const directory = rt.state.directory(input.tenantId);
  const nowS = rt.clock.nowSeconds();
  const expiresIn = lifetimeSeconds(rt);
  const version = accessTokenVersion(rt, input.resource.appId);
  const roles = directory
    .assignmentsOf(input.clientSp.id, input.resource.id)
    .map((a) => input.resource.appRoles.find((r) => r.id === a.appRoleId)?.value)
    .filter((v): v is string => typeof v === 'string');
  const opaque = opaqueClaims();
  const issuer = version === 1 ? v1Issuer(rt.urls.authority, input.tenantId) : v2Issuer(rt.urls.authority, input.tenantId);
  const claims: JWTPayload = {
    aud: audience(input.resource, input.resourcePrefix, version),
    iss: issuer,
    iat: nowS,
    nbf: nowS,
    exp: nowS + expiresIn,
    aio: opaque.aio,
    idp: issuer,
    idtyp: 'app',
    oid: input.clientSp.id,
    rh: opaque.rh,
    sub: input.clientSp.id,
    tid: input.tenantId,
    uti: opaque.uti,
    ver: version === 1 ? '1.0' : '2.0',
    ...(version === 1
      ? { app_displayname: input.client.displayName, appid: input.client.appId, appidacr: '1', xms_tcdt: tenantCreated(rt, input.tenantId) }
      : { azp: input.client.appId, azpacr: '1' }),
  };
  if (roles.length > 0) claims.roles = roles;
  return {
    token_type: 'Bearer',
    expires_in: expiresIn,
    ext_expires_in: expiresIn,
    access_token: await rt.signer.sign(claims),
  };
}
