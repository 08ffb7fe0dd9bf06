import type { Vault } from '../vault/vault';

/** Every vault reference a workspace owns starts with this (client secrets, the platform API token). */
export function workspaceVaultPrefix(workspaceId: string): string {
  return `workspace:${workspaceId}:`;
}

/**
 * Removes every secret a deleted workspace left in the vault. SQLite's rows go with the workspace
 * (ON DELETE CASCADE); the vault is a separate file, so its entries are removed by reference prefix.
 * Returns how many entries were removed.
 */
export async function forgetWorkspaceSecrets(vault: Pick<Vault, 'refs' | 'delete'>, workspaceId: string): Promise<number> {
  const prefix = workspaceVaultPrefix(workspaceId);
  const refs = (await vault.refs()).filter((ref) => ref.startsWith(prefix));
  for (const ref of refs) await vault.delete(ref);
  return refs.length;
}
