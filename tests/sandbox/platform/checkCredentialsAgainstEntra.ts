import { fetch, type Dispatcher } from 'undici';
import { graphResourceUri } from '../model/wellKnownIds';
import type { TestCheck } from './platformApiTypes';

export interface CredentialCheckInput {
  /** Entra's authority host (the sandbox's identity endpoints in the sandbox). */
  authority: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  dispatcher: Dispatcher;
}

/** A platform would not wait forever on Entra; the sandbox's latency switch can make it slow. */
const timeoutMs = 15_000;

/** Entra's error body: the first line of error_description carries `AADSTSnnnn: text` (facts §10.1). */
function describeFailure(status: number, body: unknown): string {
  const description = (body as { error_description?: unknown } | null)?.error_description;
  if (typeof description === 'string' && description.length > 0) return description.split(/\r?\n/)[0] ?? description;
  const error = (body as { error?: unknown } | null)?.error;
  return `HTTP ${status}${typeof error === 'string' ? ` (${error})` : ''}`;
}

async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }, dispatcher: Dispatcher): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const res = await fetch(url, { ...init, dispatcher, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = null;
    }
    return { status: res.status, body };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { error: `${(error as Error).message}${cause ? `: ${cause}` : ''}` };
  }
}

/**
 * What the platform checks when asked to test its configuration, over HTTPS like any platform calling Entra:
 * the tenant's OpenID configuration (does the tenant exist?) and a client-credentials token for Microsoft Graph
 * (are the client ID and secret right, and is the app in that tenant?). Both always run, so one answer reports both.
 */
export async function checkCredentialsAgainstEntra(input: CredentialCheckInput): Promise<TestCheck[]> {
  const tenantBase = `${input.authority}/${encodeURIComponent(input.tenantId)}`;

  const discoveryUrl = `${tenantBase}/v2.0/.well-known/openid-configuration`;
  const discovery = await call(discoveryUrl, {}, input.dispatcher);
  let discoveryCheck: TestCheck;
  if ('error' in discovery) {
    discoveryCheck = { name: 'discovery', ok: false, message: `Could not reach ${discoveryUrl}: ${discovery.error}` };
  } else if (discovery.status === 200 && typeof (discovery.body as { issuer?: unknown } | null)?.issuer === 'string') {
    discoveryCheck = { name: 'discovery', ok: true, message: `Tenant ${input.tenantId} found; issuer ${(discovery.body as { issuer: string }).issuer}.` };
  } else {
    discoveryCheck = { name: 'discovery', ok: false, message: describeFailure(discovery.status, discovery.body) };
  }

  const tokenUrl = `${tenantBase}/oauth2/v2.0/token`;
  const token = await call(
    tokenUrl,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: input.clientId,
        client_secret: input.clientSecret,
        scope: `${graphResourceUri}/.default`,
      }).toString(),
    },
    input.dispatcher,
  );
  let tokenCheck: TestCheck;
  if ('error' in token) {
    tokenCheck = { name: 'clientCredentials', ok: false, message: `Could not reach ${tokenUrl}: ${token.error}` };
  } else if (token.status === 200 && typeof (token.body as { access_token?: unknown } | null)?.access_token === 'string') {
    // The token itself is not kept or shown: the check only needs to know that Entra issued one.
    const expiresIn = (token.body as { expires_in?: unknown }).expires_in;
    tokenCheck = {
      name: 'clientCredentials',
      ok: true,
      message: `Entra issued an app-only token for ${graphResourceUri}${typeof expiresIn === 'number' ? ` (valid ${expiresIn} s)` : ''}.`,
    };
  } else {
    tokenCheck = { name: 'clientCredentials', ok: false, message: describeFailure(token.status, token.body) };
  }
  return [discoveryCheck, tokenCheck];
}
