import type { ActivityService } from '../../../shared/domain/activity';
import type { CloudProfile } from '../clouds/cloud-profile';

export type CloudEndpoints = Pick<CloudProfile, 'authorityHost' | 'graphBaseUrl' | 'partnerCenterBaseUrl'>;

/**
 * Entra's own endpoints (sign-in, tokens, device codes, discovery, admin consent): requests that change
 * nothing in a tenant, so never logged. Microsoft identity platform endpoints are
 * /{tenant}/oauth2/v2.0/{authorize,token,devicecode}, /{tenant}/v2.0/.well-known/openid-configuration,
 * /common/discovery/instance and /{tenant}/adminconsent (learn.microsoft.com/entra/identity-platform/
 * v2-protocols, v2-admin-consent).
 */
const identityPath = /\/oauth2\/|\/\.well-known\/|\/discovery\/|\/adminconsent\b|\/kerberos\b/i;

/**
 * Which service a request goes to, by its URL: Graph and Partner Center by their base addresses (a
 * national cloud's or the sandbox's, which may share one host with sign-in, so the path decides), Entra's
 * identity endpoints not at all, anything else through this fetch is the platform's API.
 * `path` is relative to the service's base (Graph: after the version segment), without the query.
 */
export function classifyRequest(url: URL, cloud: CloudEndpoints): { service: Exclude<ActivityService, 'console'>; path: string } | undefined {
  const graph = new URL(cloud.graphBaseUrl);
  const graphRoot = `${graph.origin}${graph.pathname.replace(/\/[^/]*\/?$/, '')}/`;
  const href = `${url.origin}${url.pathname}`;
  if (href.startsWith(graphRoot)) {
    return { service: 'graph', path: `/${href.slice(graphRoot.length)}`.replace(/^\/(v1\.0|beta)(?=\/|$)/, '') || '/' };
  }
  if (cloud.partnerCenterBaseUrl) {
    const pc = cloud.partnerCenterBaseUrl.replace(/\/+$/, '');
    if (href === pc || href.startsWith(`${pc}/`)) return { service: 'partnerCenter', path: href.slice(pc.length) || '/' };
  }
  if (url.origin === new URL(cloud.authorityHost).origin && identityPath.test(url.pathname)) return undefined;
  return { service: 'platform', path: url.pathname };
}
