import { CONSENT_CONCURRENCY_CHOICES, DEFAULT_CONSENT_CONCURRENCY } from '../../../../shared/domain/tenants-in-progress';

const KEY = 'entra-onboard.consent-concurrency';

/** The admin's last choice of requests at once for a consent run, kept on this computer; the default when none. */
export function keptRunConcurrency(): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(KEY));
    return (CONSENT_CONCURRENCY_CHOICES as readonly number[]).includes(value) ? value : DEFAULT_CONSENT_CONCURRENCY;
  } catch {
    // Storage refused (a locked-down profile): the default, every time.
    return DEFAULT_CONSENT_CONCURRENCY;
  }
}

export function keepRunConcurrency(value: number): void {
  try {
    globalThis.localStorage?.setItem(KEY, String(value));
  } catch {
    // Not kept; the choice still applies to this run.
  }
}
