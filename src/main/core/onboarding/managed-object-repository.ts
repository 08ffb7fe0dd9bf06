import type { Database } from 'better-sqlite3';

/** Directory objects a workspace manages besides its apps. */
export type ManagedObjectKind = 'group' | 'conditionalAccessPolicy';

export interface ManagedObject {
  kind: ManagedObjectKind;
  /** The platform's name for it: a group's role ("admin"), a policy's key ("mfa:main"). */
  key: string;
  objectId: string;
  /** When the object ID was recorded: a 404 soon after is replication lag, not deletion (facts §4.2). */
  updatedAt: string;
}

/** Object IDs of the groups and policies a workspace created or adopted, per workspace. */
export class ManagedObjectRepository {
  constructor(private readonly db: Database) {}

  get(workspaceId: string, kind: ManagedObjectKind, key: string): ManagedObject | undefined {
    const row = this.db
      .prepare<[string, string, string], { kind: ManagedObjectKind; key: string; object_id: string; updated_at: string }>(
        'SELECT kind, key, object_id, updated_at FROM managed_objects WHERE workspace_id = ? AND kind = ? AND key = ?',
      )
      .get(workspaceId, kind, key);
    return row ? { kind: row.kind, key: row.key, objectId: row.object_id, updatedAt: row.updated_at } : undefined;
  }

  /** Records the object; an unchanged object ID keeps its original time, so replication waits stay short. */
  put(workspaceId: string, object: { kind: ManagedObjectKind; key: string; objectId: string }, at: string): void {
    this.db
      .prepare(
        `INSERT INTO managed_objects (workspace_id, kind, key, object_id, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workspace_id, kind, key) DO UPDATE SET object_id = excluded.object_id, updated_at = excluded.updated_at
         WHERE managed_objects.object_id <> excluded.object_id`,
      )
      .run(workspaceId, object.kind, object.key, object.objectId, at);
  }
}
