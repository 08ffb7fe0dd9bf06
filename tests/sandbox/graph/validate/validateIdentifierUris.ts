import type { SandboxState } from '../../model/SandboxState';
import type { Application } from '../../model/directoryTypes';
import type { TenantDirectory } from '../../model/TenantDirectory';
import { GraphHttpError } from '../http/GraphHttpError';
import { graphErrors } from '../http/graphErrors';

function onVerifiedDomain(host: string, directory: TenantDirectory): boolean {
  const h = host.toLowerCase();
  return directory.organization.verifiedDomains.some((d) => h === d.name.toLowerCase() || h.endsWith(`.${d.name.toLowerCase()}`));
}

/**
 * facts §1.2: identifierUris are at most 255 characters without wildcards; multi-tenant (and MSA) apps must use
 * api://{appId}, api://{tenantId} or a verified domain ([OBS] HostNameNotOnVerifiedDomain); unique in the
 * tenant for AzureADMyOrg, globally otherwise.
 */
export function validateIdentifierUris(state: SandboxState, directory: TenantDirectory, app: Application): void {
  for (const uri of app.identifierUris) {
    if (uri.length === 0 || uri.length > 255 || uri.includes('*')) throw graphErrors.invalidProperty('identifierUris', 'Application');
    if (app.signInAudience === 'AzureADMyOrg') continue;
    const lower = uri.toLowerCase();
    if (lower.startsWith(`api://${app.appId}`) || lower.startsWith(`api://${directory.id}`)) continue;
    let host = '';
    try {
      host = new URL(uri).hostname;
    } catch {
      host = '';
    }
    if (!host || !onVerifiedDomain(host, directory)) {
      throw new GraphHttpError(
        400,
        'HostNameNotOnVerifiedDomain',
        `Values of identifierUris property must use a verified domain of the organization or its subdomain: '${uri}'`,
      );
    }
  }
  const mine = new Set(app.identifierUris.map((u) => u.toLowerCase()));
  if (mine.size === 0) return;
  const scope = app.signInAudience === 'AzureADMyOrg' ? [directory] : [...state.materializedDirectories()];
  for (const dir of scope) {
    for (const other of dir.applications.values()) {
      if (other.id === app.id) continue;
      if (other.identifierUris.some((u) => mine.has(u.toLowerCase()))) {
        throw graphErrors.badRequest('Another object with the same value for property identifierUris already exists.');
      }
    }
  }
}
