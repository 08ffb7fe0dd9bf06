import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretCipher } from './vault';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM: confidentiality and tamper detection. Layout: iv | tag | ciphertext. */
export class AesGcmCipher implements SecretCipher {
  readonly name = 'aes-256-gcm';

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key.');
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/**
 * The web host's vault key: from ENTRA_ONBOARD_VAULT_KEY (base64, 32 bytes) when set, otherwise a
 * random key in an owner-only file created on first use. This keeps secrets out of every file the
 * app writes in clear (database, settings, logs, vault); it does not protect against someone who can
 * read the user's files, which is why the desktop app uses the OS keychain (safeStorage) instead.
 */
export function loadWebHostVaultKey(keyFile: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env['ENTRA_ONBOARD_VAULT_KEY'];
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('ENTRA_ONBOARD_VAULT_KEY must be 32 bytes, base64-encoded.');
    return key;
  }
  if (existsSync(keyFile)) return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
  const key = randomBytes(32);
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}
