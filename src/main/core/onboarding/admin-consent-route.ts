import { ErrorCode } from '../../../shared/error-codes';
import { scopesForSteps } from '../auth/plan-permissions';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import { CONSENT_LOOPBACK_REDIRECT } from './browser-admin-consent';

/** Who can give the consent the signed-in admin cannot (Microsoft's "grant tenant-wide admin consent" article). */
export const ADMIN_CONSENT_ROLES = 'a Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application Administrator';

/**
 * The steps of a plan whose permissions the signed-in admin cannot consent to and nobody has consented to yet.
 * Only asked for an admin whose roles cannot consent for the organization (a Conditional Access, Security, Groups
 * or User Administrator, or no role): Entra would answer their consent page with "Need admin approval"
 * (AADSTS90094). A step whose token is already silent has had an administrator's consent and is not listed.
 */
export async function stepsAwaitingAdminConsent(steps: readonly StepId[], tokenFor: (step: StepId) => Promise<unknown>): Promise<StepId[]> {
  const awaiting: StepId[] = [];
  for (const step of new Set(steps)) {
    if (step === 'signIn') continue; // User.Read: every user may consent to it, and sign-in already has it.
    try {
      await tokenFor(step);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.SignInRequired && error.details?.['reason'] === 'consent') awaiting.push(step);
      else if (!(error instanceof AppError && error.code === ErrorCode.SignInRequired)) throw error;
    }
  }
  return awaiting;
}

/**
 * Microsoft's admin consent URL for the sign-in app with exactly these steps' permissions (v2.0 endpoint:
 * learn.microsoft.com/entra/identity-platform/v2-admin-consent, "scope ... can be either static (using /.default)
 * or dynamic scopes"). A Global Administrator (or another role above) who opens it grants them for the whole
 * tenant; the signed-in admin's own tokens are then silent, and the steps can run. The redirect is the loopback
 * address every public client accepts on any port (facts §2): a copied link lands there after the grant.
 */
export function adminConsentUrlForSteps(o: { cloud: CloudProfile; tenantId: string; clientId: string; steps: readonly StepId[]; redirectUri?: string; state?: string }): string {
  const url = new URL(`${o.cloud.authorityHost}/${o.tenantId}/v2.0/adminconsent`);
  url.searchParams.set('client_id', o.clientId);
  url.searchParams.set('scope', scopesForSteps(o.steps, o.cloud).join(' '));
  url.searchParams.set('redirect_uri', o.redirectUri ?? CONSENT_LOOPBACK_REDIRECT);
  if (o.state) url.searchParams.set('state', o.state);
  return url.toString();
}
