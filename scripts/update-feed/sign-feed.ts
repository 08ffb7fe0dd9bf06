import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { parseDocument } from 'yaml';
import { toUpdateFeedEntry, updateFeedMessage } from '../../src/main/core/updates/update-feed';

/**
 * Adds `entraOnboardSignature` to a latest.yml / beta.yml electron-builder wrote: an Ed25519
 * signature over the version and files (the same message the app verifies, updateFeedMessage).
 * The rest of the document is kept as it was.
 */
export function signFeedText(text: string, privateKeyPem: string): string {
  const doc = parseDocument(text);
  const entry = toUpdateFeedEntry(doc.toJS());
  const signature = sign(null, updateFeedMessage(entry), createPrivateKey(privateKeyPem)).toString('base64');
  doc.set('entraOnboardSignature', signature);
  return doc.toString();
}

/** A new release key pair (PEM): the public half goes into src/main/core/updates/update-public-key.ts. */
export function newReleaseKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
