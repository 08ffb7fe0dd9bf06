import type { AppRegistrationSpec } from '../platforms/platform-profile';
import type { OnboardingStep } from './onboarding-step';
import { adminConsentStep } from './steps/admin-consent-step';
import { appRegistrationStep } from './steps/app-registration-step';
import { assignmentRequiredStep } from './steps/assignment-step';
import { clientSecretStep } from './steps/client-secret-step';
import { servicePrincipalStep } from './steps/service-principal-step';
import { verifyStep } from './steps/verify-step';

/**
 * The ordered steps that take a tenant from wherever it is to the platform's spec: per app, the
 * registration, its secret, its enterprise application, consent and assignment; then one
 * verification of everything.
 */
export function planSteps(apps: AppRegistrationSpec[]): OnboardingStep[] {
  const steps: OnboardingStep[] = [];
  for (const spec of apps) {
    steps.push(appRegistrationStep(spec));
    if (spec.secret) steps.push(clientSecretStep({ ...spec, secret: spec.secret }));
    steps.push(servicePrincipalStep(spec));
    if (spec.adminConsent) steps.push(adminConsentStep(spec));
    if (spec.assignmentRequired) steps.push(assignmentRequiredStep(spec));
  }
  steps.push(verifyStep(apps));
  return steps;
}
