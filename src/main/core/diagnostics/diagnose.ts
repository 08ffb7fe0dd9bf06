import { networkFailureOf, type NetworkFailure } from '../net/network-failure';
import { explainNetworkFailure } from '../net/network-unreachable';
import { aadstsErrors, graphErrors, type KnownError } from './known-errors';

/** Everything an admin (or Microsoft support) needs to understand one failure from Microsoft. */
export interface Diagnosis {
  cause: string;
  fix: string;
  /** "AADSTS65001" or a Graph code such as "Authorization_RequestDenied". */
  code: string | undefined;
  correlationId: string | undefined;
  requestId: string | undefined;
  /** Microsoft's own words, first line only (no trace IDs or timestamps). */
  microsoftMessage: string | undefined;
  /** Set when no answer came at all (network, DNS, VPN, TLS): the host and the cause code. */
  network?: NetworkFailure;
}

const fallback: KnownError = {
  cause: 'Microsoft returned an error the app does not recognise.',
  fix: 'Try again. If it keeps happening, quote the correlation ID to Microsoft support.',
};

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The AADSTS number from an MSAL error (errorNo, error_codes) or from any message that carries one. */
export function aadstsCodeOf(error: unknown): number | undefined {
  const errorNo = field(error, 'errorNo');
  if (typeof errorNo === 'string' && /^\d+$/.test(errorNo)) return Number(errorNo);
  const codes = field(error, 'error_codes');
  if (Array.isArray(codes) && typeof codes[0] === 'number') return codes[0];
  const text = [field(error, 'errorMessage'), field(error, 'error_description'), field(error, 'message')]
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
  const match = /AADSTS(\d{5,7})/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function firstLine(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.split(/\r?\n/)[0]?.replace(/^AADSTS\d+:\s*/, '').trim() || undefined;
}

/**
 * Codes that are JavaScript's own error classes, not Microsoft's: the Graph client copies `error.name`
 * into GraphError.code when no answer came (GraphErrorHandler.constructError), which once made
 * "TypeError" the reference an admin was told to quote to Microsoft support.
 */
const JS_ERROR_NAMES = /^(Error|TypeError|RangeError|SyntaxError|ReferenceError|AbortError|TimeoutError|DOMException|NetworkUnreachable|AggregateError)$/;

function networkDiagnosis(network: NetworkFailure): Diagnosis {
  return {
    ...explainNetworkFailure(network),
    code: undefined,
    correlationId: undefined,
    requestId: undefined,
    microsoftMessage: undefined,
    network,
  };
}

/**
 * Turns an error from MSAL (AuthError/ServerError), a token endpoint body, or a Graph error (the
 * client library's GraphError or the raw `{error: {code, innerError}}` body) into cause and fix.
 */
export function diagnose(error: unknown): Diagnosis {
  // No answer at all: nothing Microsoft said, so nothing of Microsoft's to quote.
  const network = networkFailureOf(error);
  if (network) return networkDiagnosis(network);
  const aadsts = aadstsCodeOf(error);
  if (aadsts !== undefined) {
    const known = aadstsErrors[aadsts] ?? fallback;
    return {
      ...known,
      code: `AADSTS${aadsts}`,
      correlationId: str(field(error, 'correlationId')) ?? str(field(error, 'correlation_id')),
      requestId: str(field(error, 'traceId')) ?? str(field(error, 'trace_id')),
      microsoftMessage: firstLine(str(field(error, 'errorMessage')) ?? str(field(error, 'error_description'))),
    };
  }
  // Graph: the SDK's GraphError has code/requestId/body; a raw body nests under `error`.
  const body = field(error, 'error') ?? error;
  const rawCode = str(field(body, 'code'));
  const graphCode = rawCode && !JS_ERROR_NAMES.test(rawCode) ? rawCode : undefined;
  if (graphCode) {
    const inner = field(body, 'innerError') ?? field(body, 'innererror');
    return {
      ...(graphErrors[graphCode] ?? fallback),
      code: graphCode,
      correlationId: str(field(inner, 'client-request-id')) ?? str(field(error, 'clientRequestId')),
      requestId: str(field(inner, 'request-id')) ?? str(field(error, 'requestId')),
      microsoftMessage: firstLine(str(field(body, 'message'))),
    };
  }
  return {
    ...fallback,
    code: undefined,
    correlationId: str(field(error, 'correlationId')),
    requestId: undefined,
    microsoftMessage: error instanceof Error ? firstLine(error.message) : undefined,
  };
}
