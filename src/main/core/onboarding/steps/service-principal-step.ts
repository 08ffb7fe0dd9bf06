import { isReplicationDelay } from '../../graph/ops/graph-error-info';
import { ensureServicePrincipal, getServicePrincipalByAppId } from '../../graph/ops/service-principals';
import type { AppRegistrationSpec } from '../../platforms/platform-profile';
import type { OnboardingStep } from '../onboarding-step';
import { waitForReplication } from '../wait-for-replication';
import { requireManagedApp } from './find-managed-app';

/** The app's enterprise application (service principal) in the partner tenant (facts §4.1). */
export function servicePrincipalStep(spec: AppRegistrationSpec): OnboardingStep {
  return {
    id: `${spec.role}:service-principal`,
    title: spec.role === 'main' ? 'Enterprise application' : 'Partner Center enterprise application',
    why: 'Consent and sign-in policies attach to the app’s enterprise application in your tenant.',
    scopes: 'registerApp',

    async inspect(ctx) {
      const managed = ctx.apps.get(ctx.workspaceId, spec.role);
      const sp = managed?.appId ? await getServicePrincipalByAppId(ctx.graph('findExistingApps'), managed.appId) : undefined;
      return sp
        ? { action: 'keep', summary: 'The enterprise application exists', details: [] }
        : { action: 'create', summary: 'Create the enterprise application (service principal) in your tenant', details: [] };
    },

    async apply(ctx) {
      const client = ctx.graph('registerApp');
      const managed = requireManagedApp(ctx, spec.role);
      // Right after the app is created, Microsoft may not see it yet: NoBackingApplicationObject (facts §4.2).
      const { sp, created } = await waitForReplication(
        async () => {
          const existing = await getServicePrincipalByAppId(client, managed.appId);
          return existing ? { sp: existing, created: false } : ensureServicePrincipal(client, managed.appId);
        },
        {
          isTransient: (e) => isReplicationDelay(e),
          onWait: (ms) => ctx.report('Waiting for Microsoft to replicate the new app before its enterprise application can be created', ms),
        },
      );
      const row = ctx.apps.get(ctx.workspaceId, spec.role);
      if (row) ctx.apps.upsert(ctx.workspaceId, { ...row, spObjectId: sp.id }, ctx.now().toISOString());
      return { spObjectId: sp.id, created };
    },
  };
}
