import type { Database } from 'better-sqlite3';
import type { DeliveryMode, RotationResult } from '../../../shared/domain/secrets';

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
 * Each rotation's latest stage (keyIds and hints only, never a value), kept as it is reached, so a rotation
 * waiting for the admin to hand the secret over can be finished or undone later, after a restart too.
 */
export class RotationJournal {
  constructor(private readonly db: Database) {}

  record(entry: RotationRecord, at: Date): void {
    // seq orders rotations of one app even when two are recorded within the same millisecond.
    this.db
      .prepare(
        `INSERT INTO secret_rotations (rotation_id, workspace_id, role, stage, record_json, updated_at, seq)
         VALUES (@rotationId, @workspaceId, @role, @stage, @json, @at, (SELECT COALESCE(MAX(seq), 0) + 1 FROM secret_rotations))
         ON CONFLICT (rotation_id) DO UPDATE SET stage = excluded.stage, record_json = excluded.record_json, updated_at = excluded.updated_at`,
      )
      .run({ rotationId: entry.rotationId, workspaceId: entry.workspaceId, role: entry.role, stage: entry.stage, json: JSON.stringify(entry), at: at.toISOString() });
  }

  /** The latest stage of one rotation. */
  get(rotationId: string): RotationRecord | undefined {
    const row = this.db.prepare<[string], { record_json: string }>('SELECT record_json FROM secret_rotations WHERE rotation_id = ?').get(rotationId);
    return row ? (JSON.parse(row.record_json) as RotationRecord) : undefined;
  }

  /** The workspace's latest rotation of this app's secret, whatever its stage. */
  latest(workspaceId: string, role: string): RotationRecord | undefined {
    const row = this.db
      .prepare<[string, string], { record_json: string }>(
        'SELECT record_json FROM secret_rotations WHERE workspace_id = ? AND role = ? ORDER BY seq DESC LIMIT 1',
      )
      .get(workspaceId, role);
    return row ? (JSON.parse(row.record_json) as RotationRecord) : undefined;
  }
}
