import type { DriftItem } from '../../../shared/domain/drift';
import type { GraphApplication } from '../graph/ops/graph-types';
import type { ManagedSecret } from '../onboarding/managed-app-repository';
import type { AppRole } from '../onboarding/desired-app';

const day = (iso: string) => iso.slice(0, 10);

/**
 * The secret the platform uses: the newest one setup stored (keyId in SQLite, value in the vault)
 * must still be on the app registration in Entra (same keyId) and not expired (facts §3).
 */
export function compareSecret(
  role: AppRole,
  appName: string,
  held: ManagedSecret | undefined,
  heldValueInVault: boolean,
  live: GraphApplication['passwordCredentials'],
  now: Date,
): DriftItem {
  const base = { key: `${role}:secret`, kind: 'secret' as const, title: `Client secret of “${appName}”` };
  const repair = 'Create a new client secret (kept in the vault); then hand it to the platform.';
  if (!held) {
    return { ...base, state: 'drifted', expected: 'A client secret held in this computer’s vault', actual: 'None held', repair };
  }
  const expected = `Secret ${held.hint}… (key ${held.keyId}) on the app, valid, with its value in the vault`;
  const onApp = live.find((p) => p.keyId === held.keyId);
  if (!onApp) {
    const others = live.length;
    return {
      ...base,
      state: 'drifted',
      expected,
      actual: `Removed from the app registration in Entra${others > 0 ? ` (it has ${others} other secret${others === 1 ? '' : 's'}, not held by this console)` : ''}`,
      repair,
    };
  }
  if (Date.parse(onApp.endDateTime) <= now.getTime()) {
    return { ...base, state: 'drifted', expected, actual: `Expired on ${day(onApp.endDateTime)}`, repair };
  }
  if (!heldValueInVault) {
    return { ...base, state: 'drifted', expected, actual: 'On the app, but its value is no longer in this computer’s vault', repair };
  }
  return { ...base, state: 'inSync', expected, actual: `On the app, valid until ${day(onApp.endDateTime)}` };
}
