import type { ExpiryBand } from '../../../shared/domain/secrets';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The warning bands, nearest last: a secret is in the tightest band whose window it has entered. */
export const warningBands = [
  { band: 'd60', days: 60 },
  { band: 'd30', days: 30 },
  { band: 'd7', days: 7 },
] as const satisfies readonly { band: ExpiryBand; days: number }[];

/** Severity order, for "has it moved to a worse band" and for sorting. */
export const bandRank: Record<ExpiryBand, number> = { ok: 0, d60: 1, d30: 2, d7: 3, expired: 4 };

/** Whole days left until `endDateTime` (rounded down; negative once it has passed). */
export function daysLeft(endDateTime: string, now: Date): number {
  return Math.floor((Date.parse(endDateTime) - now.getTime()) / DAY_MS);
}

/**
 * The band a secret is in at `now`. Entra refuses an expired secret from its endDateTime on (AADSTS7000222,
 * facts §10.1), so the end instant itself counts as expired; "within 7 days" includes exactly 7 days left.
 */
export function expiryBand(endDateTime: string, now: Date): ExpiryBand {
  const left = Date.parse(endDateTime) - now.getTime();
  if (Number.isNaN(left)) throw new Error(`Not a date: ${endDateTime}`);
  if (left <= 0) return 'expired';
  for (const { band, days } of [...warningBands].reverse()) if (left <= days * DAY_MS) return band;
  return 'ok';
}

/** When a secret enters a band: the reminder's moment in the calendar export. */
export function bandStart(endDateTime: string, band: Exclude<ExpiryBand, 'ok'>): Date {
  const end = Date.parse(endDateTime);
  if (band === 'expired') return new Date(end);
  const days = warningBands.find((b) => b.band === band)!.days;
  return new Date(end - days * DAY_MS);
}
