import { escapeHtml } from '../../util/escapeHtml';
import { hiddenFields, layoutPage, noticeHtml } from './layoutPage';

export function deviceCodeEntryPage(input: { action: string; notice: string | undefined }): string {
  return layoutPage(
    'Enter code',
    `<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
${noticeHtml(input.notice)}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
<input type="text" id="otc" name="otc" placeholder="Code" required>
<button type="submit" id="idSIButton9">Next</button>
</form>`,
  );
}

export function deviceConfirmPage(input: { action: string; flowId: string; appName: string; userPrincipalName: string }): string {
  return layoutPage(
    'Are you trying to sign in?',
    `<h1>Are you trying to sign in to ${escapeHtml(input.appName)}?</h1>
<p>${escapeHtml(input.userPrincipalName)}</p>
<p>Only continue if you downloaded the app from a store or website that you trust.</p>
<form method="post" action="${escapeHtml(input.action)}">
${hiddenFields({ flow: input.flowId })}
<button type="submit" class="secondary" id="idBtn_Back" name="action" value="decline">Cancel</button>
<button type="submit" id="idSIButton9" name="action" value="confirm">Continue</button>
</form>`,
  );
}

export function deviceResultPage(input: { appName: string; approved: boolean }): string {
  return layoutPage(
    input.approved ? 'Signed in' : 'Sign-in cancelled',
    input.approved
      ? `<h1 id="deviceSignedIn">${escapeHtml(input.appName)}</h1><p>You have signed in to the ${escapeHtml(input.appName)} application on your device. You may now close this window.</p>`
      : `<h1 id="deviceDeclined">Sign-in cancelled</h1><p>You have declined to sign in to ${escapeHtml(input.appName)} on your device. You may now close this window.</p>`,
  );
}
