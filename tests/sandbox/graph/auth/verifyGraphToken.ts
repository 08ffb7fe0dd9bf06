import { errors, importJWK, jwtVerify, type JWTPayload } from 'jose';
import type { SandboxRuntime } from '../../SandboxRuntime';
import type { SigningKey } from '../../crypto/ensureSigningKey';
import { graphAppId } from '../../model/wellKnownIds';
import { v1Issuer, v2Issuer } from '../../identity/tokenClaims';
import type { GraphCaller } from './GraphCaller';
import { graphErrors } from '../http/graphErrors';
import type { GraphHttpError } from '../http/GraphHttpError';
import { roleTemplateIds } from '../../model/wellKnownIds';
import { directoryRolesOf } from '../../model/directoryRolesOf';

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;
const publicKeys = new WeakMap<SigningKey, Promise<VerificationKey>>();

/** The sandbox's own token-signing public key (what its JWKS publishes), imported once per key. */
function publicKeyOf(key: SigningKey): Promise<VerificationKey> {
  let imported = publicKeys.get(key);
  if (!imported) {
    imported = importJWK({ kty: 'RSA', n: key.n, e: key.e, alg: 'RS256' }, 'RS256');
    publicKeys.set(key, imported);
  }
  return imported;
}

function stringClaim(claims: JWTPayload, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** `aud` must name Microsoft Graph: its appId (v2, or v1 bare scopes) or one of its servicePrincipalNames (v1). */
function isGraphAudience(rt: SandboxRuntime, tenantId: string, aud: string): boolean {
  if (aud.toLowerCase() === graphAppId) return true;
  return rt.state.directory(tenantId).findServicePrincipalByName(aud)?.appId === graphAppId;
}

/**
 * Validates a Graph bearer token the way Graph does (facts §9.1 InvalidAuthenticationToken): signature with the
 * sandbox signing key, lifetime against the sandbox clock (with skew), issuer of the token's own tenant, and an
 * audience of Microsoft Graph. Messages are the ones Graph sends [OBS].
 */
export async function verifyGraphToken(
  rt: SandboxRuntime,
  authorization: string | undefined,
  clockSkewSeconds: number,
): Promise<{ ok: true; claims: JWTPayload; tenantId: string } | { ok: false; error: GraphHttpError }> {
  const header = authorization?.trim() ?? '';
  if (!header.toLowerCase().startsWith('bearer ') || header.slice(7).trim() === '') {
    return { ok: false, error: graphErrors.invalidToken('Access token is empty.') };
  }
  const token = header.slice(7).trim();
  if (token.split('.').length !== 3) {
    return { ok: false, error: graphErrors.invalidToken('IDX14100: JWT is not well formed, there are no dots (.).') };
  }
  let claims: JWTPayload;
  try {
    const verified = await jwtVerify(token, await publicKeyOf(rt.signer.key), {
      algorithms: ['RS256'],
      currentDate: new Date(rt.clock.now()),
      clockTolerance: clockSkewSeconds,
    });
    claims = verified.payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, error: graphErrors.invalidToken('Lifetime validation failed, the token is expired.') };
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
      return { ok: false, error: graphErrors.invalidToken('Lifetime validation failed, the token is not yet valid.') };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, error: graphErrors.invalidToken('Access token validation failure. Invalid signature.') };
    }
    return { ok: false, error: graphErrors.invalidToken('Access token validation failure.') };
  }
  const tid = stringClaim(claims, 'tid')?.toLowerCase();
  const seed = tid ? rt.state.tenantSeed(tid) : undefined;
  if (!tid || !seed) return { ok: false, error: graphErrors.invalidToken('Access token validation failure. Invalid issuer.') };
  const iss = stringClaim(claims, 'iss');
  if (iss !== v1Issuer(rt.urls.authority, tid) && iss !== v2Issuer(rt.urls.authority, tid)) {
    return { ok: false, error: graphErrors.invalidToken('Access token validation failure. Invalid issuer.') };
  }
  const aud = stringClaim(claims, 'aud');
  if (!aud || !isGraphAudience(rt, tid, aud)) {
    return { ok: false, error: graphErrors.invalidToken('Access token validation failure. Invalid audience.') };
  }
  return { ok: true, claims, tenantId: tid };
}

/** Builds the caller from validated claims. Delegated when `scp` is present (facts §5: scp vs roles). */
export function callerFromClaims(rt: SandboxRuntime, tenantId: string, claims: JWTPayload): GraphCaller {
  const clientAppId = (stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? '').toLowerCase();
  const objectId = (stringClaim(claims, 'oid') ?? '').toLowerCase();
  const scp = stringClaim(claims, 'scp');
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  if (scp === undefined) {
    return {
      kind: 'application',
      tenantId,
      clientAppId,
      objectId,
      scopes: new Set(),
      roles: new Set(roles.map((r) => r.toLowerCase())),
      directoryRoles: [],
      user: null,
    };
  }
  const user = rt.state.directory(tenantId).users.get(objectId) ?? null;
  const wids = Array.isArray(claims.wids) ? claims.wids.filter((w): w is string => typeof w === 'string') : [];
  return {
    kind: 'delegated',
    tenantId,
    clientAppId,
    objectId,
    scopes: new Set(scp.split(' ').filter(Boolean).map((s) => s.toLowerCase())),
    roles: new Set(),
    // Members act with their current directory roles (+ the implicit User role). A GDAP user is not in this
    // directory: only the roles their relationship put in the token's `wids` apply, never home-tenant roles.
    directoryRoles: user ? [...directoryRolesOf(rt.state.directory(tenantId), user).all, roleTemplateIds.user] : wids,
    user,
  };
}
