import type { Database } from 'better-sqlite3';
import type { SecretEntry } from '../../../shared/domain/secrets';
import type { Vault } from '../vault/vault';
import { bandRank, daysLeft, expiryBand } from './expiry-band';

interface Row {
  workspace_id: string;
  workspace_name: string;
  platform_id: string;
  role: 'main' | 'partnerCenter';
  app_id: string | null;
  key_id: string;
  hint: string;
  start_date_time: string;
  end_date_time: string;
  vault_ref: string;
}

/**
 * Every client secret every workspace holds, with its band at `now`, most urgent first. Metadata from
 * SQLite (app_secrets); the vault is asked only which references it has, never for a value.
 */
export async function readSecretInventory(db: Database, vault: Vault, now: Date): Promise<SecretEntry[]> {
  const rows = db
    .prepare<[], Row>(
      `SELECT s.workspace_id, w.name AS workspace_name, w.platform_id, s.role, a.app_id, s.key_id, s.hint,
              s.start_date_time, s.end_date_time, s.vault_ref
         FROM app_secrets s
         JOIN workspaces w ON w.id = s.workspace_id
         LEFT JOIN managed_apps a ON a.workspace_id = s.workspace_id AND a.role = s.role`,
    )
    .all();
  const held = new Set(await vault.refs());
  return rows
    .map(
      (r): SecretEntry => ({
        workspaceId: r.workspace_id,
        workspaceName: r.workspace_name,
        platformId: r.platform_id,
        role: r.role,
        appId: r.app_id,
        keyId: r.key_id,
        hint: r.hint,
        startDateTime: r.start_date_time,
        endDateTime: r.end_date_time,
        daysLeft: daysLeft(r.end_date_time, now),
        band: expiryBand(r.end_date_time, now),
        inVault: held.has(r.vault_ref),
      }),
    )
    .sort((a, b) => bandRank[b.band] - bandRank[a.band] || a.endDateTime.localeCompare(b.endDateTime) || a.workspaceName.localeCompare(b.workspaceName));
}
