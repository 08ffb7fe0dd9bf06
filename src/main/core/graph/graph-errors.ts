import { ErrorCode } from '../../../shared/error-codes';
import { diagnose } from '../diagnostics/diagnose';
import { AppError } from '../errors/app-error';
import { asNetworkError } from '../net/network-unreachable';

/** A failed Graph call as an AppError with cause, fix and the request ID Microsoft support asks for. */
export function graphFailed(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  const network = asNetworkError(error);
  if (network) return network;
  const d = diagnose(error);
  return new AppError(ErrorCode.GraphFailed, `Could not ${doing}: ${d.cause}`, {
    fix: d.fix,
    cause: error,
    details: {
      ...(d.code ? { microsoftCode: d.code } : {}),
      ...(d.requestId ? { requestId: d.requestId } : {}),
      ...(d.correlationId ? { correlationId: d.correlationId } : {}),
      ...(d.microsoftMessage ? { microsoftMessage: d.microsoftMessage } : {}),
    },
  });
}
