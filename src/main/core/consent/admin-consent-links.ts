import type { ClientTenant } from '../../../shared/domain/client-tenants';
import type { ConsentTarget } from './consent-target';
import { permissionsOf } from './consent-target';

export function csvField(value: string): string {
  // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The admin consent URL for one client tenant, as the ClientOne guide and Microsoft's partner doc give it
 * (facts §6.1, §6 "Partner doc variant"): {authority}/{tenant}/adminconsent?client_id={appId}. It consents
 * to the app's statically configured permissions and returns to the app's redirect URI.
 */
export function adminConsentUrl(authorityHost: string, tenantId: string, appId: string): string {
  const url = new URL(`${authorityHost}/${tenantId}/adminconsent`);
  url.searchParams.set('client_id', appId);
  return url.toString();
}

/** A CSV of links plus a message the MSP can send to each client's Global Administrator. */
export function adminConsentLinks(
  authorityHost: string,
  target: ConsentTarget,
  tenants: readonly ClientTenant[],
  now: Date,
): { fileName: string; csv: string; message: string; count: number } {
  const rows = [['Tenant ID', 'Domain', 'Name', 'Admin consent link'].join(',')];
  for (const t of tenants) {
    rows.push([t.tenantId, t.domain ?? '', t.name ?? '', adminConsentUrl(authorityHost, t.tenantId, target.appId)].map(csvField).join(','));
  }
  const permissions = permissionsOf(target)
    .map((p) => `  - ${p.resourceName}: ${p.value} (${p.type === 'application' ? 'application permission' : 'delegated permission'})`)
    .join('\n');
  const message = [
    'Hello,',
    '',
    `To let your users sign in to ${target.displayName}, a Global Administrator of your Microsoft 365 tenant needs to approve the app once.`,
    'Please open the link we sent for your organisation while signed in as a Global Administrator, review the permissions and select Accept:',
    '',
    permissions,
    '',
    'Nothing else changes in your tenant, and you can remove the app at any time under Enterprise applications in the Microsoft Entra admin center.',
    'We will see the approval on our side automatically.',
    '',
    'Thank you.',
  ].join('\n');
  return { fileName: `admin-consent-links-${now.toISOString().slice(0, 10)}.csv`, csv: `${rows.join('\r\n')}\r\n`, message, count: tenants.length };
}
