import { escapeHtml } from '../../util/escapeHtml';
import { hiddenFields, layoutPage } from './layoutPage';

export function accountPickerPage(input: {
  action: string;
  flowId: string;
  accounts: Array<{ key: string; userPrincipalName: string; displayName: string }>;
}): string {
  const tiles = input.accounts
    .map(
      (a) =>
        `<button type="submit" class="tile" name="account" value="${escapeHtml(a.key)}" data-test-id="${escapeHtml(a.userPrincipalName)}">${escapeHtml(a.displayName)}<br><small>${escapeHtml(a.userPrincipalName)}</small></button>`,
    )
    .join('');
  return layoutPage(
    'Pick an account',
    `<h1>Pick an account</h1>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenFields({ flow: input.flowId, action: 'pick' })}
${tiles}
</form>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenFields({ flow: input.flowId, action: 'other' })}
<button type="submit" class="tile" id="otherTile">Use another account</button>
</form>`,
  );
}
