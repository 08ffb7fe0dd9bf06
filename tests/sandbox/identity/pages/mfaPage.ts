import { escapeHtml } from '../../util/escapeHtml';
import { hiddenFields, layoutPage, noticeHtml } from './layoutPage';

/** Conditional Access asked for MFA: the sandbox's "authenticator" is the per-user code printed on start. */
export function mfaPage(input: { action: string; flowId: string; userPrincipalName: string; notice: string | undefined }): string {
  return layoutPage(
    'Verify your identity',
    `<h1>Enter code</h1>
<p>${escapeHtml(input.userPrincipalName)}</p>
<p>Your organization requires multi-factor authentication. Enter the code from your authenticator app.</p>
${noticeHtml(input.notice)}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
${hiddenFields({ flow: input.flowId, action: 'mfa' })}
<input type="text" id="idTxtBx_SAOTCC_OTC" name="otc" inputmode="numeric" placeholder="Code" required>
<button type="submit" id="idSubmit_SAOTCC_Continue">Verify</button>
</form>`,
  );
}
