import type { Application, SignInAudience } from '../../model/directoryTypes';
import { graphErrors } from '../http/graphErrors';

type Platform = 'web' | 'spa' | 'publicClient';

const msaAudiences: readonly SignInAudience[] = ['AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'];
/** facts §2: special characters redirect URIs may not contain. */
const forbidden = /[!$'(),;]/;

function valid(uri: string, platform: Platform, audience: SignInAudience): boolean {
  const msa = msaAudiences.includes(audience);
  if (uri.length === 0 || uri.length > 256 || forbidden.test(uri) || uri.includes('#')) return false;
  if (/^urn:/i.test(uri)) return platform === 'web'; // [OBS] URNs for web only (terraform-provider-azuread#575)
  let url: URL;
  try {
    url = new URL(uri.replace('*.', 'wildcard.'));
  } catch {
    return false;
  }
  if (uri.includes('*') && (msa || platform !== 'web')) return false;
  if (url.search !== '' && msa) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol === 'http:') return url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  // Mobile/desktop clients register custom schemes (msal{appId}://auth); web and SPA must be http(s).
  return platform === 'publicClient' && !/^(javascript|data|file):$/i.test(url.protocol);
}

/**
 * facts §2: at most 256 redirect URIs per registration for work/school audiences, 100 for MSA audiences (total
 * across platforms [UNVERIFIED]), 256 characters each, https except loopback http, no `! $ ' ( ) , ;`, query
 * strings only for work/school audiences. Failure is 400 naming the platform property.
 */
export function validateRedirectUris(app: Application, changed: readonly Platform[]): void {
  const limit = msaAudiences.includes(app.signInAudience) ? 100 : 256;
  const lists: Record<Platform, string[]> = { web: app.web.redirectUris, spa: app.spa.redirectUris, publicClient: app.publicClient.redirectUris };
  for (const platform of ['web', 'spa', 'publicClient'] as const) {
    if (lists[platform].some((uri) => !valid(uri, platform, app.signInAudience))) throw graphErrors.invalidProperty(platform, 'Application');
  }
  const total = lists.web.length + lists.spa.length + lists.publicClient.length;
  if (total > limit) throw graphErrors.invalidProperty(changed[0] ?? 'web', 'Application');
}
