import { ErrorCode } from '../../../shared/error-codes';
import { HttpFailure } from '../consent/http-client';
import { AppError } from '../errors/app-error';
import { graphFailed } from '../graph/graph-errors';
import { graphErrorInfo } from '../graph/ops/graph-error-info';
import { asNetworkError } from '../net/network-unreachable';

export interface Problem {
  code: string;
  message: string;
  fix?: string;
}

/** Why an item (or a whole workspace) could not be checked, with what to do, never a stack trace. */
export function problemOf(error: unknown, doing: string): Problem {
  // No answer at all: the host and the cause code (ECONNREFUSED...), in the words the offline banner uses.
  const network = asNetworkError(error);
  if (network) {
    return { code: network.code, message: `Could not ${doing}: ${network.message}`, ...(network.fix ? { fix: network.fix } : {}) };
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
