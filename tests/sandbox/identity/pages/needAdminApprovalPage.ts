import { escapeHtml } from '../../util/escapeHtml';
import type { PermissionItem } from '../permissionItems';
import { hiddenFields, layoutPage } from './layoutPage';

/** Entra's "Need admin approval" (AADSTS90094) when a non-admin meets admin-only permissions. */
export function needAdminApprovalPage(input: { action: string; flowId: string; appName: string; items: readonly PermissionItem[] }): string {
  const list = input.items.map((i) => `<li data-permission="${escapeHtml(i.value)}">${escapeHtml(i.adminDisplayName)}</li>`).join('');
  return layoutPage(
    'Need admin approval',
    `<h1>Need admin approval</h1>
<p><strong>${escapeHtml(input.appName)}</strong> needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<ul class="perms">${list}</ul>
<p><code>AADSTS90094</code></p>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenFields({ flow: input.flowId, action: 'back' })}
<button type="submit" id="idBtn_Back">Return to the application without granting consent</button>
</form>`,
  );
}
