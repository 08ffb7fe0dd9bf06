import { ErrorCode } from '../../../shared/error-codes';
import type { StepId } from '../auth/step-scopes';
import { AppError } from '../errors/app-error';

/**
 * Gets a token for every step; when some need the admin in the browser (consent, MFA), throws one
 * error naming all of them, so a single sign-in covers the lot instead of one trip per step.
 */
export async function authorizeAll(steps: StepId[], tokenFor: (step: StepId) => Promise<unknown>): Promise<void> {
  const pending: { step: StepId; error: AppError }[] = [];
  for (const step of [...new Set(steps)]) {
    try {
      await tokenFor(step);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.SignInRequired) pending.push({ step, error });
      else throw error;
    }
  }
  const first = pending[0];
  if (!first) return;
  const mfa = pending.find((p) => p.error.details?.['reason'] === 'mfa');
  const lead = mfa ?? first;
  throw new AppError(ErrorCode.SignInRequired, lead.error.message, {
    ...(lead.error.fix ? { fix: lead.error.fix } : {}),
    details: {
      ...lead.error.details,
      steps: pending.map((p) => p.step),
      scopes: pending.flatMap((p) => (p.error.details?.['scopes'] as string[] | undefined) ?? []),
    },
  });
}
