import type { MountErrorFormatter } from '../http/Mount';
import { jsonReply } from '../http/Reply';

/** Plain `{error:{code,message}}` errors for the platform backend and the control API. */
export function jsonErrorFormatter(label: string): MountErrorFormatter {
  const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    jsonReply(status, { error: { code, message } }, headers);
  return {
    throttled: (_req, retryAfterSeconds) => error(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': String(retryAfterSeconds) }),
    unavailable: (_req, status) => error(status, 'ServiceUnavailable', 'The service is temporarily unavailable.'),
    notFound: (req) => error(404, 'NotFound', `No route for ${req.method} ${req.mountPath}.`),
    methodNotAllowed: (req, allowed) => error(405, 'MethodNotAllowed', `${req.method} is not allowed here.`, { allow: allowed.join(', ') }),
    internalError: (req, e) => {
      console.error(`[sandbox ${label}] ${req.method} ${req.path}:`, e);
      return error(500, 'InternalError', e instanceof Error ? e.message : String(e));
    },
  };
}
