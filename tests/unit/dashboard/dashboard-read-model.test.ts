import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardReadModel } from '../../../src/main/core/dashboard/dashboard-read-model';
import { NOW, alphaDental, epsilon, seededDashboardDb } from './dashboard-fixture';

let db: Database;
let model: DashboardReadModel;
beforeEach(() => {
  db = seededDashboardDb();
  model = new DashboardReadModel(db, () => NOW);
});
afterEach(() => db.close());

describe('the dashboard read model: counts', () => {
  it('counts every tenant of every workspace per status (an excluded tenant counts as excluded) and per platform', () => {
    const s = model.summary();
    expect(s.total).toBe(10);
    expect(s.workspaces).toBe(3);
    expect(s.counts).toEqual({ notStarted: 1, consented: 2, partiallyConsented: 1, accessNeeded: 2, failed: 2, tenantNotFound: 1, excluded: 1 });
    expect(s.byPlatform.map((p) => [p.platformId, p.total])).toEqual([
      ['clientone', 7],
      ['bvoip-partner-portal', 3],
    ]);
    expect(s.byPlatform[1]!.counts).toMatchObject({ consented: 1, tenantNotFound: 1, accessNeeded: 1, failed: 0 });
    expect(s.oldestAsOf).toBe('2026-11-01T00:00:00.000Z');
  });

  it('aggregates secrets per month of expiry, with the expired ones first', () => {
    const { secrets } = model.summary();
    expect(secrets).toMatchObject({ total: 5, expired: 2, within30Days: 1 });
    const byPeriod = Object.fromEntries(secrets.timeline.map((b) => [b.period, b.count]));
    expect(byPeriod).toMatchObject({ expired: 2, '2026-12': 1, '2027-01': 0, '2027-03': 1, '2027-06': 1, later: 0 });
    expect(secrets.timeline).toHaveLength(14);
    expect(secrets.timeline[1]).toEqual({ period: '2026-12', label: 'Dec 2026', count: 1 });
  });

  it('narrows counts and secrets to what a filter matches (one client across its workspaces)', () => {
    const s = model.summary({ tenantId: alphaDental.toUpperCase() });
    expect(s.total).toBe(2);
    expect(s.workspaces).toBe(2);
    expect(s.counts).toMatchObject({ consented: 1, accessNeeded: 1 });
    expect(s.secrets.total).toBe(4);
    expect(model.summary({ platforms: ['sonicsaas'] })).toMatchObject({ total: 0, workspaces: 1, secrets: { total: 1, expired: 1 } });
  });
});

describe('the dashboard read model: attention', () => {
  it('orders by severity, then age, and says why', () => {
    const a = model.attention();
    expect(a.total).toBe(8);
    expect(a.items.map((i) => [i.kind, i.title])).toEqual([
      ['secretExpired', 'App secret (abc…)'],
      ['failed', 'Gamma Clinic'],
      ['failed', 'Beta Legal'],
      ['tenantNotFound', 'Theta'],
      ['secretExpiring', 'App secret (abc…)'],
      ['accessNeeded', 'Alpha Dental'],
      ['accessNeeded', 'Delta Bakery'],
      ['partiallyConsented', 'Epsilon 100% Legal'],
    ]);
    expect(a.items[0]).toMatchObject({ workspaceId: 'w3', tenantId: null, since: '2026-11-28T00:00:00Z' });
    expect(a.items[0]!.why).toContain('expired on 2026-11-28');
    expect(a.items[4]!.why).toContain('expires on 2026-12-10 (in 9 days)');
    expect(a.items[5]).toMatchObject({ workspaceName: 'Fabrikam – bvoip', tenantId: alphaDental });
    expect(a.items[5]!.why).toContain('Missing GDAP roles: Cloud Application Administrator');
    expect(a.items[1]!.why).toBe('Microsoft Graph answered 500 for the service principal.');
    const partial = a.items.find((i) => i.tenantId === epsilon)!;
    expect(partial.why).toBe('Missing: Microsoft Graph User.Read.All (application).');
    expect(a.items.map((i) => i.severity)).toEqual([...a.items.map((i) => i.severity)].sort((x, y) => x - y));
  });

  it('leaves out excluded tenants and a rotated secret, and pages with a total', () => {
    const a = model.attention({ limit: 3 });
    expect(a.total).toBe(8);
    expect(a.items).toHaveLength(3);
    const all = model.attention({ limit: 100 }).items;
    expect(all.some((i) => i.title === 'Eta')).toBe(false);
    expect(all.filter((i) => i.workspaceId === 'w1' && i.tenantId === null)).toEqual([]);
  });
});

