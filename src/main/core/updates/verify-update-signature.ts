import { createPublicKey, verify } from 'node:crypto';
import { updateFeedMessage, type UpdateFeedEntry } from './update-feed';

/**
 * True only when the entry carries a valid Ed25519 signature by the release key over its version and
 * files. An entry without a signature, with a malformed one, or signed by another key is refused.
 */
export function hasValidUpdateSignature(entry: UpdateFeedEntry, publicKeyPem: string): boolean {
  if (!entry.entraOnboardSignature) return false;
  const signature = Buffer.from(entry.entraOnboardSignature, 'base64');
  if (signature.length !== 64) return false;
  try {
    return verify(null, updateFeedMessage(entry), createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}
