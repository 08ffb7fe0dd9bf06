import { describe, expect, it } from 'vitest';
import { bandStart, daysLeft, expiryBand } from '../../../src/main/core/secrets/expiry-band';

const now = new Date('2027-01-01T12:00:00Z');
const inDays = (d: number, ms = 0) => new Date(now.getTime() + d * 86_400_000 + ms).toISOString();

describe('expiry bands', () => {
  it('are decided by the injected clock at each threshold and one millisecond past it', () => {
    expect(expiryBand(inDays(61), now)).toBe('ok');
    expect(expiryBand(inDays(60, 1), now)).toBe('ok');
    expect(expiryBand(inDays(60), now)).toBe('d60');
    expect(expiryBand(inDays(30, 1), now)).toBe('d60');
    expect(expiryBand(inDays(30), now)).toBe('d30');
    expect(expiryBand(inDays(7, 1), now)).toBe('d30');
    expect(expiryBand(inDays(7), now)).toBe('d7');
    expect(expiryBand(inDays(0, 1), now)).toBe('d7');
    expect(expiryBand(inDays(0), now)).toBe('expired');
    expect(expiryBand(inDays(-400), now)).toBe('expired');
  });

  it('move as the clock moves, not with the wall clock', () => {
    const end = '2027-03-01T00:00:00Z';
    expect(expiryBand(end, new Date('2026-12-01T00:00:00Z'))).toBe('ok');
    expect(expiryBand(end, new Date('2027-01-15T00:00:00Z'))).toBe('d60');
    expect(expiryBand(end, new Date('2027-02-10T00:00:00Z'))).toBe('d30');
    expect(expiryBand(end, new Date('2027-02-25T00:00:00Z'))).toBe('d7');
    expect(expiryBand(end, new Date('2027-03-01T00:00:00Z'))).toBe('expired');
  });

  it('count whole days left, negative once expired', () => {
    expect(daysLeft(inDays(30), now)).toBe(30);
    expect(daysLeft(inDays(29, 3_600_000), now)).toBe(29);
    expect(daysLeft(inDays(-1), now)).toBe(-1);
  });

  it('say when a secret enters each band', () => {
    expect(bandStart('2027-03-01T00:00:00Z', 'd60').toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(bandStart('2027-03-01T00:00:00Z', 'd7').toISOString()).toBe('2027-02-22T00:00:00.000Z');
    expect(bandStart('2027-03-01T00:00:00Z', 'expired').toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('refuse an end date that is not a date', () => {
    expect(() => expiryBand('soon', now)).toThrow(/Not a date/);
  });
});
