import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const ivBytes = 12;
const tagBytes = 16;

/**
 * AES-256-GCM for secrets at rest, with keys that live only in this process's memory. The backend's SQLite file is
 * per sandbox start and nothing reads it after the process ends, so a key on disk would add nothing but a way to
 * decrypt the file; kept in memory, the file alone reveals no secret. The additional authenticated data binds each
 * ciphertext to its row and purpose, so a sealed secret copied into another organisation's row does not open.
 */
export class SecretBox {
  private readonly encryptionKey = randomBytes(32);
  private readonly fingerprintKey = randomBytes(32);

  /** iv ‖ tag ‖ ciphertext. */
  seal(plaintext: string, context: string): Buffer {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  open(sealed: Buffer, context: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, sealed.subarray(0, ivBytes));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.subarray(ivBytes, ivBytes + tagBytes));
    return Buffer.concat([decipher.update(sealed.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
  }

  /**
   * A keyed hash (HMAC-SHA256) of a request body for idempotency checks. Bodies carry secrets; a plain hash of one
   * stored in the file could be checked against guesses, a keyed one cannot.
   */
  fingerprint(text: string): string {
    return createHmac('sha256', this.fingerprintKey).update(text, 'utf8').digest('hex');
  }
}
