import { randomGuid } from '../util/randomToken';
import { jsonReply, type Reply } from '../http/Reply';

/** One AADSTS error: the OAuth `error` value, the AADSTS number and its text (facts §10). */
export interface AadstsError {
  error: string;
  code: number;
  message: string;
  /** HTTP status when returned from the token endpoint (400 unless Microsoft uses another, e.g. 401 invalid_client). */
  status?: number;
  suberror?: string;
  claims?: string;
}

export interface AadErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
  claims?: string;
}

/** Entra's timestamp format in error bodies: `2016-01-09 02:02:12Z`. */
export function aadTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Token-endpoint error JSON exactly as facts §10.1 shows it: the description carries the AADSTS code, then
 * `\r\nTrace ID`, `\r\nCorrelation ID`, `\r\nTimestamp` lines.
 */
export function aadErrorBody(
  e: AadstsError,
  context: { nowMs: number; correlationId?: string; authority: string },
): AadErrorBody {
  const traceId = randomGuid();
  const correlationId = context.correlationId ?? randomGuid();
  const timestamp = aadTimestamp(context.nowMs);
  const body: AadErrorBody = {
    error: e.error,
    error_description: `AADSTS${e.code}: ${e.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [e.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${context.authority}/error?code=${e.code}`,
  };
  if (e.suberror) body.suberror = e.suberror;
  if (e.claims) body.claims = e.claims;
  return body;
}

export function aadErrorReply(
  e: AadstsError,
  context: { nowMs: number; correlationId?: string; authority: string },
  headers: Record<string, string> = {},
): Reply {
  return jsonReply(e.status ?? 400, aadErrorBody(e, context), headers);
}
