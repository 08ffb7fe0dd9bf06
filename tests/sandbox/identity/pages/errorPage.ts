import { escapeHtml } from '../../util/escapeHtml';
import type { AadErrorBody } from '../aadError';
import { layoutPage } from './layoutPage';

/** Entra's error page: the AADSTS code and message with request details, and no way back to the app. */
export function errorPage(body: AadErrorBody): string {
  const [first] = body.error_description.split('\r\n');
  return layoutPage(
    'Sign in failed',
    `<h1>Sorry, but we’re having trouble signing you in.</h1>
<p id="errorMessage" data-error-code="${escapeHtml(String(body.error_codes[0] ?? ''))}" data-error="${escapeHtml(body.error)}">${escapeHtml(first ?? '')}</p>
<p><small>Request Id: ${escapeHtml(body.trace_id)}<br>Correlation Id: ${escapeHtml(body.correlation_id)}<br>Timestamp: ${escapeHtml(body.timestamp)}</small></p>`,
  );
}
