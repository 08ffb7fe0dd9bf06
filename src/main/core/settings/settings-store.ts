import { z } from 'zod';
import { updateChannels } from '../updates/update-channel';

/** Non-secret preferences. Secrets never go here: they go to the Vault. */
export const settingsSchema = z.object({
  /**
   * On Linux without a keyring, Electron's safeStorage falls back to a hard-coded key
   * ("basic_text"). The vault refuses that unless the admin has accepted the risk here.
   */
  allowInsecureVault: z.boolean(),
  /** The public client the console signs in with; null means Microsoft Graph Command Line Tools. */
  publicClientId: z.string().nullable(),
  /** Desktop updates: stable releases only, or betas too (Help > Update Channel). */
  updateChannel: z.enum(updateChannels),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  allowInsecureVault: false,
  publicClientId: null,
  updateChannel: 'stable',
};

/** Implemented with conf in both hosts (ConfSettingsStore). */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}
