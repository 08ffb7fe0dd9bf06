import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/shared/error-codes';
import { publicCloud } from '../../../src/main/core/clouds/cloud-profile';
import { AppError } from '../../../src/main/core/errors/app-error';
import type { StepId } from '../../../src/main/core/auth/step-scopes';
import { adminConsentUrlForSteps, stepsAwaitingAdminConsent } from '../../../src/main/core/onboarding/admin-consent-route';
import { canConsentForTheOrganization } from '../../../src/main/core/preflight/capabilities';
import { DirectoryRole } from '../../../src/main/core/preflight/directory-roles';

const needs = (reason: string) => new AppError(ErrorCode.SignInRequired, 'needs the browser', { details: { reason } });

describe('the admin-consent route for an admin who cannot consent (AADSTS90094)', () => {
  it('knows which roles can consent for the organization', () => {
    expect(canConsentForTheOrganization([DirectoryRole.ConditionalAccessAdministrator, DirectoryRole.GroupsAdministrator])).toBe(false);
    expect(canConsentForTheOrganization([DirectoryRole.SecurityAdministrator, DirectoryRole.UserAdministrator])).toBe(false);
    expect(canConsentForTheOrganization([DirectoryRole.CloudApplicationAdministrator])).toBe(true);
  });

  it('lists only the steps whose silent token needs consent; MFA is left to the one sign-in, and other failures surface', async () => {
    const answers: Partial<Record<StepId, Error | null>> = { findExistingApps: null, conditionalAccess: needs('consent'), securityGroups: needs('mfa') };
    const tokenFor = async (step: StepId) => {
      const outcome = answers[step];
      if (outcome) throw outcome;
      return 'token';
    };
    expect(await stepsAwaitingAdminConsent(['signIn', 'findExistingApps', 'conditionalAccess', 'securityGroups', 'conditionalAccess'], tokenFor)).toEqual(['conditionalAccess']);
    answers.findExistingApps = new Error('network down');
    await expect(stepsAwaitingAdminConsent(['findExistingApps'], tokenFor)).rejects.toThrow('network down');
  });

  it('builds Microsoft’s v2.0 admin consent URL for the sign-in app with exactly those permissions', () => {
    const url = new URL(adminConsentUrlForSteps({ cloud: publicCloud, tenantId: 'contoso.onmicrosoft.com', clientId: 'client-1', steps: ['conditionalAccess', 'securityGroups'] }));
    expect(`${url.origin}${url.pathname}`).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent');
    expect(url.searchParams.get('client_id')).toBe('client-1');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual([
      'https://graph.microsoft.com/Policy.ReadWrite.ConditionalAccess',
      'https://graph.microsoft.com/Policy.Read.All',
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Group.ReadWrite.All',
    ]);
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost');
  });
});
