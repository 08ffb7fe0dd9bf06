import { webcrypto } from 'node:crypto';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { exportPkcs8Pem, generateRsaKeyPair, importPkcs8Pem, rsaSha256, type CryptoKey } from './generateRsaKeyPair';
import { issueLeafCertificate } from './issueLeafCertificate';
import { readIfExists, withFileLock, writeAtomically } from './pemFiles';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface TlsMaterial {
  caFile: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

const hourMs = 3600 * 1000;
const dayMs = 24 * hourMs;
/** Real time, not sandbox time: TLS peers check validity against the wall clock. */
const wallNow = (): number => Date.now();

function stillValid(cert: x509.X509Certificate, marginMs: number): boolean {
  const now = wallNow();
  return cert.notBefore.getTime() <= now && cert.notAfter.getTime() > now + marginMs;
}

async function createCa(): Promise<{ cert: x509.X509Certificate; keyPem: string; privateKey: CryptoKey }> {
  const keys = await generateRsaKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    name: 'CN=Entra Onboard Sandbox Local CA, O=Entra Onboard Sandbox',
    notBefore: new Date(wallNow() - hourMs),
    notAfter: new Date(wallNow() + 3650 * dayMs),
    signingAlgorithm: rsaSha256,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keyPem: await exportPkcs8Pem(keys.privateKey), privateKey: keys.privateKey };
}

/**
 * The local CA and the 127.0.0.1/localhost server certificate it signs, kept under `<dataDir>/tls` and reused
 * while valid (CA: 10 years; server: 397 days). Regenerates whatever is missing, expiring or mismatched.
 */
export async function ensureTlsMaterial(dataDir: string): Promise<TlsMaterial> {
  const dir = join(dataDir, 'tls');
  const paths = {
    ca: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    cert: join(dir, 'server.pem'),
    key: join(dir, 'server-key.pem'),
  };
  return withFileLock(join(dir, '.lock'), async () => {
    const caPem = readIfExists(paths.ca);
    const caKeyPem = readIfExists(paths.caKey);
    let ca: { cert: x509.X509Certificate; keyPem: string; privateKey: CryptoKey } | null = null;
    if (caPem && caKeyPem) {
      const cert = new x509.X509Certificate(caPem);
      if (stillValid(cert, 30 * dayMs)) ca = { cert, keyPem: caKeyPem, privateKey: await importPkcs8Pem(caKeyPem) };
    }
    let caChanged = false;
    if (!ca) {
      ca = await createCa();
      writeAtomically(paths.caKey, ca.keyPem);
      writeAtomically(paths.ca, ca.cert.toString('pem'), 0o644);
      caChanged = true;
    }

    const certPem = readIfExists(paths.cert);
    const keyPem = readIfExists(paths.key);
    if (!caChanged && certPem && keyPem) {
      const cert = new x509.X509Certificate(certPem);
      const signedByCa = cert.issuer === ca.cert.subject && (await cert.verify({ publicKey: ca.cert.publicKey, signatureOnly: true }));
      if (signedByCa && stillValid(cert, 7 * dayMs)) {
        return { caFile: paths.ca, caPem: ca.cert.toString('pem'), certPem, keyPem };
      }
    }
    // Browsers refuse leaf certificates valid for more than 398 days.
    const server = await issueLeafCertificate(ca.cert, ca.privateKey, [{ type: 'ip', value: '127.0.0.1' }, { type: 'dns', value: 'localhost' }], 397 * dayMs);
    writeAtomically(paths.key, server.keyPem);
    writeAtomically(paths.cert, server.cert.toString('pem'), 0o644);
    return { caFile: paths.ca, caPem: ca.cert.toString('pem'), certPem: server.cert.toString('pem'), keyPem: server.keyPem };
  });
}
