import type { CloudProfile } from './cloud-profile';

/** What the sandbox prints on its SANDBOX_READY line that a cloud profile needs. */
export interface SandboxEndpoints {
  authority: string;
  graph: string;
  partnerCenter: string;
  caFile: string;
}

/**
 * The local sandbox as a cloud like the others. Its Graph service principal keeps Microsoft's
 * resource identifier, so scopes read exactly as they do against the real Graph.
 */
export function sandboxCloud(endpoints: SandboxEndpoints): CloudProfile {
  const trim = (u: string) => u.replace(/\/+$/, '');
  return {
    id: 'sandbox',
    name: 'Local sandbox (no Microsoft cloud)',
    authorityHost: trim(endpoints.authority),
    graphBaseUrl: trim(endpoints.graph),
    graphResource: 'https://graph.microsoft.com',
    partnerCenterBaseUrl: trim(endpoints.partnerCenter),
    partnerCenterResource: 'https://api.partnercenter.microsoft.com',
    portalUrl: trim(endpoints.authority),
    caFile: endpoints.caFile,
  };
}