describe('the dashboard read model: list, search and filters', () => {
  const names = (r: { rows: { name: string | null }[] }) => r.rows.map((x) => x.name);

  it('lists every tenant across workspaces by name, paged', () => {
    const all = model.list();
    expect(all.total).toBe(10);
    expect(names(all)).toEqual(['Alpha Dental', 'Alpha Dental', 'Alpha Logistics', 'Beta Legal', 'Delta Bakery', 'Epsilon 100% Legal', 'Eta', 'Gamma Clinic', 'Theta', 'Zeta']);
    expect(all.rows[0]).toMatchObject({ workspaceName: 'Contoso – PanelOne', status: 'consented', platformId: 'clientone' });
    const page = model.list({ offset: 8, limit: 5 });
    expect(page.total).toBe(10);
    expect(names(page)).toEqual(['Theta', 'Zeta']);
  });

  it('searches name, domain and tenant ID, case-insensitively, with LIKE wildcards taken literally', () => {
    expect(names(model.list({ filter: { text: 'ALPHA' } }))).toEqual(['Alpha Dental', 'Alpha Dental', 'Alpha Logistics']);
    expect(names(model.list({ filter: { text: 'deltabakery.example' } }))).toEqual(['Delta Bakery']);
    expect(model.list({ filter: { text: epsilon.slice(0, 13) } }).rows.map((r) => r.tenantId)).toEqual([epsilon]);
    expect(names(model.list({ filter: { text: '100%' } }))).toEqual(['Epsilon 100% Legal']);
    expect(model.list({ filter: { text: '_' } }).total).toBe(0);
  });

  it('filters by status (excluded is the admin’s choice), platform and workspace, and combines them', () => {
    expect(names(model.list({ filter: { statuses: ['failed'] } }))).toEqual(['Beta Legal', 'Gamma Clinic']);
    expect(names(model.list({ filter: { statuses: ['excluded'] } }))).toEqual(['Eta']);
    expect(model.list({ filter: { platforms: ['bvoip-partner-portal'] } }).total).toBe(3);
    expect(model.list({ filter: { workspaceIds: ['w3'] } }).total).toBe(0);
    expect(names(model.list({ filter: { workspaceIds: ['w2'], statuses: ['accessNeeded'], text: 'alpha' } }))).toEqual(['Alpha Dental']);
    expect(model.list({ filter: { statuses: [] } }).total).toBe(0);
  });

  it('sorts by status with the most urgent first, by workspace and by age', () => {
    expect(model.list({ sort: 'status' }).rows.map((r) => r.status)).toEqual([
      'failed',
      'failed',
      'tenantNotFound',
      'accessNeeded',
      'accessNeeded',
      'partiallyConsented',
      'notStarted',
      'consented',
      'consented',
      'excluded',
    ]);
    expect(model.list({ sort: 'workspace' }).rows.map((r) => r.workspaceId)).toEqual(['w1', 'w1', 'w1', 'w1', 'w1', 'w1', 'w1', 'w2', 'w2', 'w2']);
    expect(model.list({ sort: 'asOf' }).rows.slice(0, 2).map((r) => r.name)).toEqual(['Zeta', 'Eta']);
  });

  it('gives each row its reason', () => {
    const rows = model.list({ filter: { text: 'eta' } }).rows;
    expect(rows.find((r) => r.name === 'Eta')!.reason).toBe('Excluded by the admin: runs skip it.');
    expect(rows.find((r) => r.name === 'Theta')!.reason).toBe('No tenant answers for this ID.');
    expect(rows.find((r) => r.name === 'Beta Legal')!.reason).toContain('answered 500');
  });
});
