import { ErrorCode } from '../../../shared/error-codes';
import { HttpFailure } from '../consent/http-client';
import { AppError } from '../errors/app-error';
import { graphFailed } from '../graph/graph-errors';
import { graphErrorInfo } from '../graph/ops/graph-error-info';

export interface Problem {
  code: string;
  message: string;
  fix?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A fetch that never got an answer: Node's undici throws TypeError("fetch failed") with the socket error as cause. */
function isUnreachable(error: unknown): boolean {
  // The Graph client wraps a request that got no HTTP answer as GraphError with statusCode -1 and the
  // thrown error's name as its code (@microsoft/microsoft-graph-client src/GraphErrorHandler.ts, getError).
  const graph = error as { statusCode?: unknown; code?: unknown };
  if (graph?.statusCode === -1 && (graph.code === 'TypeError' || (typeof graph.code === 'string' && NETWORK_CODES.has(graph.code)))) return true;
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

/** Why an item (or a whole workspace) could not be checked, with what to do, never a stack trace. */
export function problemOf(error: unknown, doing: string): Problem {
  if (isUnreachable(error)) {
    return {
      code: ErrorCode.GraphFailed,
      message: `Could not ${doing}: Microsoft (or the platform) could not be reached.`,
      fix: 'Check the network connection or VPN, then check again.',
    };
  }
  if (error instanceof AppError) {
    const { code, message, fix } = error.toShape();
    return { code, message, ...(fix ? { fix } : {}) };
  }
  const status = error instanceof HttpFailure ? error.status : graphErrorInfo(error).status;
  if (status === 403) {
    // Graph's Authorization_RequestDenied: the token lacks the permission or the account the role.
    return {
      code: ErrorCode.GraphFailed,
      message: `Could not ${doing}: your account is not allowed to read it (${error instanceof HttpFailure ? error.detail : graphErrorInfo(error).message}).`,
      fix: 'Sign in with an account that has the Cloud Application Administrator or Global Reader role (or higher) in that tenant, then check again.',
    };
  }
  if (error instanceof HttpFailure) {
    return { code: ErrorCode.GraphFailed, message: `Could not ${doing}: ${error.detail}`, fix: 'Check again; if it keeps failing, the message above is what Microsoft said.' };
  }
  const shaped = graphFailed(error, doing);
  return { code: shaped.code, message: shaped.message, ...(shaped.fix ? { fix: shaped.fix } : {}) };
}
