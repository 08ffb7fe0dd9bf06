import type { SecretEntry } from '../../../src/shared/domain/secrets';
import { daysLeft, expiryBand } from '../../../src/main/core/secrets/expiry-band';

export function secretEntry(now: Date, over: Partial<SecretEntry> & { endDateTime: string }): SecretEntry {
  return {
    workspaceId: 'ws-1',
    workspaceName: 'Contoso – Clment',
    platformId: 'clment',
    role: 'main',
    appId: '11111111-2222-3333-4444-555555555555',
    keyId: 'aaaaaaaa-0000-0000-0000-000000000001',
    hint: 'Abc',
    startDateTime: '2026-01-01T00:00:00Z',
    inVault: true,
    ...over,
    daysLeft: daysLeft(over.endDateTime, now),
    band: expiryBand(over.endDateTime, now),
  };
}
