import type { MountErrorFormatter } from '../http/Mount';
import { toReply } from './PlatformAnswer';
import { platformProblem } from './platformProblem';

const serverErrorCodes = { 500: 'internal_error', 502: 'bad_gateway', 503: 'service_unavailable', 504: 'gateway_timeout' } as const;

/**
 * The platform mount's errors as application/problem+json, so what the fault middleware injects (429, 5xx) and
 * what the router refuses (404, 405) look like every other error of the API.
 */
export function createPlatformErrorFormatter(): MountErrorFormatter {
  return {
    throttled: (_req, retryAfterSeconds) =>
      toReply(
        platformProblem(429, 'too_many_requests', `Too many requests; retry after ${retryAfterSeconds} s.`, {
          headers: { 'retry-after': String(retryAfterSeconds) },
        }),
      ),
    unavailable: (_req, status) => {
      const code = serverErrorCodes[status as keyof typeof serverErrorCodes] ?? 'service_unavailable';
      return toReply(platformProblem(status, code, 'The platform is temporarily unavailable; retry later.'));
    },
    notFound: (req) => toReply(platformProblem(404, 'not_found', `No route for ${req.method} ${req.mountPath}.`)),
    methodNotAllowed: (req, allowed) =>
      toReply(platformProblem(405, 'method_not_allowed', `${req.method} is not allowed here.`, { headers: { allow: allowed.join(', ') } })),
    internalError: (req, error) => {
      console.error(`[sandbox platform] ${req.method} ${req.path}:`, error);
      return toReply(platformProblem(500, 'internal_error', 'The platform failed to answer; see its log.'));
    },
  };
}
