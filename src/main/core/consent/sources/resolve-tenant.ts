import type { HttpClient } from '../http-client';
import { HttpFailure } from '../http-client';

export type Resolution = { ok: true; tenantId: string } | { ok: false; reason: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A domain or tenant ID to the tenant's ID, through OpenID discovery with no sign-in (facts §7.5):
 * GET {authority}/{domain}/v2.0/.well-known/openid-configuration; the issuer carries the tenant GUID.
 * An unknown domain is HTTP 400 with AADSTS90002, which is how a typo is caught here.
 */
export async function resolveTenant(http: HttpClient, authorityHost: string, domainOrId: string, signal?: AbortSignal): Promise<Resolution> {
  const key = domainOrId.trim().toLowerCase();
  try {
    const { body } = await http.json<{ issuer?: string; token_endpoint?: string }>(
      `${authorityHost}/${encodeURIComponent(key)}/v2.0/.well-known/openid-configuration`,
      signal ? { signal } : {},
    );
    const match = /\/([0-9a-f-]{36})\//i.exec(body.issuer ?? body.token_endpoint ?? '');
    if (!match?.[1] || !GUID.test(match[1])) return { ok: false, reason: 'Microsoft’s answer named no tenant.' };
    return { ok: true, tenantId: match[1].toLowerCase() };
  } catch (error) {
    if (error instanceof HttpFailure && (error.status === 400 || error.status === 404)) {
      return {
        ok: false,
        reason: GUID.test(key)
          ? 'No Microsoft Entra tenant has this ID (AADSTS90002).'
          : 'No Microsoft Entra tenant uses this domain (AADSTS90002): check the spelling, or use the tenant ID.',
      };
    }
    throw error;
  }
}
