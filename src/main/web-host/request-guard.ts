import { timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'eo_session';

export interface GuardInput {
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  /** `?token=` on the first page load, from the WEB_READY link. */
  queryToken: string | null;
  /** WebSocket upgrades must come from our page, so they must carry an Origin. */
  requireOrigin: boolean;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403 | 421; reason: string };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * The web host's three locks. Host: only our own loopback names, which defeats DNS rebinding.
 * Origin: only our own page may call us, which defeats cross-site requests (there is no CORS).
 * Token: only someone who saw the WEB_READY line may call us at all.
 */
export function checkRequest(input: GuardInput, port: number, token: string): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!input.host || !allowedHosts.includes(input.host.toLowerCase())) {
    return { ok: false, status: 421, reason: 'This host only answers on 127.0.0.1 and localhost.' };
  }
  if (input.origin !== undefined || input.requireOrigin) {
    const allowedOrigins = allowedHosts.map((h) => `http://${h}`);
    if (!input.origin || !allowedOrigins.includes(input.origin.toLowerCase())) {
      return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
    }
  }
  const presented = input.queryToken ?? cookieValue(input.cookie, SESSION_COOKIE);
  if (!presented || !sameSecret(presented, token)) {
    return {
      ok: false,
      status: 401,
      reason: 'Open the link printed on the WEB_READY line when the web host started: it carries the access token.',
    };
  }
  return { ok: true };
}
