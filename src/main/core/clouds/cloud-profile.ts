import { z } from 'zod';

/**
 * Every Microsoft endpoint the app talks to comes from one of these, so the local sandbox is just
 * another cloud (architecture.md, property 4). URLs end without a slash.
 */
export const cloudProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** e.g. https://login.microsoftonline.com; must be https (MSAL refuses anything else, facts §11.4). */
  authorityHost: z.url({ protocol: /^https$/ }),
  /** Graph base URL including the version segment, e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: z.url({ protocol: /^https$/ }),
  /** Resource identifier that prefixes Graph scopes, e.g. https://graph.microsoft.com */
  graphResource: z.url(),
  /** Partner Center API, where this cloud has one we support. */
  partnerCenterBaseUrl: z.url({ protocol: /^https$/ }).optional(),
  partnerCenterResource: z.url().optional(),
  /** The Entra admin portal, for "open in portal" links. */
  portalUrl: z.url({ protocol: /^https$/ }),
  /**
   * The page a device-code sign-in sends the admin to (Entra's verification_uri for this cloud), so
   * its link may open in the system browser. Public cloud: https://microsoft.com/devicelogin; US
   * Government: https://microsoft.com/deviceloginus (MSAL4J's DeviceCodeFlowIT asserts both); China:
   * the authority's own /common/oauth2/deviceauth. The sandbox answers on its authority host.
   */
  deviceLoginUrl: z.url({ protocol: /^https$/ }).optional(),
  /** A CA certificate file to trust for this cloud's endpoints (the sandbox only). */
  caFile: z.string().optional(),
});
export type CloudProfile = z.infer<typeof cloudProfileSchema>;

export const publicCloud: CloudProfile = {
  id: 'public',
  name: 'Microsoft Entra ID (global)',
  authorityHost: 'https://login.microsoftonline.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  graphResource: 'https://graph.microsoft.com',
  partnerCenterBaseUrl: 'https://api.partnercenter.microsoft.com',
  partnerCenterResource: 'https://api.partnercenter.microsoft.com',
  portalUrl: 'https://entra.microsoft.com',
  deviceLoginUrl: 'https://microsoft.com/devicelogin',
};

/**
 * US Government L4 (GCC High). Partner Center automation is not offered here until we can test it.
 * Endpoints: https://learn.microsoft.com/graph/deployments ("Microsoft Graph for US Government L4").
 */
export const usGovernmentCloud: CloudProfile = {
  id: 'usgov',
  name: 'Microsoft Entra ID for US Government (GCC High)',
  authorityHost: 'https://login.microsoftonline.us',
  graphBaseUrl: 'https://graph.microsoft.us/v1.0',
  graphResource: 'https://graph.microsoft.us',
  portalUrl: 'https://portal.azure.us',
  deviceLoginUrl: 'https://microsoft.com/deviceloginus',
};

/**
 * US Government L5 (DoD): the same Entra sign-in host as GCC High, but its own Microsoft Graph host,
 * https://dod-graph.microsoft.us, which is also the resource its scopes are qualified with
 * (https://learn.microsoft.com/graph/deployments, "Microsoft Graph for US Government L5 (DOD)";
 * learn.microsoft.com/graph/sdks/national-clouds: a scope naming the Graph domain must use the
 * national cloud's). A token for graph.microsoft.us is not accepted by the DoD Graph, so sharing the
 * GCC High profile would fail every call after sign-in.
 */
export const usGovernmentDodCloud: CloudProfile = {
  id: 'usgov-dod',
  name: 'Microsoft Entra ID for US Government (DoD)',
  authorityHost: 'https://login.microsoftonline.us',
  graphBaseUrl: 'https://dod-graph.microsoft.us/v1.0',
  graphResource: 'https://dod-graph.microsoft.us',
  portalUrl: 'https://portal.azure.us',
};

/** Operated by 21Vianet. Partner Center automation is not offered here until we can test it. */
export const chinaCloud: CloudProfile = {
  id: 'china',
  name: 'Microsoft Entra ID operated by 21Vianet (China)',
  authorityHost: 'https://login.chinacloudapi.cn',
  graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn/v1.0',
  graphResource: 'https://microsoftgraph.chinacloudapi.cn',
  portalUrl: 'https://portal.azure.cn',
  deviceLoginUrl: 'https://login.chinacloudapi.cn/common/oauth2/deviceauth',
};

export const builtInClouds: readonly CloudProfile[] = [publicCloud, usGovernmentCloud, usGovernmentDodCloud, chinaCloud];

/** The host[:port] MSAL must be told to trust without instance discovery (facts §11.4). */
export function knownAuthorityOf(cloud: CloudProfile): string {
  return new URL(cloud.authorityHost).host;
}

/** Hosts the app may send the admin's browser to for this cloud (sign-in, consent, portal). */
export function browserHostsOf(cloud: CloudProfile): string[] {
  return [cloud.authorityHost, cloud.portalUrl].map((u) => new URL(u).hostname);
}

/**
 * Single pages (not whole hosts) the app may open for this cloud: the device-code page lives on
 * microsoft.com, a host otherwise not ours to send the admin to.
 */
export function browserPagesOf(cloud: CloudProfile): string[] {
  return cloud.deviceLoginUrl ? [cloud.deviceLoginUrl] : [];
}
