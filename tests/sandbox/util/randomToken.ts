import { randomBytes, randomUUID } from 'node:crypto';

/** Unguessable opaque value (codes, refresh tokens, flow ids). Cryptographic, deliberately not seeded. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Fresh GUID for trace ids and runtime-created objects. */
export function randomGuid(): string {
  return randomUUID();
}
