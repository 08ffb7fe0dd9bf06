import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AesGcmCipher, loadWebHostVaultKey } from '../../../src/main/core/vault/aes-gcm-cipher';
import { EncryptedFileVault } from '../../../src/main/core/vault/encrypted-file-vault';
import { makeTempDir } from '../../helpers/temp-dir';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function setup() {
  const dir = makeTempDir();
  dirs.push(dir);
  const file = join(dir.path, 'vault.json');
  const key = loadWebHostVaultKey(join(dir.path, 'vault.key'), {});
  return { dir, file, key, vault: new EncryptedFileVault(file, new AesGcmCipher(key)) };
}

const secret = 'Xq8~client.secret.value-' + randomBytes(8).toString('hex');

describe('EncryptedFileVault with AES-256-GCM', () => {
  it('stores, reads back, lists and deletes secrets by reference', async () => {
    const { vault } = setup();
    await vault.put('app:1:secret', secret);
    await vault.put('platform:token', 'tok');
    expect(await vault.get('app:1:secret')).toBe(secret);
    expect((await vault.refs()).sort()).toEqual(['app:1:secret', 'platform:token']);
    await vault.delete('app:1:secret');
    expect(await vault.get('app:1:secret')).toBeUndefined();
    expect(await vault.refs()).toEqual(['platform:token']);
  });

  it('never writes the secret in clear text, in any encoding', async () => {
    const { vault, file, dir } = setup();
    await vault.put('app:1:secret', secret);
    const onDisk = readFileSync(file, 'utf8') + readFileSync(join(dir.path, 'vault.key'), 'utf8');
    expect(onDisk).not.toContain(secret);
    expect(onDisk).not.toContain(Buffer.from(secret).toString('base64'));
    expect(onDisk).not.toContain(Buffer.from(secret).toString('hex'));
  });

  it('keeps the vault and its key readable by the owner only', async () => {
    const { vault, file, dir } = setup();
    await vault.put('a', 'b');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o077).toBe(0);
      expect(statSync(join(dir.path, 'vault.key')).mode & 0o077).toBe(0);
    }
  });

  it('survives a restart: a new instance with the same key file reads the secret', async () => {
    const { vault, file, dir } = setup();
    await vault.put('a', secret);
    const again = new EncryptedFileVault(file, new AesGcmCipher(loadWebHostVaultKey(join(dir.path, 'vault.key'), {})));
    expect(await again.get('a')).toBe(secret);
  });

  it('detects tampering instead of returning altered secrets', async () => {
    const { vault, file } = setup();
    await vault.put('a', secret);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, string> };
    const bytes = Buffer.from(data.entries['a'] as string, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    data.entries['a'] = bytes.toString('base64');
    writeFileSync(file, JSON.stringify(data));
    await expect(vault.get('a')).rejects.toThrow();
  });

  it('cannot be read with another key', async () => {
    const { vault, file } = setup();
    await vault.put('a', secret);
    const other = new EncryptedFileVault(file, new AesGcmCipher(randomBytes(32)));
    await expect(other.get('a')).rejects.toThrow();
  });

  it('takes its key from ENTRA_ONBOARD_VAULT_KEY when set, and refuses a key of the wrong size', () => {
    const key = randomBytes(32);
    expect(loadWebHostVaultKey('/nonexistent/key', { ENTRA_ONBOARD_VAULT_KEY: key.toString('base64') })).toEqual(key);
    expect(() => loadWebHostVaultKey('/nonexistent/key', { ENTRA_ONBOARD_VAULT_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
