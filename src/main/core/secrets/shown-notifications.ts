import type { Database } from 'better-sqlite3';
import { notificationKey, type SecretNotification } from './notification-decisions';

/** Which expiry notices the desktop has shown (keyId and band only, never a value), remembered across restarts. */
export class ShownNotifications {
  constructor(private readonly db: Database) {}

  keys(): Set<string> {
    const rows = this.db.prepare<[], { key_id: string; band: SecretNotification['band'] }>('SELECT key_id, band FROM secret_notices_shown').all();
    return new Set(rows.map((r) => notificationKey({ keyId: r.key_id, band: r.band })));
  }

  record(notification: SecretNotification, at: Date): void {
    this.db
      .prepare('INSERT OR IGNORE INTO secret_notices_shown (key_id, band, workspace_id, shown_at) VALUES (?, ?, ?, ?)')
      .run(notification.keyId, notification.band, notification.workspaceId, at.toISOString());
  }
}
