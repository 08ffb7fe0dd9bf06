import type { Application } from '../model/directoryTypes';

export type RedirectPlatform = 'web' | 'spa' | 'publicClient';

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
}

/**
 * Entra's redirect matching (facts §2): exact match, except loopback where the port is ignored, so a registered
 * `http://localhost` accepts `http://localhost:53100` and `http://127.0.0.1:53100`. A URI without a path equals
 * the same URI with `/`. Paths are case-sensitive.
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  let r: URL;
  let q: URL;
  try {
    r = new URL(registered);
    q = new URL(requested);
  } catch {
    return false;
  }
  if (isLoopbackHttp(r) && isLoopbackHttp(q)) {
    return r.pathname === q.pathname && r.search === q.search;
  }
  return r.protocol === q.protocol && r.host === q.host && r.pathname === q.pathname && r.search === q.search;
}

/** Which platform of the app registered this redirect URI, or null for AADSTS50011. */
export function findRedirectPlatform(app: Application, requested: string): RedirectPlatform | null {
  if (app.publicClient.redirectUris.some((r) => redirectUriMatches(r, requested))) return 'publicClient';
  if (app.web.redirectUris.some((r) => redirectUriMatches(r, requested))) return 'web';
  if (app.spa.redirectUris.some((r) => redirectUriMatches(r, requested))) return 'spa';
  return null;
}
