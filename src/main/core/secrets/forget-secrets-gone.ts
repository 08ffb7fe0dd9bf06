import type { GraphApplication } from '../graph/ops/graph-types';
import type { AppRole } from '../onboarding/desired-app';
import type { ManagedAppRepository } from '../onboarding/managed-app-repository';
import type { Vault } from '../vault/vault';

/**
 * A secret we hold whose keyId Microsoft no longer lists on the app (removed in the Entra admin center, or
 * expired and cleaned up) can never sign anyone in again: its value leaves the vault and its row SQLite.
 * Only what a successful read of the app shows as gone is forgotten. Returns the hints forgotten.
 */
export async function forgetSecretsGoneFromEntra(
  apps: ManagedAppRepository,
  vault: Vault,
  workspaceId: string,
  role: AppRole,
  live: Pick<GraphApplication, 'passwordCredentials'>,
): Promise<string[]> {
  const onApp = new Set(live.passwordCredentials.map((p) => p.keyId));
  const gone = apps.secrets(workspaceId, role).filter((s) => !onApp.has(s.keyId));
  for (const secret of gone) {
    await vault.delete(secret.vaultRef);
    apps.removeSecret(workspaceId, role, secret.keyId);
  }
  return gone.map((s) => s.hint);
}
