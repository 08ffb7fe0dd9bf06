import { ErrorCode } from '../../../shared/error-codes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import { scopesFor, stepScopes, type StepId } from './step-scopes';

/** One permission a plan asks for, listed once however many of its steps need it, with every reason. */
export interface PlanPermission {
  scope: string;
  resource: 'graph' | 'partnerCenter';
  /** The sentences from step-scopes.ts of each step that needs it, in step order, without repeats. */
  reasons: string[];
}

/**
 * The permissions a plan's steps need, each scope once: what the preview lists before the one
 * consent, in the order the steps first ask for them. Only these steps' scopes (least privilege).
 */
export function permissionsFor(steps: readonly StepId[]): PlanPermission[] {
  const byScope = new Map<string, PlanPermission>();
  for (const step of new Set(steps)) {
    const entry = stepScopes[step];
    for (const scope of entry.scopes) {
      const key = `${entry.resource}:${scope}`;
      const known = byScope.get(key) ?? { scope, resource: entry.resource, reasons: [] };
      if (!known.reasons.includes(entry.why)) known.reasons.push(entry.why);
      byScope.set(key, known);
    }
  }
  return [...byScope.values()];
}

/**
 * Every scope of several steps, fully qualified, for one interactive request: the admin consents
 * to all of them at once, and each step's token is then silent (MSAL serves a token whose scopes
 * contain the step's from its cache). Entra issues a token for one resource per request, so the
 * steps must all be for one API.
 */
export function scopesForSteps(steps: readonly StepId[], cloud: CloudProfile): string[] {
  const unique = [...new Set(steps)];
  const resources = new Set(unique.map((step) => stepScopes[step].resource));
  if (resources.size > 1) {
    throw new AppError(ErrorCode.SignInFailed, 'Microsoft grants a sign-in for one API at a time, and these steps need two.', {
      fix: 'Sign in for the Partner Center steps separately from the Microsoft Graph ones.',
      details: { steps: unique },
    });
  }
  return [...new Set(unique.flatMap((step) => scopesFor(step, cloud)))];
}
