import type { Database } from 'better-sqlite3';
import type { Workspace } from '../../../shared/domain/workspace';
import type { PlatformId } from '../../../shared/domain/platforms';

interface WorkspaceRow {
  id: string;
  name: string;
  name_key: string;
  platform_id: string;
  partner_tenant: string | null;
  created_at: string;
  updated_at: string;
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    platformId: row.platform_id as PlatformId,
    partnerTenant: row.partner_tenant,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** SQL for the workspaces table and nothing else; rules live in WorkspaceService. */
export class WorkspaceRepository {
  private readonly stmts;

  constructor(db: Database) {
    this.stmts = {
      list: db.prepare<[], WorkspaceRow>('SELECT * FROM workspaces ORDER BY name_key'),
      get: db.prepare<[string], WorkspaceRow>('SELECT * FROM workspaces WHERE id = ?'),
      byKey: db.prepare<[string], WorkspaceRow>('SELECT * FROM workspaces WHERE name_key = ?'),
      insert: db.prepare(
        `INSERT INTO workspaces (id, name, name_key, platform_id, partner_tenant, created_at, updated_at)
         VALUES (@id, @name, @name_key, @platform_id, @partner_tenant, @created_at, @updated_at)`,
      ),
      rename: db.prepare('UPDATE workspaces SET name = ?, name_key = ?, updated_at = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM workspaces WHERE id = ?'),
    };
  }

  list(): Workspace[] {
    return this.stmts.list.all().map(toWorkspace);
  }

  get(id: string): Workspace | undefined {
    const row = this.stmts.get.get(id);
    return row ? toWorkspace(row) : undefined;
  }

  findByNameKey(nameKey: string): Workspace | undefined {
    const row = this.stmts.byKey.get(nameKey);
    return row ? toWorkspace(row) : undefined;
  }

  insert(w: Workspace, nameKey: string): void {
    this.stmts.insert.run({
      id: w.id,
      name: w.name,
      name_key: nameKey,
      platform_id: w.platformId,
      partner_tenant: w.partnerTenant,
      created_at: w.createdAt,
      updated_at: w.updatedAt,
    });
  }

  rename(id: string, name: string, nameKey: string, updatedAt: string): boolean {
    return this.stmts.rename.run(name, nameKey, updatedAt, id).changes > 0;
  }

  delete(id: string): boolean {
    return this.stmts.delete.run(id).changes > 0;
  }
}
