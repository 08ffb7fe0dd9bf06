import { importJWK } from 'jose';
import type { SigningKey } from '../../crypto/ensureSigningKey';

type VerificationKey = Awaited<ReturnType<typeof importJWK>>;
const imported = new WeakMap<SigningKey, Promise<VerificationKey>>();

/**
 * The sandbox's token-signing public key (what its JWKS publishes), imported once per key. The Graph validator
 * has the same helper but does not export it.
 */
export function signingPublicKey(key: SigningKey): Promise<VerificationKey> {
  let value = imported.get(key);
  if (!value) {
    value = importJWK({ kty: 'RSA', n: key.n, e: key.e, alg: 'RS256' }, 'RS256');
    imported.set(key, value);
  }
  return value;
}
