import { join } from 'node:path';
import { publicCloud, type CloudProfile } from '../../src/main/core/clouds/cloud-profile';
import { createCore, type Core, type CoreOptions } from '../../src/main/core/create-core';
import { ConfSettingsStore } from '../../src/main/core/settings/conf-settings-store';
import { AesGcmCipher, loadWebHostVaultKey } from '../../src/main/core/vault/aes-gcm-cipher';
import { EncryptedFileVault } from '../../src/main/core/vault/encrypted-file-vault';

/** The web host's composition, in-process, on a data folder of the test's choosing. */
export function startTestCore(
  dataDir: string,
  cloud: CloudProfile = publicCloud,
  extra: Pick<CoreOptions, 'openUrl' | 'signInTimeoutMs'> = {},
): Core {
  return createCore({
    host: 'web',
    cloud,
    ...extra,
    dataDir,
    version: '0.0.0-test',
    settings: new ConfSettingsStore(dataDir),
    vault: new EncryptedFileVault(
      join(dataDir, 'vault.json'),
      new AesGcmCipher(loadWebHostVaultKey(join(dataDir, 'vault.key'), {})),
    ),
  });
}
