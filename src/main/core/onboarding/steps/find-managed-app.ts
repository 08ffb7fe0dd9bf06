import type { Client } from '@microsoft/microsoft-graph-client';
import { getApplicationByAppId, getApplicationByUniqueName } from '../../graph/ops/applications';
import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import { isReplicationDelay } from '../../graph/ops/graph-error-info';
import type { GraphApplication } from '../../graph/ops/graph-types';
import { uniqueNameFor, type AppRole } from '../desired-app';
import type { StepContext } from '../onboarding-step';
import { waitForReplication } from '../wait-for-replication';

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
  return adopt ? findAdoptedApp(ctx, client, adopt) : undefined;
}

/** How long an app the admin picked from the list may stay unreadable by its key before we say it is gone. */
const adoptedAppWaitMs = 60_000;

/**
 * The app the admin chose to reuse. They picked it from Graph's list, so a 404 on the read by appId
 * is the replica serving reads not having it yet (facts §4.2: a new app can be listed before it is
 * readable by key), not a reason to create another app: wait for it, and if it really is gone, say so
 * rather than quietly creating a duplicate of what the admin asked to reuse.
 */
async function findAdoptedApp(ctx: StepContext, client: Client, appId: string): Promise<GraphApplication> {
  try {
    return await waitForReplication(
      async () => {
        const found = await getApplicationByAppId(client, appId);
        if (!found) throw Object.assign(new Error('not yet readable'), { statusCode: 404 });
        return found;
      },
      { isTransient: isReplicationDelay, onWait: (ms) => ctx.report('Waiting for Microsoft to replicate the app registration you chose to reuse', ms), maxMs: adoptedAppWaitMs },
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== ErrorCode.ReplicationTimeout) throw error;
    throw new AppError(ErrorCode.ResourceMissing, `The app registration you chose to reuse (client ID ${appId}) is not in this tenant any more.`, {
      fix: 'Preview again and pick another app of the same name to reuse, or none to create a new one.',
      cause: error,
    });
  }
}

/** The app this role's later steps work on; the registration step must have run. */
export function requireManagedApp(ctx: StepContext, role: AppRole): { appObjectId: string; appId: string; spObjectId: string | null } {
  const managed = ctx.apps.get(ctx.workspaceId, role);
  if (!managed?.appObjectId || !managed.appId) {
    throw new Error(`The ${role} app registration has not been created yet; its step must run first.`);
  }
  return { appObjectId: managed.appObjectId, appId: managed.appId, spObjectId: managed.spObjectId };
}
