import type { MountErrorFormatter } from '../http/Mount';
import { jsonReply, type Reply } from '../http/Reply';
import type { SandboxRequest } from '../http/SandboxRequest';
import type { SandboxClock } from '../clock/SandboxClock';

/** Graph's `date` in innerError: UTC without a zone suffix (facts §9.1), on the sandbox clock. */
function graphDate(clock: SandboxClock): string {
  return new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, '');
}

export function graphError(
  clock: SandboxClock,
  req: SandboxRequest,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  const clientRequestId = req.header('client-request-id') ?? req.requestId;
  return jsonReply(
    status,
    { error: { code, message, innerError: { date: graphDate(clock), 'request-id': req.requestId, 'client-request-id': clientRequestId } } },
    { 'client-request-id': clientRequestId, ...headers },
  );
}

/** Microsoft Graph's error envelope (facts §9.1) and throttling body (facts §9.2). */
export const createGraphErrorFormatter = (clock: SandboxClock): MountErrorFormatter => ({
  throttled: (req, retryAfterSeconds) => {
    const clientRequestId = req.header('client-request-id') ?? req.requestId;
    return jsonReply(
      429,
      {
        error: {
          code: 'TooManyRequests',
          innerError: { code: '429', date: graphDate(clock), message: 'Please retry after', 'request-id': req.requestId, status: '429' },
          message: 'Please retry again later.',
        },
      },
      { 'retry-after': String(retryAfterSeconds), 'client-request-id': clientRequestId },
    );
  },
  unavailable: (req, status) =>
    graphError(clock, req, status, status === 504 ? 'GatewayTimeout' : 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.'),
  notFound: (req) => {
    const segment = req.mountPath.split('/').filter(Boolean).slice(1, 2)[0] ?? '';
    return graphError(clock, req, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  },
  methodNotAllowed: (req) => graphError(clock, req, 405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed for the requested resource.`),
  internalError: (req, error) => {
    console.error(`[sandbox graph] ${req.method} ${req.path}:`, error);
    return graphError(clock, req, 500, 'InternalServerError', 'An internal server error occurred in the sandbox.');
  },
});
