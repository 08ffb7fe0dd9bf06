import { ErrorCode } from '../../../shared/error-codes';
import { aadstsCodeOf, diagnose } from '../diagnostics/diagnose';
import { AppError } from '../errors/app-error';
import { asNetworkError } from '../net/network-unreachable';
import { stepScopes, type StepId } from './step-scopes';

/** Why Microsoft wants the admin back in the browser before a step can go on. */
export type InteractionReason = 'mfa' | 'consent' | 'signIn';

export function interactionReasonOf(error: unknown): InteractionReason {
  const code = aadstsCodeOf(error);
  if (code === 50076 || code === 50079) return 'mfa';
  const sub = typeof error === 'object' && error !== null ? (error as { subError?: unknown }).subError : undefined;
  if (code === 65001 || sub === 'consent_required') return 'consent';
  return 'signIn';
}

/**
 * A silent token request Microsoft answered with "interaction required": for MFA (Conditional
 * Access, the case that breaks stored sign-ins in other tools), for consent to a step's new
 * permissions, or because the sign-in has expired. Each says which, and what the step is for.
 */
export function interactionNeeded(step: StepId, error: unknown): AppError {
  const reason = interactionReasonOf(error);
  const why = stepScopes[step].why;
  const d = diagnose(error);
  const messages: Record<InteractionReason, { message: string; fix: string }> = {
    mfa: {
      message: 'Your organization requires multi-factor authentication (Conditional Access) before Entra Onboard can continue.',
      fix: 'Sign in again in your browser and complete the MFA prompt.',
    },
    consent: {
      message: `This step needs your permission first. ${why}`,
      fix: `Sign in in your browser and accept: ${stepScopes[step].scopes.join(', ')}.`,
    },
    signIn: {
      message: 'Your sign-in has expired or was revoked.',
      fix: 'Sign in again in your browser.',
    },
  };
  return new AppError(ErrorCode.SignInRequired, messages[reason].message, {
    fix: messages[reason].fix,
    cause: error,
    details: {
      step,
      reason,
      scopes: [...stepScopes[step].scopes],
      ...(d.code ? { microsoftCode: d.code } : {}),
      ...(d.correlationId ? { correlationId: d.correlationId } : {}),
    },
  });
}

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
  // Offline is not a failed sign-in: the account is still there, Microsoft is just out of reach.
  const network = asNetworkError(error);
  if (network) return network;
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
