import { safeStorage } from 'electron';
import { ErrorCode } from '../../shared/error-codes';
import { AppError } from '../core/errors/app-error';
import type { SecretCipher } from '../core/vault/vault';
import type { SettingsStore } from '../core/settings/settings-store';

/**
 * The OS keychain through Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret or
 * kwallet on Linux). On Linux with no keyring, safeStorage silently falls back to a hard-coded key
 * ('basic_text'): we refuse that unless the admin has accepted the risk in settings.
 */
export class SafeStorageCipher implements SecretCipher {
  readonly name = 'electron-safe-storage';

  constructor(private readonly settings: SettingsStore) {}

  encrypt(plain: string): Buffer {
    this.assertUsable();
    return safeStorage.encryptString(plain);
  }

  decrypt(data: Buffer): string {
    this.assertUsable();
    return safeStorage.decryptString(data);
  }

  private assertUsable(): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError(ErrorCode.VaultUnavailable, 'The operating system keychain is not available.', {
        fix: 'Sign in to your desktop session (the keychain unlocks with it) and try again.',
      });
    }
    if (
      process.platform === 'linux' &&
      safeStorage.getSelectedStorageBackend() === 'basic_text' &&
      !this.settings.get('allowInsecureVault')
    ) {
      throw new AppError(
        ErrorCode.VaultUnavailable,
        'No keyring is running, so secrets could only be stored with a key that is the same on every computer.',
        {
          fix:
            'Install and unlock GNOME Keyring or KWallet and restart Entra Onboard. To accept the risk instead, quit the app and set "allowInsecureVault": true in settings.json in its data folder.',
        },
      );
    }
  }
}
