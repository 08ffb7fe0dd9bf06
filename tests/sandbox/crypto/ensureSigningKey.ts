import { createHash, webcrypto } from 'node:crypto';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { exportPkcs8Pem, generateRsaKeyPair, importPkcs8Pem, rsaSha256, type CryptoKey } from './generateRsaKeyPair';
import { readIfExists, withFileLock, writeAtomically } from './pemFiles';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface SigningKey {
  privateKey: CryptoKey;
  /** kid == x5t == base64url SHA-1 thumbprint of the certificate, as Entra's keys are (facts §11.2). */
  kid: string;
  x5t: string;
  /** Base64 DER of the self-signed signing certificate, for the JWKS `x5c`. */
  x5c: string;
  n: string;
  e: string;
}

const dayMs = 24 * 3600 * 1000;

async function toSigningKey(certPem: string, keyPem: string): Promise<SigningKey> {
  const cert = new x509.X509Certificate(certPem);
  const der = Buffer.from(cert.rawData);
  const thumbprint = createHash('sha1').update(der).digest('base64url');
  const jwk = await webcrypto.subtle.exportKey('jwk', await cert.publicKey.export(rsaSha256, ['verify']));
  return {
    privateKey: await importPkcs8Pem(keyPem),
    kid: thumbprint,
    x5t: thumbprint,
    x5c: der.toString('base64'),
    n: jwk.n ?? '',
    e: jwk.e ?? 'AQAB',
  };
}

/** The token-signing key (RS256) with its self-signed certificate, kept under `<dataDir>/keys` and reused while valid. */
export async function ensureSigningKey(dataDir: string): Promise<SigningKey> {
  const dir = join(dataDir, 'keys');
  const certPath = join(dir, 'token-signing.pem');
  const keyPath = join(dir, 'token-signing-key.pem');
  return withFileLock(join(dir, '.lock'), async () => {
    const certPem = readIfExists(certPath);
    const keyPem = readIfExists(keyPath);
    if (certPem && keyPem) {
      const cert = new x509.X509Certificate(certPem);
      if (cert.notAfter.getTime() > Date.now() + 30 * dayMs) return toSigningKey(certPem, keyPem);
    }
    const keys = await generateRsaKeyPair();
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
      name: 'CN=accounts.accesscontrol.windows.net sandbox token signing',
      notBefore: new Date(Date.now() - 3600 * 1000),
      notAfter: new Date(Date.now() + 5 * 365 * dayMs),
      signingAlgorithm: rsaSha256,
      keys,
    });
    const newKeyPem = await exportPkcs8Pem(keys.privateKey);
    writeAtomically(keyPath, newKeyPem);
    writeAtomically(certPath, cert.toString('pem'), 0o644);
    return toSigningKey(cert.toString('pem'), newKeyPem);
  });
}
