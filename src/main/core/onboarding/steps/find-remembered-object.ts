import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import { isReplicationDelay } from '../../graph/ops/graph-error-info';
import type { ManagedObject } from '../managed-object-repository';
import type { StepContext } from '../onboarding-step';
import { waitForReplication } from '../wait-for-replication';

/** How long after we recorded an object a 404 for it is taken as replication lag (facts §4.2: up to minutes). */
const REPLICATION_WINDOW_MS = 5 * 60_000;

/**
 * The live object behind an object ID we recorded, or undefined when it is gone. A run that
 * created it moments ago (then crashed) may not see it yet; when `patient`, that 404 is waited out
 * rather than taken as "deleted", which would create a second one.
 */
export async function findRememberedObject<T>(
  ctx: StepContext,
  remembered: ManagedObject | undefined,
  read: (objectId: string) => Promise<T | undefined>,
  options: { patient: boolean; what: string },
): Promise<T | undefined> {
  if (!remembered) return undefined;
  const found = await read(remembered.objectId);
  const age = ctx.now().getTime() - Date.parse(remembered.updatedAt);
  if (found || !options.patient || !(age >= 0 && age < REPLICATION_WINDOW_MS)) return found;
  try {
    return await waitForReplication(
      async () => {
        const live = await read(remembered.objectId);
        if (!live) throw Object.assign(new Error(`${options.what} is not visible yet`), { statusCode: 404 });
        return live;
      },
      { isTransient: isReplicationDelay, maxMs: REPLICATION_WINDOW_MS - age, onWait: (ms) => ctx.report(`Waiting for Microsoft to replicate ${options.what}`, ms) },
    );
  } catch (error) {
    // Still missing after the window: someone deleted it, and it is set up again.
    if (error instanceof AppError && error.code === ErrorCode.ReplicationTimeout) return undefined;
    throw error;
  }
}
