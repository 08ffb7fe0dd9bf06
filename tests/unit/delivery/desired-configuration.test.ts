import { describe, expect, it } from 'vitest';
import { configurationInput, describeChanges, readBackMismatches, type DeliverableConfiguration } from '../../../src/main/core/platforms/delivery/desired-configuration';
import type { SsoConfiguration } from '../../../src/main/core/platforms/delivery/platform-api-types';

const desired: DeliverableConfiguration = {
  tenantId: 'tenant-1',
  clientId: 'client-1',
  secret: { value: 'abcSECRET', hint: 'abc', expiresAt: '2028-01-01T00:00:00.000Z' },
  partnerCenter: null,
  origin: null,
  enabled: true,
  authMode: null,
};

const current = (over: Partial<SsoConfiguration> = {}): SsoConfiguration => ({
  tenantId: 'tenant-1',
  clientId: 'client-1',
  clientSecret: { set: true, hint: 'abc', expiresAt: '2028-01-01T00:00:00Z' },
  partnerCenter: null,
  origin: null,
  enabled: true,
  authMode: null,
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
  ...over,
});

describe('what a push sends and shows', () => {
  it('sends everything, the secret included, to a platform with no configuration', () => {
    expect(describeChanges(undefined, desired).map((c) => c.field)).toEqual(['Tenant ID', 'Client ID', 'Client secret', 'Enabled']);
    expect(configurationInput(undefined, desired)).toMatchObject({ clientSecret: 'abcSECRET', clientSecretExpiresAt: '2028-01-01T00:00:00.000Z' });
  });

  it('does not send a secret the platform already holds (same hint and expiry)', () => {
    expect(describeChanges(current(), desired)).toEqual([]);
    expect(configurationInput(current(), desired)).not.toHaveProperty('clientSecret');
  });

  it('sends a new secret when the platform holds another one, showing hints only', () => {
    const changes = describeChanges(current({ clientSecret: { set: true, hint: 'xyz', expiresAt: null } }), desired);
    expect(changes).toEqual([{ field: 'Client secret', from: 'secret xyz…', to: 'secret abc…' }]);
    expect(JSON.stringify(changes)).not.toContain('abcSECRET');
  });

  it('sends the secret again when the platform has another client ID: a secret belongs to one app', () => {
    const stale = current({ clientId: 'old-client' });
    expect(describeChanges(stale, desired).map((c) => c.field)).toEqual(['Client ID', 'Client secret']);
    expect(configurationInput(stale, desired)).toMatchObject({ clientId: 'client-1', clientSecret: 'abcSECRET' });
  });

  it('reads back: a mismatch is named field by field', () => {
    expect(readBackMismatches(current(), desired)).toEqual([]);
    expect(readBackMismatches(current({ clientId: 'other' }), desired)).toEqual([
      'Client ID: the platform has other, expected client-1',
      'Client secret: the platform has secret abc… (of the previous client ID), expected secret abc…',
    ]);
    expect(readBackMismatches(undefined, desired)).toEqual(['The platform reports no configuration after the push.']);
  });
});
