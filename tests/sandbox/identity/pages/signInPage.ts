import { escapeHtml } from '../../util/escapeHtml';
import { hiddenFields, layoutPage, noticeHtml } from './layoutPage';

/** Username and password on one page (Entra splits them in two steps; one page keeps scripted sign-in simple). */
export function signInPage(input: { action: string; flowId: string; appName: string; username: string | undefined; notice: string | undefined }): string {
  return layoutPage(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p>to continue to ${escapeHtml(input.appName)}</p>
${noticeHtml(input.notice)}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
${hiddenFields({ flow: input.flowId, action: 'signin' })}
<input type="email" id="i0116" name="loginfmt" placeholder="Email, phone, or Skype" value="${escapeHtml(input.username ?? '')}" required>
<input type="password" id="i0118" name="passwd" placeholder="Password" required>
<button type="submit" id="idSIButton9">Sign in</button>
</form>`,
  );
}
