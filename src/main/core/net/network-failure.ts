/**
 * A request that never got an answer: the network, DNS, a firewall, a VPN or TLS stood in the way.
 * Node's fetch (undici) rejects with `TypeError: fetch failed` and puts the system error on `cause`
 * (nodejs/undici#1248: "fetch failed" is the message for every network error; the reason is the
 * cause's `code`, e.g. ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT). The class name says nothing
 * to an admin or to Microsoft support, so the cause code and the host are what we keep.
 */
export interface NetworkFailure {
  /** host[:port] the request was for, when known. */
  host: string | undefined;
  /** The system or undici code: ECONNREFUSED, ENOTFOUND, ETIMEDOUT, CERT_HAS_EXPIRED... */
  code: string;
  /** False when the host is known not to be Microsoft's (a platform's API); undefined when unknown. */
  microsoft?: boolean;
}

/** Thrown by the connectivity-observed fetch in place of undici's bare TypeError. */
export class NetworkUnreachableError extends Error {
  constructor(
    readonly host: string | undefined,
    readonly networkCode: string,
    /** One of the cloud's own hosts (sign-in, Graph, Partner Center), not a platform's. */
    readonly microsoft: boolean,
    cause?: unknown,
  ) {
    super(`Can't reach ${host ?? 'the server'} (${networkCode})`, { cause });
    this.name = 'NetworkUnreachable';
  }
}

// Node's system errors for "no connection" (nodejs.org/api/errors.html#common-system-errors) and
// undici's own (undici/lib/core/errors.js: ConnectTimeoutError, SocketError, HeadersTimeoutError...).
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
// OpenSSL's certificate verification codes as Node reports them (nodejs.org/api/tls.html#x509-certificate-error-codes).
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

export function isTlsCode(code: string): boolean {
  return TLS_CODE.test(code);
}

function rec(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function hostOf(e: Record<string, unknown>): string | undefined {
  if (typeof e['hostname'] === 'string') return e['hostname'];
  if (typeof e['host'] === 'string') return e['host'];
  // ECONNREFUSED names the address tried, not the name asked for.
  if (typeof e['address'] === 'string' && typeof e['port'] === 'number') return `${e['address']}:${e['port']}`;
  return undefined;
}

/**
 * The network failure inside an error, however it was wrapped: our NetworkUnreachableError, undici's
 * TypeError with its cause (an AggregateError when several addresses were tried), an AbortSignal
 * timeout, the Graph client's GraphClientError (`customError`) or an MSAL AuthError we built with a cause.
 * Undefined when the error is anything else (an answer from Microsoft, a bug).
 */
export function networkFailureOf(error: unknown, depth = 0): NetworkFailure | undefined {
  if (depth > 6) return undefined;
  if (error instanceof NetworkUnreachableError) return { host: error.host, code: error.networkCode, microsoft: error.microsoft };
  const e = rec(error);
  if (!e) return undefined;
  const code = typeof e['code'] === 'string' ? e['code'] : undefined;
  if (code && (NETWORK_CODES.has(code) || TLS_CODE.test(code))) return { host: hostOf(e), code };
  // AbortSignal.timeout(): a DOMException named TimeoutError (MSAL's GET timeouts use it).
  if (e['name'] === 'TimeoutError') return { host: undefined, code: 'ETIMEDOUT' };
  for (const inner of [e['cause'], e['customError'], e['networkCause']]) {
    const found = networkFailureOf(inner, depth + 1);
    if (found) return found;
  }
  if (Array.isArray(e['errors'])) {
    for (const inner of e['errors']) {
      const found = networkFailureOf(inner, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** What the code means, in words an admin can act on. */
export function describeNetworkCode(code: string): string {
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') return 'the name could not be looked up (DNS)';
  if (code === 'ETIMEDOUT' || code.endsWith('_TIMEOUT')) return 'the connection timed out';
  if (code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED')
    return 'the connection was dropped';
  if (code.startsWith('EHOST') || code.startsWith('ENET')) return 'there is no network route to it';
  if (TLS_CODE.test(code)) return 'the secure (TLS) connection was refused because its certificate could not be trusted';
  return 'the request got no answer';
}
