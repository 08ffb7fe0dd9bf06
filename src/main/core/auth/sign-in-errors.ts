import { ErrorCode } from '../../../shared/error-codes';
import { diagnose } from '../diagnostics/diagnose';
import { AppError } from '../errors/app-error';

export function signInCancelled(): AppError {
  return new AppError(ErrorCode.SignInCancelled, 'Sign-in was cancelled.', {
    fix: 'Sign in again when you are ready.',
  });
}

export function signInTimedOut(minutes: number): AppError {
  return new AppError(ErrorCode.SignInTimedOut, `Sign-in was left open for more than ${minutes} minutes and has stopped.`, {
    fix: 'Start sign-in again and finish it in the browser tab that opens.',
  });
}

/** Any MSAL failure as an AppError with Microsoft's cause, our fix and the IDs support asks for. */
export function signInFailed(error: unknown): AppError {
  const d = diagnose(error);
  return new AppError(ErrorCode.SignInFailed, d.cause, {
    fix: d.fix,
    cause: error,
    details: {
      ...(d.code ? { microsoftCode: d.code } : {}),
      ...(d.correlationId ? { correlationId: d.correlationId } : {}),
      ...(d.requestId ? { requestId: d.requestId } : {}),
      ...(d.microsoftMessage ? { microsoftMessage: d.microsoftMessage } : {}),
    },
  });
}
