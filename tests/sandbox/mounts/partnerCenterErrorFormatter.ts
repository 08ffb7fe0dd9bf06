import type { MountErrorFormatter } from '../http/Mount';
import { jsonReply, type Reply } from '../http/Reply';

/** Partner Center's error body: {code, description, data, source} (facts §7.3). */
export function partnerCenterError(status: number, code: string, description: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { code, description, data: [], source: 'PartnerFD' }, headers);
}

export const partnerCenterErrorFormatter: MountErrorFormatter = {
  throttled: (_req, retryAfterSeconds) =>
    partnerCenterError(429, '429', 'Rate limit is exceeded. Try again later.', { 'retry-after': String(retryAfterSeconds) }),
  unavailable: (_req, status) => partnerCenterError(status, String(status), 'The service is temporarily unavailable.'),
  notFound: (req) => partnerCenterError(404, '404', `No route for ${req.method} ${req.mountPath}.`),
  methodNotAllowed: (req) => partnerCenterError(405, '405', `Method ${req.method} is not allowed.`),
  internalError: (req, error) => {
    console.error(`[sandbox partner center] ${req.method} ${req.path}:`, error);
    return partnerCenterError(500, '500', 'An internal error occurred in the sandbox.');
  },
};
