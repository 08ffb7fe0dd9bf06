import type { ActivityEntry, ActivityVerification } from '../../../../shared/domain/activity';

export const serviceLabels: Record<ActivityEntry['service'], string> = {
  graph: 'Microsoft Entra',
  partnerCenter: 'Partner Center',
  platform: 'Platform',
  console: 'Entra Onboard',
};

/** An entry's time in the admin's locale, with the UTC instant in the title for support. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** What the Verify button found, in words an admin can act on. */
export function verificationText(v: ActivityVerification): { intent: 'success' | 'error'; title: string; body: string } {
  if (v.intact) {
    return {
      intent: 'success',
      title: `The log is intact: ${v.entries} ${v.entries === 1 ? 'entry' : 'entries'} checked.`,
      body: 'Every entry still matches the fingerprint it was written with, and each links to the one before it.',
    };
  }
  const b = v.broken!;
  const when = formatTime(b.at);
  return {
    intent: 'error',
    title:
      b.reason === 'changed'
        ? `Entry #${b.id} (${when}) has been changed since it was written.`
        : `The entry before #${b.id} (${when}) has been removed or changed.`,
    body: `It now reads “${b.what}”. Entries from here on cannot be trusted as written. Compare with an earlier CSV export or a backup of the data folder, and find out who had access to this computer.`,
  };
}
