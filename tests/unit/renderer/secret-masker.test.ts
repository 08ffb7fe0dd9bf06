import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SECRET_REVEAL_MS, SecretMasker } from '../../../src/renderer/src/features/wizard/secret-masker';

describe('a revealed secret is masked again after a short time', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the value, then forgets it once the time is up', () => {
    let shown: Record<string, string> = {};
    const masker = new SecretMasker((r) => (shown = r));
    masker.reveal('clientSecret', 'abc~secret');
    expect(shown).toEqual({ clientSecret: 'abc~secret' });
    vi.advanceTimersByTime(SECRET_REVEAL_MS - 1);
    expect(shown).toEqual({ clientSecret: 'abc~secret' });
    vi.advanceTimersByTime(1);
    expect(shown).toEqual({});
    expect(SECRET_REVEAL_MS).toBeLessThanOrEqual(60_000);
  });

  it('counts from the latest reveal, per secret, and leaves no timer after dispose', () => {
    let shown: Record<string, string> = {};
    const masker = new SecretMasker((r) => (shown = r), 1000);
    masker.reveal('a', '1');
    vi.advanceTimersByTime(600);
    masker.reveal('b', '2');
    vi.advanceTimersByTime(400);
    expect(shown).toEqual({ b: '2' });
    masker.reveal('b', '2');
    vi.advanceTimersByTime(700);
    expect(shown).toEqual({ b: '2' });
    vi.advanceTimersByTime(300);
    expect(shown).toEqual({});
    masker.reveal('c', '3');
    masker.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
