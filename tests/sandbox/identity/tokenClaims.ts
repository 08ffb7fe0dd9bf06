import { createHash } from 'node:crypto';
import { randomGuid, randomToken } from '../util/randomToken';

/** Entra's `sub` is pairwise: stable per (user, app) and different across apps. */
export function pairwiseSubject(objectId: string, appId: string): string {
  return createHash('sha256').update(`${objectId}|${appId}`).digest('base64url').slice(0, 43);
}

/** `client_info` MSAL reads to build the home account id (`uid.utid`). */
export function clientInfo(homeUserId: string, homeTenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: homeUserId, utid: homeTenantId })).toString('base64url');
}

/** The opaque bookkeeping claims every Entra token carries; values are meaningless but present. */
export function opaqueClaims(): { aio: string; rh: string; uti: string } {
  return { aio: randomToken(48), rh: `0.${randomToken(40)}.`, uti: randomToken(16) };
}

export function sessionIdClaim(): string {
  return randomGuid();
}

/** v1 issuer (sts.windows.net style) on the sandbox host: `{authority}/{tid}/`. */
export function v1Issuer(authority: string, tenantId: string): string {
  return `${authority}/${tenantId}/`;
}

/** v2 issuer: `{authority}/{tid}/v2.0` (facts §11.1). */
export function v2Issuer(authority: string, tenantId: string): string {
  return `${authority}/${tenantId}/v2.0`;
}
