import type { SandboxRuntime } from '../../SandboxRuntime';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { secretMatches } from '../../model/hashSecret';
import type { Application } from '../../model/directoryTypes';
import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';

function presentedSecret(req: SandboxRequest, form: URLSearchParams): string | undefined {
  const posted = form.get('client_secret');
  if (posted) return posted;
  const auth = req.header('authorization') ?? '';
  if (auth.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const index = decoded.indexOf(':');
    if (index >= 0) return decodeURIComponent(decoded.slice(index + 1));
  }
  return undefined;
}

/**
 * Client secret check (facts §10.2): wrong secret 7000215, expired 7000222, and a secret that is not valid yet
 * (startDateTime in the future) or not replicated yet is simply unknown to Entra, so 7000215 as well.
 */
export function authenticateClient(
  rt: SandboxRuntime,
  req: SandboxRequest,
  form: URLSearchParams,
  app: Application,
  requirement: 'required' | 'optional',
): { ok: true; confidential: boolean } | { ok: false; error: AadstsError } {
  const secret = presentedSecret(req, form);
  if (!secret) {
    return requirement === 'required' ? { ok: false, error: aadsts.missingClientCredential() } : { ok: true, confidential: false };
  }
  const now = rt.clock.now();
  const matching = app.passwordCredentials.filter((c) => secretMatches(secret, c.sandbox.secretHash));
  if (matching.length === 0) return { ok: false, error: aadsts.invalidClientSecret(app.appId) };
  const usable = matching.filter((c) => Date.parse(c.startDateTime) <= now && now - c.sandbox.createdAtMs >= rt.settings.replication.secretDelayMs);
  if (usable.length === 0) return { ok: false, error: aadsts.invalidClientSecret(app.appId) };
  if (usable.every((c) => Date.parse(c.endDateTime) <= now)) return { ok: false, error: aadsts.expiredClientSecret(app.appId) };
  return { ok: true, confidential: true };
}
