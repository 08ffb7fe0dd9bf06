import type { ExpiryBand, SecretEntry } from '../../../../shared/domain/secrets';

/** A band in the admin's words, and the colour of its badge. */
export const bandWords: Record<ExpiryBand, { label: string; color: 'success' | 'informative' | 'warning' | 'danger' | 'severe' }> = {
  ok: { label: 'Valid', color: 'success' },
  d60: { label: 'Expires within 60 days', color: 'informative' },
  d30: { label: 'Expires within 30 days', color: 'warning' },
  d7: { label: 'Expires within 7 days', color: 'severe' },
  expired: { label: 'Expired', color: 'danger' },
};

export function expiresText(entry: SecretEntry): string {
  const date = entry.endDateTime.slice(0, 10);
  if (entry.daysLeft < 0) return `${date} (expired ${-entry.daysLeft} day${entry.daysLeft === -1 ? '' : 's'} ago)`;
  if (entry.daysLeft === 0) return `${date} (today)`;
  return `${date} (in ${entry.daysLeft} day${entry.daysLeft === 1 ? '' : 's'})`;
}

export const appWords = (role: SecretEntry['role']) => (role === 'main' ? 'Platform app' : 'Partner Center app');

/** The secrets that need the admin now: within 30 days or expired (the 60-day band is a heads-up only). */
export function urgent(entries: readonly SecretEntry[]): SecretEntry[] {
  return entries.filter((e) => e.band === 'd30' || e.band === 'd7' || e.band === 'expired');
}
