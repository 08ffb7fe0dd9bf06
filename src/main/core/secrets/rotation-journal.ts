import type { Database } from 'better-sqlite3';
import type { DeliveryMode, RotationResult } from '../../../shared/domain/secrets';
import { AuditLog } from '../onboarding/audit-log';

const ACTION = 'secret.rotation';

export type RotationStage = 'created' | 'delivered' | 'awaitingHandover' | 'rotated' | 'rolledBack';

export interface RotationRecord {
  rotationId: string;
  workspaceId: string;
  role: 'main' | 'partnerCenter';
  delivery: DeliveryMode;
  stage: RotationStage;
  newKeyId: string;
  oldKeyIds: string[];
  /** The new secret's displayName, pending in migration 0006's table until its value is in the vault. */
  marker?: string;
  result?: RotationResult;
}

/**
 * A rotation's stages, appended to the audit log as each is reached (keyIds and hints only), so the admin
 * can see what happened and a rotation waiting for the admin to hand the secret over can be finished later.
 */
export class RotationJournal {
  private readonly audit: AuditLog;

  constructor(private readonly db: Database) {
    this.audit = new AuditLog(db);
  }

  record(entry: RotationRecord, at: Date): void {
    this.audit.record(entry.workspaceId, ACTION, { ...entry }, at.toISOString());
  }

  /** The latest stage of one rotation. */
  get(rotationId: string): RotationRecord | undefined {
    const row = this.db
      .prepare<[string, string], { detail_json: string }>(
        `SELECT detail_json FROM audit_log WHERE action = ? AND json_extract(detail_json, '$.rotationId') = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(ACTION, rotationId);
    return row ? (JSON.parse(row.detail_json) as RotationRecord) : undefined;
  }

  /** The workspace's latest rotation of this app's secret, whatever its stage. */
  latest(workspaceId: string, role: string): RotationRecord | undefined {
    const row = this.db
      .prepare<[string, string, string], { detail_json: string }>(
        `SELECT detail_json FROM audit_log WHERE action = ? AND workspace_id = ? AND json_extract(detail_json, '$.role') = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(ACTION, workspaceId, role);
    return row ? (JSON.parse(row.detail_json) as RotationRecord) : undefined;
  }
}
