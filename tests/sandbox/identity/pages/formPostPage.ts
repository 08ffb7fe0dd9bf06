import { escapeHtml } from '../../util/escapeHtml';
import { hiddenFields } from './layoutPage';

/** response_mode=form_post: an auto-submitting form to the redirect URI (facts §13, what msal-node 7 requires). */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  return `<html><head><title>Working...</title></head><body>
<form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">${hiddenFields(fields)}
<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript></form>
<script>document.forms[0].submit();</script></body></html>`;
}
