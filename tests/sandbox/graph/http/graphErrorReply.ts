import { jsonReply, type Reply } from '../../http/Reply';
import type { SandboxRequest } from '../../http/SandboxRequest';
import type { GraphHttpError } from './GraphHttpError';
import { graphResponseHeaders } from './graphResponseHeaders';

/** Graph's innerError `date`: UTC, seconds precision, no zone suffix (facts §9.1), in sandbox time. */
export function graphDate(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, '');
}

/** The OData error envelope with innerError {date, request-id, client-request-id} (facts §9.1). */
export function graphErrorReply(req: SandboxRequest, nowMs: number, error: GraphHttpError): Reply {
  const headers = graphResponseHeaders(req);
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.extra.target !== undefined) body.target = error.extra.target;
  if (error.extra.details) body.details = error.extra.details;
  body.innerError = { date: graphDate(nowMs), 'request-id': req.requestId, 'client-request-id': headers['client-request-id'] };
  const extraHeaders: Record<string, string> = { ...headers, ...(error.extra.headers ?? {}) };
  if (error.status === 401) {
    // Graph challenges like every Entra-protected API; clients read the authorization_uri from it.
    extraHeaders['www-authenticate'] =
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
  }
  return jsonReply(error.status, { error: body }, extraHeaders);
}
