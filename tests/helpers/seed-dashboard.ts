import type { Database } from 'better-sqlite3';
import { ClientTenantRepository } from '../../src/main/core/consent/client-tenant-repository';
import type { TenantStatus, TenantStatusKind } from '../../src/shared/domain/client-tenants';
import type { PlatformId } from '../../src/shared/domain/platforms';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A GUID-shaped tenant ID, distinct per i. */
export const seededTenantId = (i: number) =>
  `${hex((i * 2654435761) % 0xffffffff, 8)}-${hex(i % 0xffff, 4)}-4${hex(i % 0xfff, 3)}-8${hex((i * 7) % 0xfff, 3)}-${hex(i, 12)}`;

const GRAPH = '00000003-0000-0000-c000-000000000000';

/** A status as the consent run records it (the shapes of src/shared/domain/client-tenants.ts). */
export function statusOf(kind: Exclude<TenantStatusKind, 'excluded'>, asOf: string): TenantStatus {
  const evidence = [{ check: 'servicePrincipal' as const, ok: kind === 'consented', detail: 'seeded' }];
  switch (kind) {
    case 'failed':
      return { kind, asOf, evidence, cause: { code: 'graph_error', message: 'Microsoft Graph answered 500 for the service principal.', fix: 'Retry the tenant.' } };
    case 'accessNeeded':
      return {
        kind,
        asOf,
        evidence,
        reason: 'gdapRoleMissing',
        message: 'The GDAP relationship lacks a role the console needs.',
        fix: 'Add Cloud Application Administrator to the relationship.',
        missingRoles: ['Cloud Application Administrator'],
      };
    case 'partiallyConsented':
      return { kind, asOf, evidence, missing: [{ resourceAppId: GRAPH, resourceName: 'Microsoft Graph', value: 'User.Read.All', type: 'application' }] };
    case 'tenantNotFound':
      return { kind, asOf, evidence, message: 'No tenant answers for this ID.' };
    default:
      return { kind, asOf, evidence };
  }
}

export interface SeedTenant {
  i: number;
  name: string;
  domain: string;
  kind: Exclude<TenantStatusKind, 'excluded'> | null;
  asOf: string;
  included: boolean;
}

/**
 * Seeds workspaces (with the given platforms), their client tenants through the product's own repository
 * (merge, recordStatus, setIncluded) and app secrets, so the dashboard reads what a real run leaves.
 */
export function seedDashboard(
  db: Database,
  o: {
    workspaces: { id: string; name: string; platformId: PlatformId }[];
    tenants: (workspaceIndex: number) => SeedTenant[];
    secrets?: { workspaceId: string; role: string; keyId: string; endDateTime: string }[];
  },
): void {
  const repo = new ClientTenantRepository(db);
  const at = '2026-11-01T00:00:00.000Z';
  const insertWs = db.prepare(
    'INSERT INTO workspaces (id, name, name_key, platform_id, partner_tenant, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)',
  );
  db.transaction(() => {
    o.workspaces.forEach((w, wi) => {
      insertWs.run(w.id, w.name, w.name.toLowerCase(), w.platformId, at, at);
      const tenants = o.tenants(wi);
      repo.merge(
        w.id,
        tenants.map((t) => ({ tenantId: seededTenantId(t.i), name: t.name, domain: t.domain, source: 'csv' as const })),
        at,
      );
      for (const t of tenants) {
        const id = seededTenantId(t.i);
        if (t.kind) repo.recordStatus(w.id, id, statusOf(t.kind, t.asOf), { summary: 'seeded', runId: null, strategy: null });
        if (!t.included) repo.setIncluded(w.id, [id], false, at);
      }
    });
    const insertSecret = db.prepare(
      `INSERT INTO app_secrets (workspace_id, role, key_id, hint, start_date_time, end_date_time, vault_ref, created_at)
       VALUES (?, ?, ?, 'abc', ?, ?, ?, ?)`,
    );
    for (const s of o.secrets ?? []) insertSecret.run(s.workspaceId, s.role, s.keyId, at, s.endDateTime, `secret:${s.keyId}`, at);
  })();
}
