import type { Client } from '@microsoft/microsoft-graph-client';
import { getApplicationByAppId, getApplicationByUniqueName } from '../../graph/ops/applications';
import type { GraphApplication } from '../../graph/ops/graph-types';
import { uniqueNameFor, type AppRole } from '../desired-app';
import type { StepContext } from '../onboarding-step';

/**
 * The live app a workspace manages for a role: by our uniqueName first, then by the appId we
 * recorded, then by the appId the admin chose to adopt (anchors: adopt, never duplicate).
 */
export async function findManagedApp(ctx: StepContext, client: Client, role: AppRole): Promise<GraphApplication | undefined> {
  const managed = ctx.apps.get(ctx.workspaceId, role);
  const byName = await getApplicationByUniqueName(client, managed?.uniqueName ?? uniqueNameFor(ctx.workspaceId, role));
  if (byName) return byName;
  if (managed?.appId) {
    const byId = await getApplicationByAppId(client, managed.appId);
    if (byId) return byId;
  }
  const adopt = ctx.adopt[role];
  return adopt ? getApplicationByAppId(client, adopt) : undefined;
}

/** The app this role's later steps work on; the registration step must have run. */
export function requireManagedApp(ctx: StepContext, role: AppRole): { appObjectId: string; appId: string; spObjectId: string | null } {
  const managed = ctx.apps.get(ctx.workspaceId, role);
  if (!managed?.appObjectId || !managed.appId) {
    throw new Error(`The ${role} app registration has not been created yet; its step must run first.`);
  }
  return { appObjectId: managed.appObjectId, appId: managed.appId, spObjectId: managed.spObjectId };
}
