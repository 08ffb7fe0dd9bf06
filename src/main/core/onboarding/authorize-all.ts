import { ErrorCode } from '../../../shared/error-codes';
import { permissionsFor } from '../auth/plan-permissions';
import type { StepId } from '../auth/step-scopes';
import { AppError } from '../errors/app-error';

/**
 * Gets a token for every step of a plan; when some need the admin in the browser (consent, MFA),
 * throws one error naming every step of the plan and each permission once with its reasons, so a
 * single sign-in asks for the lot in one consent and every step's token is silent afterwards.
 */
export async function authorizeAll(steps: StepId[], tokenFor: (step: StepId) => Promise<unknown>): Promise<void> {
  const all = [...new Set(steps)];
  const pending: { step: StepId; error: AppError }[] = [];
  for (const step of all) {
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
  const permissions = permissionsFor(all);
  const consent = lead.error.details?.['reason'] === 'consent';
  throw new AppError(
    ErrorCode.SignInRequired,
    consent ? `This setup needs your consent to ${permissions.length === 1 ? 'one permission' : `${permissions.length} permissions`}, once for all its steps.` : lead.error.message,
    {
      fix: consent ? 'Sign in in your browser and accept the permissions listed: one consent covers the whole setup.' : (lead.error.fix ?? 'Sign in again in your browser.'),
      details: {
        ...lead.error.details,
        // The sign-in asks for every step's scopes, not only the missing ones, so that one token
        // (and its refresh token) covers the whole run.
        steps: all,
        pending: pending.map((p) => p.step),
        scopes: permissions.map((p) => p.scope),
        permissions,
      },
    },
  );
}
