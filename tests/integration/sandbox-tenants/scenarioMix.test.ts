import { describe, expect, it } from 'vitest';
import { buildSandboxInfo } from '../../sandbox/SandboxInfo';
import { sandboxUrls } from '../../sandbox/SandboxUrls';
import { buildScenarioPlan, coverageKinds, defaultClientTenantCount } from '../../sandbox/scenario/buildScenarioPlan';

const now = Date.parse('2026-12-01T12:00:00Z');
const dayMs = 86_400_000;
const info = (tenants: number, seed = 'mix') =>
  buildSandboxInfo(buildScenarioPlan(seed, tenants, now), sandboxUrls(1), { controlToken: 't', caFile: 'ca', dataDir: 'd', platformTokens: {} as never });

describe('the client tenant scenario', () => {
  it('the default scenario has one tenant of every kind, the original seven first', () => {
    const tenants = info(defaultClientTenantCount).clientTenants;
    expect(tenants.slice(0, coverageKinds.length).map((t) => t.kind)).toEqual(coverageKinds);
    expect(coverageKinds.slice(0, 7)).toEqual(['gdapFull', 'gdapMissingRoles', 'gdapExpired', 'noGdap', 'mfaRequired', 'unresolvableDomain', 'gdapPending']);
    const byKind = Object.fromEntries(tenants.map((t) => [t.kind, t]));
    expect(byKind.gdapMultiple?.gdapRelationships.map((r) => r.status)).toEqual(['expired', 'active']);
    expect(byKind.gdapNoAccessAssignment?.gdapRelationships).toEqual([expect.objectContaining({ status: 'active', accessAssignments: 0 })]);
    expect(byKind.caBlocksServiceProviders?.conditionalAccess).toEqual({ requireMfa: false, serviceProviderUsers: 'block' });
    expect(byKind.caMfaForServiceProviders?.conditionalAccess).toEqual({ requireMfa: false, serviceProviderUsers: 'requireMfa' });
    expect(byKind.mfaRequired?.conditionalAccess).toEqual({ requireMfa: true, serviceProviderUsers: 'none' });
    expect(tenants.filter((t) => t.deleted).map((t) => t.kind)).toEqual(['deletedTenant']);
  });

  it('5,000 tenants: a seeded, realistic mix in which every common case appears, mostly healthy GDAP', () => {
    const a = info(5000);
    expect(a.clientTenantsTotal).toBe(5000);
    const counts = a.clientTenantKinds;
    expect(Object.values(counts).reduce((x, y) => x + (y ?? 0), 0)).toBe(5000);
    for (const kind of coverageKinds) expect(counts[kind], kind).toBeGreaterThan(0);
    expect(counts.gdapFull ?? 0).toBeGreaterThan(2300);
    expect(counts.gdapFull ?? 0).toBeLessThan(3100);
    expect(counts.deletedTenant ?? 0).toBeGreaterThan(10);
    expect(info(5000).clientTenants.map((t) => t.tenantId)).toEqual(a.clientTenants.map((t) => t.tenantId));
    expect(info(5000, 'other').clientTenants[30]?.tenantId).not.toBe(a.clientTenants[30]?.tenantId);
  });

  it('relationship dates follow Graph: endDateTime = activatedDateTime + duration; none before activation', () => {
    const plan = buildScenarioPlan('dates', 500, now);
    for (const rel of plan.gdapRelationships) {
      if (['approvalPending', 'activating', 'created', 'approved'].includes(rel.status)) {
        expect(rel.activatedDateTime, rel.status).toBeNull();
        expect(rel.endDateTime, rel.status).toBeNull();
      } else {
        expect(Date.parse(rel.endDateTime ?? '') - Date.parse(rel.activatedDateTime ?? ''), rel.status).toBeLessThanOrEqual(730 * dayMs + 1);
      }
      if (rel.status === 'active') expect(Date.parse(rel.endDateTime ?? '')).toBeGreaterThan(now);
      if (rel.status === 'expired' || rel.status === 'expiring' || rel.status === 'terminated') expect(Date.parse(rel.endDateTime ?? '')).toBeLessThan(now);
    }
  });
});
