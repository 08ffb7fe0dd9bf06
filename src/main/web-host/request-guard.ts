import { timingSafeEqual } from 'node:crypto';

/**
 * The session cookie's name carries our port. Browsers keep cookies per host, not per port
 * (RFC 6265 §8.5), so every service on 127.0.0.1 shares one cookie jar: with a fixed name, another
 * web host (or any local service) could overwrite our cookie, and ours would be read under a name
 * another program also answers to. The port in the name keeps each host's cookie its own; the host
 * reads only the cookie named for its port. (The cookie still travels to other ports on 127.0.0.1,
 * as every 127.0.0.1 cookie does; README "Security" says so.)
 */
export function sessionCookieName(port: number): string {
  return `eo_session_${port}`;
}

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
  const presented = input.queryToken ?? cookieValue(input.cookie, sessionCookieName(port));
  if (!presented || !sameSecret(presented, token)) {
    return {
      ok: false,
      status: 401,
      reason: 'Open the link printed on the WEB_READY line when the web host started: it carries the access token.',
    };
  }
  return { ok: true };
}
