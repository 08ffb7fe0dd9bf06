import type { Database } from 'better-sqlite3';
import { ActivityLog } from '../activity/activity-log';
import { appendEvent } from '../activity/append-event';

/**
 * What the admin did that matters later (applies, secret reveals, pushes). Since migration 0008 these
 * are entries of the one activity log (core/activity), chained with the requests made to Microsoft
 * and the platform. Never secret values: only whitelisted details are kept (describeEvent).
 */
export class AuditLog {
  private readonly log: ActivityLog;

  constructor(db: Database) {
    this.log = new ActivityLog(db);
  }

  record(workspaceId: string | null, action: string, detail: Record<string, unknown>, at: string): void {
    appendEvent(this.log, { workspaceId, action, detail, at });
  }
}
