import { errors, jwtVerify, type JWTPayload } from 'jose';
import type { SandboxRuntime } from '../../SandboxRuntime';
import { v1Issuer, v2Issuer } from '../../identity/tokenClaims';
import { partnerCenterAppId } from '../../model/wellKnownIds';
import { pcErrors } from '../http/pcErrors';
import type { PartnerCenterFailure } from '../http/PartnerCenterFailure';
import type { PartnerCenterCaller } from './PartnerCenterCaller';
import { signingPublicKey } from './signingPublicKey';

function stringClaim(claims: JWTPayload, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * `aud` must name Partner Center: its appId (v2 tokens, or v1 for bare scopes) or one of its servicePrincipalNames
 * such as https://api.partnercenter.microsoft.com (v1, facts §8.1), which is what the identity code puts there.
 */
function isPartnerCenterAudience(rt: SandboxRuntime, tenantId: string, aud: string): boolean {
  if (aud.toLowerCase() === partnerCenterAppId) return true;
  return rt.state.directory(tenantId).findServicePrincipalByName(aud)?.appId === partnerCenterAppId;
}

/**
 * Validates a Partner Center bearer token the way the Graph validator does (verifyGraphToken): signature with the
 * sandbox key, lifetime on the sandbox clock with skew, issuer of the token's own tenant, then a Partner Center
 * audience. A token for a tenant that is not a partner is refused after validation (it is a good token, for the
 * wrong caller). Descriptions are [UNVERIFIED].
 */
export async function verifyPartnerCenterToken(
  rt: SandboxRuntime,
  authorization: string | undefined,
  clockSkewSeconds: number,
  appUserMfa: 'enforced' | 'off' = 'enforced',
): Promise<{ ok: true; caller: PartnerCenterCaller } | { ok: false; error: PartnerCenterFailure }> {
  const header = authorization?.trim() ?? '';
  if (!header.toLowerCase().startsWith('bearer ') || header.slice(7).trim() === '') {
    return { ok: false, error: pcErrors.unauthorized('Authorization header is missing or is not a Bearer token.') };
  }
  let claims: JWTPayload;
  try {
    const verified = await jwtVerify(header.slice(7).trim(), await signingPublicKey(rt.signer.key), {
      algorithms: ['RS256'],
      currentDate: new Date(rt.clock.now()),
      clockTolerance: clockSkewSeconds,
    });
    claims = verified.payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, error: pcErrors.unauthorized('The access token has expired.') };
    return { ok: false, error: pcErrors.unauthorized('The access token is invalid.') };
  }
  const tid = stringClaim(claims, 'tid')?.toLowerCase();
  const seed = tid ? rt.state.tenantSeed(tid) : undefined;
  const iss = stringClaim(claims, 'iss');
  if (!tid || !seed || (iss !== v1Issuer(rt.urls.authority, tid) && iss !== v2Issuer(rt.urls.authority, tid))) {
    return { ok: false, error: pcErrors.unauthorized('The access token has an invalid issuer.') };
  }
  const aud = stringClaim(claims, 'aud');
  if (!aud || !isPartnerCenterAudience(rt, tid, aud)) {
    return { ok: false, error: pcErrors.unauthorized('The access token has an invalid audience.') };
  }
  if (seed.kind !== 'partner') return { ok: false, error: pcErrors.notAPartner(tid) };
  const scp = stringClaim(claims, 'scp');
  const oid = stringClaim(claims, 'oid')?.toLowerCase() ?? null;
  // PartnerCenterSettings.appUserMfa: App+User tokens must show MFA in `amr` (sources there).
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  if (scp !== undefined && appUserMfa === 'enforced' && !amr.includes('mfa')) return { ok: false, error: pcErrors.mfaRequired() };
  return {
    ok: true,
    caller: {
      kind: scp === undefined ? 'application' : 'delegated',
      tenantId: tid,
      appId: (stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? '').toLowerCase(),
      userId: scp === undefined ? null : oid,
      scopes: new Set((scp ?? '').split(' ').filter(Boolean).map((s) => s.toLowerCase())),
    },
  };
}
