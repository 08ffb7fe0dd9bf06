import { escapeHtml } from '../../util/escapeHtml';
import type { PermissionItem } from '../permissionItems';
import { hiddenFields, layoutPage } from './layoutPage';

/**
 * "Permissions requested": each permission with its real display name and description from the Graph catalogue.
 * Admins see the admin texts and the "Consent on behalf of your organization" box; it is forced on when any
 * permission needs an admin, because such permissions cannot be granted to one user only.
 */
export function consentPage(input: {
  action: string;
  flowId: string;
  appName: string;
  publisherDomain: string;
  userPrincipalName: string;
  items: readonly PermissionItem[];
  adminView: boolean;
  organizationConsent: 'forced' | 'optional' | 'none';
  title?: string;
}): string {
  const items = input.items
    .map((item) => {
      const name = input.adminView ? item.adminDisplayName : item.userDisplayName;
      const description = input.adminView ? item.adminDescription : item.userDescription;
      const tag = item.kind === 'Role' ? ' (application permission)' : item.adminOnly ? ' (admin consent required)' : '';
      return `<li data-permission="${escapeHtml(item.value)}" data-resource="${escapeHtml(item.resource.appId)}"><strong>${escapeHtml(name)}</strong>${escapeHtml(tag)}<br><span class="perm-desc">${escapeHtml(description)}</span><br><code>${escapeHtml(item.resource.displayName)}: ${escapeHtml(item.value)}</code></li>`;
    })
    .join('');
  const orgBox =
    input.organizationConsent === 'none'
      ? ''
      : `<p><label><input type="checkbox" id="idChkBx_ConsentForOrg" name="consentForOrg" value="true"${input.organizationConsent === 'forced' ? ' checked disabled' : ''}> Consent on behalf of your organization</label>${input.organizationConsent === 'forced' ? hiddenFields({ consentForOrg: 'true' }) : ''}</p>`;
  return layoutPage(
    'Permissions requested',
    `<h1>${escapeHtml(input.title ?? 'Permissions requested')}</h1>
<p><strong>${escapeHtml(input.appName)}</strong><br><small>${escapeHtml(input.publisherDomain)}</small></p>
<p>${escapeHtml(input.userPrincipalName)}</p>
<p>This app would like to:</p>
<ul class="perms" id="permissionList">${items}</ul>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenFields({ flow: input.flowId })}
${orgBox}
<p class="perm-desc">Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</p>
<button type="submit" class="secondary" id="idBtn_Back" name="action" value="cancel">Cancel</button>
<button type="submit" id="idBtn_Accept" name="action" value="accept">Accept</button>
</form>`,
  );
}
