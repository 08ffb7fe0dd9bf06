/**
 * Redirect URI rules of the Microsoft identity platform (microsoft-identity-facts.md §2), checked
 * before anything is sent to Graph so the admin sees which line is wrong and why.
 */
export type RedirectPlatform = 'web' | 'spa' | 'publicClient';

export const REDIRECT_URI_MAX_LENGTH = 256;
/** Per app registration, work and school audiences (facts §2); we count across platforms. */
export const REDIRECT_URIS_MAX = 256;

const unsupportedCharacters = /[!$'(),;]/;

/** Why a redirect URI would be refused, or undefined when it is acceptable. */
export function redirectUriProblem(uri: string, platform: RedirectPlatform): string | undefined {
  if (uri.length > REDIRECT_URI_MAX_LENGTH) return `Too long: ${uri.length} characters (at most ${REDIRECT_URI_MAX_LENGTH}).`;
  if (/^urn:/i.test(uri)) {
    return platform === 'web' ? undefined : 'URNs are accepted only for Web redirect URIs.';
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'Not a URL. A redirect URI looks like https://app.example.com/callback.';
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !loopback) return 'Must start with https:// (http:// is allowed only for localhost).';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Must start with https://.';
  if (url.hostname === '[::1]') return 'IPv6 loopback ([::1]) is not supported; use 127.0.0.1 or localhost.';
  if (url.hostname.includes('*')) return 'Wildcards are not allowed here; list each address.';
  if (url.hash) return 'A redirect URI cannot contain a # fragment.';
  if (url.username || url.password) return 'A redirect URI cannot contain a user name or password.';
  if (unsupportedCharacters.test(decodeURI(uri))) return "Contains a character Microsoft does not accept: ! $ ' ( ) , ;";
  return undefined;
}

/**
 * Compares as Entra does: exactly (paths are case-sensitive), except that a URI without a path
 * equals the same URI with "/" as its path.
 */
export function sameRedirectUri(a: string, b: string): boolean {
  return normalizeRedirectUri(a) === normalizeRedirectUri(b);
}

export function normalizeRedirectUri(uri: string): string {
  // "https://host" and "https://host?x" mean "https://host/" and "https://host/?x".
  return uri.replace(/^(https?:\/\/[^/?#]+)(?=$|\?)/i, '$1/');
}

export interface RedirectBlockLine {
  line: number;
  text: string;
  problem: string | undefined;
}

export interface ParsedRedirectBlock {
  /** Valid URIs in the order pasted, duplicates removed. */
  uris: string[];
  /** Every non-empty line with its problem, if any. */
  lines: RedirectBlockLine[];
  problems: RedirectBlockLine[];
}

/**
 * A block of redirect URIs pasted at once (one per line, as the bvoip portal lists them), checked
 * line by line. Surrounding quotes, list commas and bullets from copying are tolerated.
 */
export function parseRedirectUriBlock(text: string, platform: RedirectPlatform): ParsedRedirectBlock {
  const lines: RedirectBlockLine[] = [];
  const uris: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const cleaned = raw
      .trim()
      .replace(/^[-*•]\s+/, '')
      .replace(/,$/, '')
      .replace(/^["'`]|["'`]$/g, '')
      .trim();
    if (!cleaned) return;
    const problem = redirectUriProblem(cleaned, platform);
    lines.push({ line: index + 1, text: cleaned, problem });
    // A repeated URI is harmless: kept once.
    if (!problem && !uris.some((u) => sameRedirectUri(u, cleaned))) uris.push(cleaned);
  });
  const problems = lines.filter((l) => l.problem !== undefined);
  if (uris.length > REDIRECT_URIS_MAX) {
    problems.push({ line: 0, text: '', problem: `At most ${REDIRECT_URIS_MAX} redirect URIs per app registration; this has ${uris.length}.` });
  }
  return { uris, lines, problems };
}
