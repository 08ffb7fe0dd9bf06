import type { AppRegistrationSpec, DirectoryObjectsSpec } from '../platforms/platform-profile';
import type { ManagedObjectRepository } from './managed-object-repository';
import type { OnboardingStep } from './onboarding-step';
import { adminConsentStep } from './steps/admin-consent-step';
import { appRegistrationStep } from './steps/app-registration-step';
import { assignmentRequiredStep } from './steps/assignment-step';
import { clientSecretStep } from './steps/client-secret-step';
import { mfaPolicyStep } from './steps/mfa-policy-step';
import { securityGroupStep } from './steps/security-group-step';
import { servicePrincipalStep } from './steps/service-principal-step';
import { verifyStep } from './steps/verify-step';

/** The platform's groups and policies, with where their object IDs are remembered. */
export interface DirectoryObjectsPlan {
  spec: DirectoryObjectsSpec;
  objects: ManagedObjectRepository;
}

/**
 * The ordered steps that take a tenant from wherever it is to the platform's spec: per app, the
 * registration, its secret, its enterprise application, consent and assignment; then the security
 * groups and Conditional Access policies (a policy targets an app, so the apps come first); then
 * one verification of the apps.
 */
export function planSteps(apps: AppRegistrationSpec[], directory?: DirectoryObjectsPlan): OnboardingStep[] {
  const steps: OnboardingStep[] = [];
  for (const spec of apps) {
    steps.push(appRegistrationStep(spec));
    if (spec.secret) steps.push(clientSecretStep({ ...spec, secret: spec.secret }));
    steps.push(servicePrincipalStep(spec));
    if (spec.adminConsent) steps.push(adminConsentStep(spec));
    if (spec.assignmentRequired) steps.push(assignmentRequiredStep(spec));
  }
  if (directory) {
    for (const group of directory.spec.securityGroups) steps.push(securityGroupStep(group, directory.objects));
    for (const policy of directory.spec.mfaPolicies) {
      const app = apps.find((a) => a.role === policy.app);
      if (!app) throw new Error(`The policy "${policy.displayName}" targets the ${policy.app} app, which this platform does not register.`);
      steps.push(mfaPolicyStep(policy, directory.objects, app.displayName));
    }
  }
  steps.push(verifyStep(apps));
  return steps;
}
