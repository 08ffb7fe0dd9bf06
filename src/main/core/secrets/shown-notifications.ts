import type { Database } from 'better-sqlite3';
import { AuditLog } from '../onboarding/audit-log';
import { notificationKey, type SecretNotification } from './notification-decisions';

const ACTION = 'secret.expiry-notified';

/**
 * Which expiry notices the desktop has shown, remembered in the audit log (no table of its own: each is a
 * fact worth keeping anyway, and it holds only the keyId and band, never a value).
 */
export class ShownNotifications {
  private readonly audit: AuditLog;

  constructor(private readonly db: Database) {
    this.audit = new AuditLog(db);
  }

  keys(): Set<string> {
    const rows = this.db.prepare<[string], { detail_json: string }>('SELECT detail_json FROM audit_log WHERE action = ?').all(ACTION);
    return new Set(rows.map((r) => JSON.parse(r.detail_json) as { keyId: string; band: SecretNotification['band'] }).map(notificationKey));
  }

  record(notification: SecretNotification, at: Date): void {
    this.audit.record(notification.workspaceId, ACTION, { keyId: notification.keyId, band: notification.band, role: notification.role }, at.toISOString());
  }
}
