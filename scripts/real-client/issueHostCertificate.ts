import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { importPkcs8Pem } from '../../tests/sandbox/crypto/generateRsaKeyPair';
import { issueLeafCertificate } from '../../tests/sandbox/crypto/issueLeafCertificate';

/**
 * A server certificate for Microsoft's host names signed by the sandbox's local CA (`<dataDir>/tls`), so a client
 * that trusts that CA (NODE_EXTRA_CA_CERTS) accepts the local proxy as login.microsoftonline.com and
 * graph.microsoft.com. Kept in memory only; never written or committed.
 */
export async function issueHostCertificate(dataDir: string, names: readonly string[]): Promise<{ certPem: string; keyPem: string; caPem: string }> {
  const caPem = readFileSync(join(dataDir, 'tls', 'ca.pem'), 'utf8');
  const ca = new x509.X509Certificate(caPem);
  const caKey = await importPkcs8Pem(readFileSync(join(dataDir, 'tls', 'ca-key.pem'), 'utf8'));
  const { cert, keyPem } = await issueLeafCertificate(ca, caKey, names.map((value) => ({ type: 'dns' as const, value })), 24 * 3600_000);
  return { certPem: cert.toString('pem'), keyPem, caPem };
}
