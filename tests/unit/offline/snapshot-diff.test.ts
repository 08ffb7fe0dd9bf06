import { describe, expect, it } from 'vitest';
import { emptySnapshot, type Snapshot } from '../../../src/main/core/offline/cached-state';
import { describeChanges } from '../../../src/main/core/offline/snapshot-diff';
import { stalenessOf } from '../../../src/shared/domain/staleness';

function snap(p: { tenants?: Record<string, string>; secrets?: Record<string, string | null>; apps?: Record<string, boolean> }): Snapshot {
  const s = emptySnapshot();
  for (const [k, v] of Object.entries(p.tenants ?? {})) s.tenants.set(k, v);
  for (const [k, v] of Object.entries(p.secrets ?? {})) s.secrets.set(k, v);
  for (const [k, v] of Object.entries(p.apps ?? {})) s.apps.set(k, v);
  return s;
}

describe('what changed since the cached snapshot', () => {
  it('nothing changed: no sentences', () => {
    const s = snap({ tenants: { 'w/a': 'consented' }, secrets: { 'w/k': '2027-01-01T00:00:00Z' }, apps: { 'w/main': true } });
    expect(describeChanges(s, s)).toEqual([]);
  });

  it('counts tenants that changed status, by their new status, and new ones', () => {
    const before = snap({ tenants: { 'w/a': 'notStarted', 'w/b': 'notStarted', 'w/c': 'consented', 'w/d': 'failed' } });
    const after = snap({ tenants: { 'w/a': 'consented', 'w/b': 'consented', 'w/c': 'accessNeeded', 'w/d': 'failed', 'w/e': 'notStarted' } });
    expect(describeChanges(before, after)).toEqual(['3 tenants changed status (2 now consented, 1 now needing access)', '1 tenant was newly found']);
  });

  it('secrets that now expire sooner, are gone from Entra or were added elsewhere; apps that are gone', () => {
    const before = snap({
      secrets: { 'w/k1': '2027-06-01T00:00:00Z', 'w/k2': '2027-06-01T00:00:00Z', 'w/k3': '2027-06-01T00:00:00Z' },
      apps: { 'w/main': true, 'v/main': true },
    });
    const after = snap({
      secrets: { 'w/k1': '2027-01-01T00:00:00Z', 'w/k2': null, 'w/k3': '2027-06-01T00:00:00Z', 'w/k4': '2028-01-01T00:00:00Z' },
      apps: { 'w/main': true, 'v/main': false },
    });
    expect(describeChanges(before, after)).toEqual([
      '1 secret now expires sooner',
      '1 secret is no longer in Entra',
      '1 secret was added outside Entra Onboard',
      '1 app registration is no longer in Entra',
    ]);
  });
});

describe('staleness', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('fresh under 24 hours, stale up to 7 days, old beyond', () => {
    expect(stalenessOf('2026-12-01T00:00:01Z', now)).toBe('fresh');
    expect(stalenessOf('2026-11-30T12:00:00Z', now)).toBe('stale');
    expect(stalenessOf('2026-11-24T12:00:01Z', now)).toBe('stale');
    expect(stalenessOf('2026-11-24T12:00:00Z', now)).toBe('old');
  });
});
