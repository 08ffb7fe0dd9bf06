import type { ActivityLog } from './activity-log';
import { currentActivityScope } from './activity-scope';
import { describeEvent } from './describe-event';
import { localUserName } from './recording-fetch';

/**
 * An admin action recorded in the activity log (a secret read from the vault, a run started): named
 * after the signed-in account when this scope has used one, else the local account.
 */
export function appendEvent(log: ActivityLog, e: { workspaceId: string | null; action: string; detail: Record<string, unknown>; at: string }): void {
  const scope = currentActivityScope();
  const { what, result, detail } = describeEvent(e.action, e.detail);
  log.append({
    at: e.at,
    workspaceId: e.workspaceId,
    operation: scope?.operation ?? null,
    who: scope?.actor?.who ?? localUserName(),
    whoObjectId: scope?.actor?.oid ?? null,
    whoTenantId: scope?.actor?.tid ?? null,
    service: 'console',
    method: null,
    target: e.action,
    what,
    result,
    status: null,
    errorCode: typeof detail['code'] === 'string' ? detail['code'] : null,
    clientRequestId: null,
    requestId: null,
    detail,
  });
}
