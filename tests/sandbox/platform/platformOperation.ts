import type { Handler } from '../http/Router';
import type { SandboxRequest } from '../http/SandboxRequest';
import type { PlatformBackend } from './PlatformBackend';
import { platformBearerToken } from './platformBearerToken';
import { toReply, type PlatformAnswer } from './PlatformAnswer';
import type { PlatformOrganisation } from './PlatformOrganisation';
import { platformProblem } from './platformProblem';

export type PlatformHandler = (req: SandboxRequest, org: PlatformOrganisation) => Promise<PlatformAnswer> | PlatformAnswer;

/**
 * One operation of docs/platform-api.yaml: authenticates the organisation by its token (401 otherwise), runs the
 * handler, and checks the answer against the document before it leaves. An answer that breaks the document is a
 * backend bug: it is logged, recorded in `contractViolations` and replaced by a 500, never sent.
 */
export function platformOperation(backend: PlatformBackend, operationId: string, handler: PlatformHandler): Handler {
  return async (req) => {
    const token = platformBearerToken(req);
    const org = token ? backend.organisationForToken(token) : null;
    backend.store(); // a reset since the last request empties `received` before this one is added
    backend.received.push({ operationId, orgKey: org?.key ?? null, idempotencyKey: req.header('idempotency-key') ?? null, ifMatch: req.header('if-match') ?? null });
    const answer = org
      ? await handler(req, org)
      : platformProblem(401, 'unauthorized', token ? 'The bearer token is not one this platform issued.' : 'An Authorization: Bearer <platform API token> header is required.', {
          headers: { 'www-authenticate': token ? 'Bearer realm="platform", error="invalid_token"' : 'Bearer realm="platform"' },
        });
    const check = backend.validator.validateResponse(operationId, answer.status, answer.body, answer.contentType);
    if (check.ok) return toReply(answer);
    backend.contractViolations.push({ operationId, status: answer.status, errors: check.errors });
    console.error(`[sandbox platform] ${operationId} answered ${answer.status} against docs/platform-api.yaml:`, JSON.stringify(check.errors));
    return toReply(platformProblem(500, 'internal_error', 'The platform produced an answer its API document does not allow; see its log.'));
  };
}
