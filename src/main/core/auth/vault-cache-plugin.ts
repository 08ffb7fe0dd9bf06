import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Vault } from '../vault/vault';

/**
 * MSAL's token cache, persisted only through the vault (encrypted), never as a file of its own.
 * One vault entry per cloud and client ID holds every account signed in with that client.
 */
export function vaultCachePlugin(vault: Vault, ref: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const data = await vault.get(ref);
      if (data) context.tokenCache.deserialize(data);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (context.cacheHasChanged) await vault.put(ref, context.tokenCache.serialize());
    },
  };
}
