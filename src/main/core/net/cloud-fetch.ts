import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, interceptors } from 'undici';
import type { CloudProfile } from '../clouds/cloud-profile';
import { requestFetch } from './request-fetch';

/** A fetch as the platform has it; what MSAL's network module and the Graph client call. */
export type CloudFetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The fetch for one cloud, over one keep-alive connection pool (requestFetch). Microsoft's clouds use
 * the default trust store, as Node's own fetch does; the sandbox adds its own CA (generated on its first
 * start, never committed), trusted for this app's calls only, not for the whole process as
 * NODE_EXTRA_CA_CERTS would.
 */
export function createCloudFetch(cloud: Pick<CloudProfile, 'caFile'>): CloudFetch {
  // One TLS context for every connection: given only `ca`, each new connection would parse the whole root
  // store again (tls.connect builds a SecureContext per call), which a bulk run over many tenants pays per socket.
  const connect = cloud.caFile ? { secureContext: createSecureContext({ ca: [...rootCertificates, readFileSync(cloud.caFile, 'utf8')] }) } : {};
  // fetch follows redirects; so does this (the same limit of 20 as the fetch standard).
  const dispatcher = new Agent({ connect, keepAliveTimeout: 10_000 }).compose(interceptors.redirect({ maxRedirections: 20 }));
  return requestFetch(dispatcher);
}
