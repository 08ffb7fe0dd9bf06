import type { ExpiryBand, SecretEntry } from '../../../shared/domain/secrets';

export type WarningBand = Exclude<ExpiryBand, 'ok'>;

export interface SecretNotification {
  workspaceId: string;
  role: SecretEntry['role'];
  keyId: string;
  band: WarningBand;
  title: string;
  body: string;
}

const roleName = (role: SecretEntry['role']) => (role === 'main' ? 'client secret' : 'Partner Center app’s client secret');

/** The words of a desktop notification: which workspace, which secret, when, and what to do. */
export function notificationText(entry: SecretEntry): { title: string; body: string } {
  const when = entry.endDateTime.slice(0, 10);
  if (entry.band === 'expired') {
    return {
      title: `${entry.workspaceName}: client secret expired`,
      body: `The ${roleName(entry.role)} ${entry.hint}… expired on ${when}; sign-ins to the platform fail until it is rotated. Open Secrets in Entra Onboard to rotate it.`,
    };
  }
  const days = Math.max(entry.daysLeft, 0);
  return {
    title: `${entry.workspaceName}: client secret expires in ${days === 1 ? '1 day' : `${days} days`}`,
    body: `The ${roleName(entry.role)} ${entry.hint}… expires on ${when}. Open Secrets in Entra Onboard to rotate it before then.`,
  };
}

/** The key a shown notification is remembered by: one per secret and band. */
export const notificationKey = (n: { keyId: string; band: WarningBand }) => `${n.keyId}:${n.band}`;

/**
 * The notifications to show now: one per secret for the band it is in, unless that secret's notice for
 * that band was shown before. A secret first seen already 5 days from expiry gets the 7-day notice only,
 * not the 60- and 30-day ones it skipped; one that moves on to a tighter band is told again.
 */
export function dueNotifications(entries: readonly SecretEntry[], shown: ReadonlySet<string>): SecretNotification[] {
  const due: SecretNotification[] = [];
  for (const entry of entries) {
    if (entry.band === 'ok') continue;
    const band = entry.band;
    if (shown.has(notificationKey({ keyId: entry.keyId, band }))) continue;
    due.push({ workspaceId: entry.workspaceId, role: entry.role, keyId: entry.keyId, band, ...notificationText(entry) });
  }
  return due;
}

/** One desktop notification and the secret notices it stands for (all remembered as shown once it is). */
export interface DesktopNotice {
  title: string;
  body: string;
  covers: SecretNotification[];
}

/**
 * Groups what is due into what the desktop shows: up to `max` separate notices, or, with more due (the
 * first start after an upgrade, a long holiday), one summary so the admin is not buried under a stack.
 */
export function desktopNotices(due: readonly SecretNotification[], max = 3): DesktopNotice[] {
  if (due.length <= max) return due.map((n) => ({ title: n.title, body: n.body, covers: [n] }));
  const expired = due.filter((n) => n.band === 'expired').length;
  return [
    {
      title: `${due.length} client secrets need attention`,
      body: `${expired ? `${expired} expired, ` : ''}${due.length - expired} expiring soon, across ${new Set(due.map((n) => n.workspaceId)).size} workspaces. Open Secrets in Entra Onboard to see and rotate them.`,
      covers: [...due],
    },
  ];
}
