import { getApplicationByUniqueName, updateApplication, upsertApplication, findApplicationsByDisplayName } from '../../graph/ops/applications';
import { isReplicationDelay } from '../../graph/ops/graph-error-info';
import type { AppRegistrationSpec } from '../../platforms/platform-profile';
import { audienceText, describeAppChanges, desiredAppBody } from '../app-diff';
import { resolveAppPermissions } from '../app-permissions';
import { uniqueNameFor } from '../desired-app';
import type { OnboardingStep } from '../onboarding-step';
import { ResourceCatalog } from '../resource-catalog';
import { waitForReplication } from '../wait-for-replication';
import { findManagedApp } from './find-managed-app';

/** Creates or repairs one app registration so it matches the platform's spec (facts §1). */
export function appRegistrationStep(spec: AppRegistrationSpec): OnboardingStep {
  return {
    id: `${spec.role}:registration`,
    title: spec.role === 'main' ? 'App registration' : 'Partner Center app registration',
    why: 'The platform signs your users in through this app registration.',
    scopes: 'registerApp',

    async inspect(ctx) {
      const client = ctx.graph('findExistingApps');
      const [live, permissions] = await Promise.all([
        findManagedApp(ctx, client, spec.role),
        resolveAppPermissions(spec, new ResourceCatalog(client)),
      ]);
      const changes = describeAppChanges(live, spec, permissions);
      if (!live) {
        const namesakes = await findApplicationsByDisplayName(client, spec.displayName);
        return {
          action: 'create',
          summary: `Create the app registration "${spec.displayName}" (${audienceText(spec.signInAudience)})`,
          details: [
            ...changes,
            ...(namesakes.length > 0
              ? [`${namesakes.length === 1 ? 'An app' : `${namesakes.length} apps`} named "${spec.displayName}" already exist${namesakes.length === 1 ? 's' : ''}: reuse one to update it instead of creating another.`]
              : []),
          ],
          ...(namesakes.length > 0 ? { adoptable: { role: spec.role, apps: namesakes.map((a) => ({ appId: a.appId, displayName: a.displayName })) } } : {}),
        };
      }
      return changes.length > 0
        ? { action: 'update', summary: `Update "${live.displayName}" (client ID ${live.appId})`, details: changes }
        : { action: 'keep', summary: `"${live.displayName}" already matches (client ID ${live.appId})`, details: [] };
    },

    async apply(ctx) {
      const client = ctx.graph('registerApp');
      const permissions = await resolveAppPermissions(spec, new ResourceCatalog(client));
      const uniqueName = ctx.apps.get(ctx.workspaceId, spec.role)?.uniqueName ?? uniqueNameFor(ctx.workspaceId, spec.role);
      const live = await findManagedApp(ctx, client, spec.role);
      const body = desiredAppBody(live, spec, permissions);
      let app = live;
      let created = false;
      if (live && live.uniqueName !== uniqueName) {
        // An adopted app: give it our key if it has none (it can be set once, facts §1.2), then update it.
        await updateApplication(client, live.id, live.uniqueName ? body : { ...body, uniqueName });
      } else {
        // Upsert by uniqueName: creates the first time, updates after; never two apps (facts §1.3).
        const result = await upsertApplication(client, uniqueName, body);
        created = result.created;
        app = result.app ?? live;
      }
      if (!app || !created) {
        // A 204 has no body, and a just-created app may not be readable yet (facts §4.2).
        app = await waitForReplication(
          async () => {
            const found = live && live.uniqueName !== uniqueName ? await findManagedApp(ctx, client, spec.role) : await getApplicationByUniqueName(client, uniqueName);
            if (!found) throw Object.assign(new Error('not yet visible'), { statusCode: 404 });
            return found;
          },
          { isTransient: isReplicationDelay, onWait: (ms) => ctx.report('Waiting for Microsoft to replicate the app registration', ms) },
        );
      }
      const previous = ctx.apps.get(ctx.workspaceId, spec.role);
      ctx.apps.upsert(
        ctx.workspaceId,
        {
          role: spec.role,
          uniqueName: app.uniqueName ?? uniqueName,
          appObjectId: app.id,
          appId: app.appId,
          spObjectId: previous?.appId === app.appId ? (previous.spObjectId ?? null) : null,
        },
        ctx.now().toISOString(),
      );
      return { appId: app.appId, objectId: app.id, created };
    },
  };
}
