import type { CloudProfile } from '../clouds/cloud-profile';
import type { CloudFetch } from '../net/cloud-fetch';
import { waitForReplication } from '../onboarding/wait-for-replication';

/** Entra's refusal of a token request, with its AADSTS number (facts §10.1). */
export class TokenRefused extends Error {
  constructor(
    readonly status: number,
    readonly aadsts: number | undefined,
    readonly description: string,
  ) {
    super(description);
    this.name = 'TokenRefused';
  }
}

/**
 * One client-credentials token request with `secret` (POST /{tenant}/oauth2/v2.0/token, scope
 * {graph}/.default, facts §3): the same request a platform makes, so a token means the platform's
 * sign-in will work with this secret. Resolves when Entra issues a token, rejects with TokenRefused.
 */
export async function requestClientCredentialsToken(
  fetchFn: CloudFetch,
  cloud: Pick<CloudProfile, 'authorityHost' | 'graphResource'>,
  o: { tenantId: string; clientId: string; secret: string },
): Promise<void> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.secret, scope: `${cloud.graphResource}/.default` });
  const response = await fetchFn(`${cloud.authorityHost}/${o.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  const json = (await response.json().catch(() => ({}))) as { access_token?: string; error_codes?: number[]; error_description?: string; error?: string };
  if (response.ok && json.access_token) return;
  throw new TokenRefused(response.status, json.error_codes?.[0], (json.error_description ?? json.error ?? `HTTP ${response.status}`).split(/\r?\n/)[0]!);
}

/**
 * Waits until Entra accepts a secret created moments ago: a new secret is refused with AADSTS7000215 until it
 * has replicated (facts §10.2; CIPP retries exactly this), and 700016 is replication of the app itself
 * (facts §4.2). Any other refusal (7000222 expired, a wrong tenant) is final and passes straight through.
 */
export async function waitUntilSecretWorks(
  fetchFn: CloudFetch,
  cloud: Pick<CloudProfile, 'authorityHost' | 'graphResource'>,
  o: { tenantId: string; clientId: string; secret: string; maxMs?: number; onWait(ms: number): void },
): Promise<void> {
  await waitForReplication(() => requestClientCredentialsToken(fetchFn, cloud, o), {
    isTransient: (e) => e instanceof TokenRefused && (e.aadsts === 7000215 || e.aadsts === 700016),
    onWait: o.onWait,
    ...(o.maxMs ? { maxMs: o.maxMs } : {}),
  });
}
