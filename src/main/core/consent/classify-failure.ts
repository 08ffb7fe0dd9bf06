import type { AccessNeededReason, Evidence, TenantStatus } from '../../../shared/domain/client-tenants';
import { ErrorCode } from '../../../shared/error-codes';
import { aadstsCodeOf, diagnose } from '../diagnostics/diagnose';
import { AppError } from '../errors/app-error';
import { HttpFailure } from './http-client';

type Classified = Omit<TenantStatus, 'asOf' | 'evidence'> & { kind: TenantStatus['kind'] };

function access(reason: AccessNeededReason, message: string, fix: string): Classified {
  return { kind: 'accessNeeded', reason, message, fix } as Classified;
}

/**
 * A failure while reaching into a client tenant, in the words of GDAP and Lighthouse
 * (learn.microsoft.com/entra/identity-platform/reference-error-codes for the AADSTS numbers):
 * - 50076/50079: the client's Conditional Access requires MFA of service provider users;
 * - 53003: Conditional Access blocks the sign-in;
 * - 50020 / 50177 / 90072: the partner user has no access to that tenant (no active GDAP);
 * - 90002 / 500011 at our tenant: the tenant does not exist (any more);
 * - 65001: the console itself is not consented (the partner admin must consent once);
 * - 50196: the client asked Entra for the same token in a loop (a bug on our side, shown plainly).
 * Graph 403 (Authorization_RequestDenied) means the roles GDAP gave are not enough.
 */
export function classifyFailure(error: unknown): { status: Classified; evidence: Evidence } {
  const code = error instanceof HttpFailure ? error.aadsts : aadstsCodeOf(error);
  const msg = error instanceof HttpFailure ? error.detail : diagnose(error).microsoftMessage ?? (error as Error)?.message ?? String(error);
  const ev = (check: Evidence['check']): Evidence => ({ check, ok: false, detail: code ? `AADSTS${code}: ${msg}` : msg });
  switch (code) {
    case 50076:
    case 50079:
    case 50074:
      return {
        status: access('mfaRequired', 'The client’s Conditional Access requires multi-factor authentication for your sign-in.', 'Sign in again and complete MFA (or ask the client to exclude service provider users from that policy), then retry the failed tenants.'),
        evidence: ev('signIn'),
      };
    case 53003:
      return {
        status: access('blockedByPolicy', 'The client’s Conditional Access blocks sign-ins from service provider users.', 'Ask the client to allow service provider users in their Conditional Access policy, or use an admin consent link.'),
        evidence: ev('signIn'),
      };
    case 50020:
    case 50177:
    case 90072:
    case 500021:
      return {
        status: access('relationshipMissing', 'Your account has no active GDAP access to this tenant.', 'Create or renew a GDAP relationship with this client (with your security group assigned), or use an admin consent link.'),
        evidence: ev('signIn'),
      };
    case 90002:
    case 90023:
      return { status: { kind: 'tenantNotFound', message: 'Microsoft no longer knows this tenant (it was deleted or the ID is wrong).' } as Classified, evidence: ev('tenantDiscovery') };
    case 65001:
    case 65004:
      return {
        status: access('signInRequired', 'Entra Onboard itself is not consented for the permissions this step needs.', 'Sign in again and accept the permissions, then retry.'),
        evidence: ev('signIn'),
      };
    case 50196:
      return {
        status: { kind: 'failed', cause: { code: 'AADSTS50196', message: 'Microsoft stopped a loop of identical token requests from this computer.', fix: 'Wait five minutes, then retry the failed tenants.' } } as Classified,
        evidence: ev('signIn'),
      };
    default:
      break;
  }
  if (error instanceof HttpFailure) {
    if (error.status === 403) {
      return {
        status: access('gdapRoleMissing', `Microsoft refused the change: ${error.detail}`, 'Add Application Administrator (and Privileged Role Administrator for application permissions) to the GDAP relationship’s access assignment, then retry.'),
        evidence: ev('signIn'),
      };
    }
    if (error.status === 404 && /tenant/i.test(error.detail)) {
      return { status: { kind: 'tenantNotFound', message: error.detail } as Classified, evidence: ev('tenantDiscovery') };
    }
  }
  if (error instanceof AppError && error.code === ErrorCode.AccountNotFound) {
    return { status: access('signInRequired', error.message, error.fix ?? 'Sign in again.'), evidence: ev('signIn') };
  }
  const d = error instanceof AppError ? { cause: error.message, fix: error.fix ?? 'Retry the failed tenants.' } : diagnose(error);
  const failedCode = error instanceof HttpFailure ? (error.code ?? `HTTP ${error.status}`) : error instanceof AppError ? error.code : code ? `AADSTS${code}` : 'unknown';
  return { status: { kind: 'failed', cause: { code: failedCode, message: error instanceof HttpFailure ? `Microsoft answered ${error.status}: ${error.detail}` : d.cause, fix: d.fix } } as Classified, evidence: ev('signIn') };
}
