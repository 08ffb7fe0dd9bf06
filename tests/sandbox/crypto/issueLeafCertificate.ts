import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { exportPkcs8Pem, generateRsaKeyPair, rsaSha256, type CryptoKey } from './generateRsaKeyPair';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type LeafName = { type: 'dns' | 'ip'; value: string };

/**
 * A TLS server certificate signed by the sandbox's local CA, for the given names. Valid from an hour ago (clock
 * skew) for `lifetimeMs`; browsers refuse leaves valid for more than 398 days, so callers stay under that.
 */
export async function issueLeafCertificate(
  ca: x509.X509Certificate,
  caKey: CryptoKey,
  names: readonly LeafName[],
  lifetimeMs: number,
): Promise<{ cert: x509.X509Certificate; keyPem: string }> {
  const keys = await generateRsaKeyPair();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    subject: `CN=${names[0]?.value ?? 'localhost'}, O=Entra Onboard Sandbox`,
    issuer: ca.subject,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + lifetimeMs),
    signingAlgorithm: rsaSha256,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(names.map((n) => ({ type: n.type, value: n.value }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  return { cert, keyPem: await exportPkcs8Pem(keys.privateKey) };
}
