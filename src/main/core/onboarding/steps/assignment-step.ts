import { getServicePrincipalByAppId, setAssignmentRequired } from '../../graph/ops/service-principals';
import type { AppRegistrationSpec } from '../../platforms/platform-profile';
import type { OnboardingStep } from '../onboarding-step';
import { requireManagedApp } from './find-managed-app';

/** "Assignment required" on the enterprise application (facts §12.2): only assigned users sign in. */
export function assignmentRequiredStep(spec: AppRegistrationSpec): OnboardingStep {
  return {
    id: `${spec.role}:assignment-required`,
    title: 'Assignment required',
    why: 'Only the users and groups you assign can sign in to the platform.',
    scopes: 'registerApp',

    async inspect(ctx) {
      if (!ctx.can('assignUsers')) {
        return {
          action: 'blocked',
          summary: 'Your roles cannot require assignment',
          details: ['An Application Administrator, Cloud Application Administrator or Global Administrator can.'],
        };
      }
      const managed = ctx.apps.get(ctx.workspaceId, spec.role);
      const sp = managed?.appId ? await getServicePrincipalByAppId(ctx.graph('findExistingApps'), managed.appId) : undefined;
      return sp?.appRoleAssignmentRequired
        ? { action: 'keep', summary: 'Assignment is already required', details: [] }
        : {
            action: sp ? 'update' : 'create',
            summary: 'Require assignment before users can sign in',
            details: ['Assign users and groups under Enterprise applications › Users and groups; unassigned users get AADSTS50105.'],
          };
    },

    async apply(ctx) {
      const { spObjectId } = requireManagedApp(ctx, spec.role);
      if (!spObjectId) throw new Error('The enterprise application step must run first.');
      await setAssignmentRequired(ctx.graph('registerApp'), spObjectId, true);
      return { assignmentRequired: true };
    },
  };
}
