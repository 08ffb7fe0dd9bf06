import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretCipher, Vault } from './vault';

const fileSchema = z.object({
  version: z.literal(1),
  cipher: z.string(),
  entries: z.record(z.string(), z.string()),
});
type VaultFile = z.infer<typeof fileSchema>;

/**
 * A vault file whose every value is encrypted by the injected cipher (safeStorage in Electron,
 * AES-256-GCM in the web host). References are stored in clear: they name, they do not reveal.
 * Writes go to a temporary file first and are renamed into place, so a crash never leaves half a file.
 */
export class EncryptedFileVault implements Vault {
  readonly protection: string;

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
  ) {
    this.protection = cipher.name;
  }

  async put(ref: string, secret: string): Promise<void> {
    const data = this.read();
    data.entries[ref] = this.cipher.encrypt(secret).toString('base64');
    this.write(data);
  }

  async get(ref: string): Promise<string | undefined> {
    const sealed = this.read().entries[ref];
    return sealed === undefined ? undefined : this.cipher.decrypt(Buffer.from(sealed, 'base64'));
  }

  async delete(ref: string): Promise<void> {
    const data = this.read();
    if (!(ref in data.entries)) return;
    delete data.entries[ref];
    this.write(data);
  }

  async refs(): Promise<string[]> {
    return Object.keys(this.read().entries);
  }

  private read(): VaultFile {
    if (!existsSync(this.file)) return { version: 1, cipher: this.cipher.name, entries: {} };
    const data = fileSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (data.cipher !== this.cipher.name) {
      throw new Error(`The vault was written with ${data.cipher} and cannot be read with ${this.cipher.name}.`);
    }
    return data;
  }

  private write(data: VaultFile): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
