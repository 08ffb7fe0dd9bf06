/**
 * Where secrets live: client secrets, platform API tokens, the MSAL token cache. Callers keep only
 * the reference (e.g. `app:<appId>:secret:<keyId>`) in SQLite, never the value.
 */
export interface Vault {
  /** Human-readable name of the protection in use, shown in diagnostics. */
  readonly protection: string;
  put(ref: string, secret: string): Promise<void>;
  get(ref: string): Promise<string | undefined>;
  delete(ref: string): Promise<void>;
  refs(): Promise<string[]>;
}

/** Turns a secret into bytes that are safe to write to disk, and back. */
export interface SecretCipher {
  readonly name: string;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}
