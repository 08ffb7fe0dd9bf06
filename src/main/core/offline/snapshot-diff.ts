import type { Snapshot } from './cached-state';

const statusWords: Record<string, string> = {
  notStarted: 'not started',
  consented: 'consented',
  partiallyConsented: 'partly consented',
  accessNeeded: 'needing access',
  failed: 'failed',
  tenantNotFound: 'no longer found',
  excluded: 'excluded',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What changed between the cached snapshot and the one after a refresh, in sentences an admin reads
 * at a glance: "3 tenants changed status (2 now consented, 1 now needing access)", "1 secret now
 * expires sooner". Pure: the same two snapshots always give the same sentences.
 */
export function describeChanges(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  const byKind = new Map<string, number>();
  let changed = 0;
  let added = 0;
  for (const [key, kind] of after.tenants) {
    const was = before.tenants.get(key);
    if (was === undefined) added++;
    else if (was !== kind) {
      changed++;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
  }
  if (changed > 0) {
    const parts = [...byKind.entries()].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} now ${statusWords[kind] ?? kind}`);
    out.push(`${plural(changed, 'tenant', 'tenants')} changed status (${parts.join(', ')})`);
  }
  if (added > 0) out.push(`${plural(added, 'tenant was', 'tenants were')} newly found`);

  let sooner = 0;
  let later = 0;
  let gone = 0;
  for (const [key, end] of before.secrets) {
    if (end === null || !after.secrets.has(key)) continue;
    const now = after.secrets.get(key) ?? null;
    if (now === null) gone++;
    else if (Date.parse(now) < Date.parse(end)) sooner++;
    else if (Date.parse(now) > Date.parse(end)) later++;
  }
  if (sooner > 0) out.push(`${plural(sooner, 'secret now expires', 'secrets now expire')} sooner`);
  if (later > 0) out.push(`${plural(later, 'secret now expires', 'secrets now expire')} later`);
  if (gone > 0) out.push(`${plural(gone, 'secret is', 'secrets are')} no longer in Entra`);
  const newSecrets = [...after.secrets.keys()].filter((k) => !before.secrets.has(k) && after.secrets.get(k) !== null).length;
  if (newSecrets > 0) out.push(`${plural(newSecrets, 'secret was', 'secrets were')} added outside Entra Onboard`);

  const appsGone = [...after.apps].filter(([key, exists]) => !exists && before.apps.get(key) === true).length;
  if (appsGone > 0) out.push(`${plural(appsGone, 'app registration is', 'app registrations are')} no longer in Entra`);
  return out;
}
