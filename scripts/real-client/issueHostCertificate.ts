import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { exportPkcs8Pem, generateRsaKeyPair, importPkcs8Pem, rsaSha256 } from '../../tests/sandbox/crypto/generateRsaKeyPair';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/**
 * A server certificate for Microsoft's host names signed by the sandbox's local CA (`<dataDir>/tls`), so a client
 * that trusts that CA (NODE_EXTRA_CA_CERTS) accepts the local proxy as login.microsoftonline.com and
 * graph.microsoft.com. Kept in memory only; never written or committed.
 */
export async function issueHostCertificate(dataDir: string, names: readonly string[]): Promise<{ certPem: string; keyPem: string; caPem: string }> {
  const caPem = readFileSync(join(dataDir, 'tls', 'ca.pem'), 'utf8');
  const ca = new x509.X509Certificate(caPem);
  const caKey = await importPkcs8Pem(readFileSync(join(dataDir, 'tls', 'ca-key.pem'), 'utf8'));
  const keys = await generateRsaKeyPair();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    subject: `CN=${names[0]}, O=Entra Onboard Sandbox`,
    issuer: ca.subject,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 24 * 3600_000),
    signingAlgorithm: rsaSha256,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value }))),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportPkcs8Pem(keys.privateKey), caPem };
}
