import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { seedDashboard, seededTenantId, type SeedTenant } from '../../helpers/seed-dashboard';

export const NOW = new Date('2026-12-01T12:00:00.000Z');

const t = (i: number, name: string, kind: SeedTenant['kind'], asOf: string, included = true): SeedTenant => ({
  i,
  name,
  domain: `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example.com`,
  kind,
  asOf,
  included,
});

/**
 * Three workspaces on two platforms (one with no tenants), a tenant listed in two workspaces, every status,
 * an excluded tenant whose last read failed, and secrets expired, rotated, expiring and valid.
 */
export function seededDashboardDb(): Database {
  const db = openDatabase(':memory:');
  seedDashboard(db, {
    workspaces: [
      { id: 'w1', name: 'Contoso – PanelOne', platformId: 'clientone' },
      { id: 'w2', name: 'Fabrikam – bvoip', platformId: 'bvoip-partner-portal' },
      { id: 'w3', name: 'Empty – SonicSaaS', platformId: 'sonicsaas' },
    ],
    tenants: (wi) =>
      [
        [
          t(1, 'Alpha Dental', 'consented', '2026-11-20T00:00:00.000Z'),
          t(2, 'Beta Legal', 'failed', '2026-11-25T00:00:00.000Z'),
          t(3, 'Gamma Clinic', 'failed', '2026-11-10T00:00:00.000Z'),
          t(4, 'Delta Bakery', 'accessNeeded', '2026-11-15T00:00:00.000Z'),
          t(5, 'Epsilon 100% Legal', 'partiallyConsented', '2026-11-18T00:00:00.000Z'),
          t(6, 'Zeta', null, ''),
          t(7, 'Eta', 'failed', '2026-11-01T00:00:00.000Z', false),
        ],
        [
          t(8, 'Alpha Logistics', 'consented', '2026-11-21T00:00:00.000Z'),
          t(9, 'Theta', 'tenantNotFound', '2026-11-12T00:00:00.000Z'),
          t(1, 'Alpha Dental', 'accessNeeded', '2026-11-05T00:00:00.000Z'),
        ],
        [],
      ][wi]!,
    secrets: [
      // w1 rotated: the old secret ended, the new one is valid; only the newest counts for attention.
      { workspaceId: 'w1', role: 'main', keyId: 'k1', endDateTime: '2026-11-30T00:00:00Z' },
      { workspaceId: 'w1', role: 'main', keyId: 'k2', endDateTime: '2027-06-01T00:00:00Z' },
      { workspaceId: 'w2', role: 'main', keyId: 'k3', endDateTime: '2026-12-10T00:00:00Z' },
      { workspaceId: 'w2', role: 'partnerCenter', keyId: 'k5', endDateTime: '2027-03-15T00:00:00Z' },
      { workspaceId: 'w3', role: 'main', keyId: 'k4', endDateTime: '2026-11-28T00:00:00Z' },
    ],
  });
  return db;
}

export const alphaDental = seededTenantId(1);
export const epsilon = seededTenantId(5);
