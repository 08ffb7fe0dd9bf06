/**
 * How old cached data may be before the console says so. An MSP reviews its tenants weekly, and a
 * client's consent, GDAP relationship or Conditional Access can change on any working day:
 * - fresh: read in the last 24 hours, as current as an admin expects of "today's" view;
 * - stale: 1 to 7 days old, still this week's picture, but worth a refresh before acting on it;
 * - old: more than 7 days, older than the weekly review: refresh before trusting it.
 */
export const FRESH_FOR_HOURS = 24;
export const STALE_FOR_DAYS = 7;

export type Staleness = 'fresh' | 'stale' | 'old';

export function stalenessOf(asOf: string | Date, now: Date = new Date()): Staleness {
  const ageMs = now.getTime() - new Date(asOf).getTime();
  if (ageMs < FRESH_FOR_HOURS * 3_600_000) return 'fresh';
  if (ageMs < STALE_FOR_DAYS * 86_400_000) return 'stale';
  return 'old';
}

export const stalenessExplained =
  `Fresh: read from Microsoft in the last ${FRESH_FOR_HOURS} hours. Stale: 1 to ${STALE_FOR_DAYS} days old; refresh before acting on it. ` +
  `Old: more than ${STALE_FOR_DAYS} days, older than a weekly review.`;
