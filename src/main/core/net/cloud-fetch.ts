import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import type { CloudProfile } from '../clouds/cloud-profile';

/** A fetch as the platform has it; what MSAL's network module and the Graph client call. */
export type CloudFetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The fetch for one cloud. Microsoft's clouds use the system's trust store; the sandbox adds its own
 * CA (generated on its first start, never committed), trusted for this app's calls only, not for the
 * whole process as NODE_EXTRA_CA_CERTS would.
 */
export function createCloudFetch(cloud: Pick<CloudProfile, 'caFile'>): CloudFetch {
  if (!cloud.caFile) return (input, init) => fetch(input, init);
  // One TLS context for every connection: given only `ca`, each new connection would parse the whole root
  // store again (tls.connect builds a SecureContext per call), which a bulk run over many tenants pays per socket.
  const secureContext = createSecureContext({ ca: [...rootCertificates, readFileSync(cloud.caFile, 'utf8')] });
  const dispatcher = new Agent({ connect: { secureContext }, keepAliveTimeout: 10_000 });
  return (input, init) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Promise<Response>;
}
