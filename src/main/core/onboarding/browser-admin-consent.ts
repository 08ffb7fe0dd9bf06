import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '../../../shared/error-codes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';

/** The loopback address a temporary redirect URI registers; any port matches it (facts §2). */
export const CONSENT_LOOPBACK_REDIRECT = 'http://localhost';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} – Entra Onboard</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:'Segoe UI',-apple-system,Roboto,sans-serif;background:#f5f5f5;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border-radius:8px;padding:32px 40px;max-width:480px;box-shadow:0 2px 8px rgba(0,0,0,.12)}</style></head>
<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

/**
 * Admin consent when the signed-in admin's roles cannot grant it: the v2 admin consent URL
 * (facts §6.2) opened in the browser for a Global Administrator, the answer captured on a loopback
 * redirect. Resolves when consent was granted; rejects with Microsoft's reason otherwise.
 */
export async function grantAdminConsentInBrowser(o: {
  cloud: CloudProfile;
  tenantId: string;
  appId: string;
  /** Fully qualified scopes to consent to; default: the app's configured permissions on Graph (`/.default`). */
  scopes?: readonly string[];
  openUrl(url: string): Promise<void>;
  timeoutMs?: number;
}): Promise<void> {
  const state = randomBytes(16).toString('base64url');
  let settle: (outcome: { ok: true } | { ok: false; error: AppError }) => void = () => {};
  const outcome = new Promise<{ ok: true } | { ok: false; error: AppError }>((resolve) => (settle = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/' || url.searchParams.get('state') !== state) {
      res.writeHead(404).end();
      return;
    }
    const error = url.searchParams.get('error');
    // Settled only once the page is written: settling closes the server, whose closeAllConnections() would
    // otherwise cut the answer off and leave the admin's tab without it.
    if (url.searchParams.get('admin_consent')?.toLowerCase() === 'true' && !error) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page('Admin consent granted', 'Return to Entra Onboard: setup continues. You can close this tab.'), () => settle({ ok: true }));
    } else {
      const description = url.searchParams.get('error_description') ?? error ?? 'unknown';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page('Admin consent was not granted', 'Return to Entra Onboard: it shows why and what to do. You can close this tab.'), () => settle({
        ok: false,
        error: new AppError(ErrorCode.ConsentNotGranted, `Admin consent was not granted: ${description.split(/\r?\n/)[0]}`, {
          fix: 'Have a Global Administrator or Privileged Role Administrator sign in and accept the permissions.',
          details: { microsoftError: error },
        }),
      }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const timer = setTimeout(
    () =>
      settle({
        ok: false,
        error: new AppError(ErrorCode.ConsentNotGranted, 'Admin consent was left open in the browser and has stopped.', {
          fix: 'Start it again and finish it in the browser tab that opens.',
        }),
      }),
    o.timeoutMs ?? 10 * 60_000,
  );
  try {
    const url = new URL(`${o.cloud.authorityHost}/${o.tenantId}/v2.0/adminconsent`);
    url.searchParams.set('client_id', o.appId);
    url.searchParams.set('scope', o.scopes?.join(' ') ?? `${o.cloud.graphResource}/.default`);
    url.searchParams.set('redirect_uri', `${CONSENT_LOOPBACK_REDIRECT}:${port}/`);
    url.searchParams.set('state', state);
    await o.openUrl(url.toString());
    const result = await outcome;
    if (!result.ok) throw result.error;
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  }
}
