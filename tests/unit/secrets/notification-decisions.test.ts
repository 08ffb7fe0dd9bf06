import { describe, expect, it } from 'vitest';
import { desktopNotices, dueNotifications, notificationKey } from '../../../src/main/core/secrets/notification-decisions';
import { secretEntry } from './secret-fixtures';

const end = '2027-03-01T00:00:00Z';
const at = (iso: string) => new Date(iso);

describe('expiry notifications', () => {
  it('say nothing for a secret more than 60 days from expiry', () => {
    const now = at('2026-12-01T00:00:00Z');
    expect(dueNotifications([secretEntry(now, { endDateTime: end })], new Set())).toEqual([]);
  });

  it('are shown once per secret and band, and again when the secret enters a tighter band', () => {
    const shown = new Set<string>();
    const seen: string[] = [];
    // A daily check from 70 days before expiry to 3 days after.
    for (let t = Date.parse(end) - 70 * 86_400_000; t <= Date.parse(end) + 3 * 86_400_000; t += 86_400_000) {
      const now = new Date(t);
      for (const n of dueNotifications([secretEntry(now, { endDateTime: end })], shown)) {
        shown.add(notificationKey(n));
        seen.push(`${n.band}@${now.toISOString().slice(0, 10)}`);
      }
    }
    expect(seen).toEqual(['d60@2026-12-31', 'd30@2027-01-30', 'd7@2027-02-22', 'expired@2027-03-01']);
  });

  it('skip the bands a secret passed while the app was closed: only the current one is told', () => {
    const now = at('2027-02-26T00:00:00Z');
    const due = dueNotifications([secretEntry(now, { endDateTime: end })], new Set());
    expect(due.map((n) => n.band)).toEqual(['d7']);
    expect(due[0]!.title).toBe('Contoso – Clment: client secret expires in 3 days');
    expect(due[0]!.body).toContain('Abc…');
    expect(due[0]!.body).toContain('2027-03-01');
  });

  it('keep secrets apart: one secret’s notice does not silence another’s', () => {
    const now = at('2027-02-26T00:00:00Z');
    const a = secretEntry(now, { endDateTime: end, keyId: 'key-a' });
    const b = secretEntry(now, { endDateTime: end, keyId: 'key-b', workspaceName: 'Contoso – PanelOne' });
    const due = dueNotifications([a, b], new Set([notificationKey({ keyId: 'key-a', band: 'd7' })]));
    expect(due.map((n) => n.keyId)).toEqual(['key-b']);
  });

  it('word an expired secret as broken sign-ins', () => {
    const now = at('2027-03-02T00:00:00Z');
    const [n] = dueNotifications([secretEntry(now, { endDateTime: end })], new Set());
    expect(n!.title).toBe('Contoso – Clment: client secret expired');
    expect(n!.body).toContain('sign-ins to the platform fail');
  });

  it('show up to three notices separately and more as one summary that covers them all', () => {
    const now = at('2027-02-26T00:00:00Z');
    const entries = ['a', 'b', 'c', 'd'].map((k, i) => secretEntry(now, { endDateTime: i === 0 ? '2027-02-01T00:00:00Z' : end, keyId: `key-${k}`, workspaceId: `ws-${i % 2}` }));
    expect(desktopNotices(dueNotifications(entries.slice(0, 3), new Set())).map((n) => n.covers.length)).toEqual([1, 1, 1]);
    const [summary, ...rest] = desktopNotices(dueNotifications(entries, new Set()));
    expect(rest).toEqual([]);
    expect(summary!.title).toBe('4 client secrets need attention');
    expect(summary!.body).toBe('1 expired, 3 expiring soon, across 2 workspaces. Open Secrets in Entra Onboard to see and rotate them.');
    expect(summary!.covers.map((n) => n.keyId)).toEqual(['key-a', 'key-b', 'key-c', 'key-d']);
  });
});
