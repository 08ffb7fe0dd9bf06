import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '../../../shared/error-codes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import type { CloudFetch } from '../net/cloud-fetch';
import { signInErrorPage, signInSuccessPage } from './loopback-pages';

/**
 * A sign-in that asks Entra for multi-factor authentication, for an API that checks the token's `amr` for "mfa"
 * (Partner Center: App+User calls without it are refused since 1 April 2026, learn.microsoft.com/partner-center/
 * developer/partner-center-authentication; "both platforms will be checking the authentication method reference
 * claim to see if MFA is listed", learn.microsoft.com/powershell/partnercenter/test-partner-security-requirements).
 *
 * How: the v1.0 authorization code flow with `amr_values=mfa` and `prompt=login`, as Microsoft's own Partner Center
 * tooling asks for it (microsoft/secmgmt-insights-connector#23/#24: "the amr_values query string parameter with a
 * value of mfa", because security defaults may not challenge the user). The v2.0 endpoint MSAL uses refuses that
 * parameter ("AADSTS901002: The 'amr_values' request parameter is not supported", AzureAD/microsoft-authentication-
 * library-for-js#6746), and Entra's `claims` request documents only `acrs` (authentication contexts a tenant must
 * configure), so MSAL's interactive request cannot ask for it. PKCE and a loopback redirect as MSAL's own flow;
 * the refresh token is handed to MSAL (acquireTokenByRefreshToken), so the MFA sign-in lands in the one token cache.
 */
export async function signInWithMfaV1(o: {
  cloud: CloudProfile;
  fetchFn: CloudFetch;
  clientId: string;
  tenant: string;
  /** The API's resource URI (v1.0 names the API instead of scopes). */
  resource: string;
  loginHint?: string;
  openUrl(url: string): Promise<void>;
  timeoutMs?: number;
}): Promise<{ refreshToken: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  let settle: (r: { code: string } | { error: AppError }) => void = () => {};
  const answered = new Promise<{ code: string } | { error: AppError }>((resolve) => (settle = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/' || url.searchParams.get('state') !== state) {
      res.writeHead(404).end();
      return;
    }
    const code = url.searchParams.get('code');
    const description = (url.searchParams.get('error_description') ?? url.searchParams.get('error') ?? 'unknown').split(/\r?\n/)[0];
    // Settled once the page is written: settling closes the server and would cut the answer off.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(code ? signInSuccessPage : signInErrorPage, () =>
      settle(
        code
          ? { code }
          : { error: new AppError(ErrorCode.SignInFailed, `The sign-in with multi-factor authentication did not complete: ${description}`, { fix: 'Sign in again and complete the multi-factor authentication prompt.', details: { microsoftError: url.searchParams.get('error') } }) },
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const redirectUri = `http://localhost:${(server.address() as AddressInfo).port}/`;
  const timer = setTimeout(
    () => settle({ error: new AppError(ErrorCode.SignInTimedOut, 'The sign-in with multi-factor authentication was left open and has stopped.', { fix: 'Start it again and finish it in the browser tab that opens.' }) }),
    o.timeoutMs ?? 5 * 60_000,
  );
  try {
    const authorize = new URL(`${o.cloud.authorityHost}/${o.tenant}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      client_id: o.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      resource: o.resource,
      scope: 'openid profile offline_access',
      prompt: 'login',
      amr_values: 'mfa',
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...(o.loginHint ? { login_hint: o.loginHint } : {}),
    }).toString();
    await o.openUrl(authorize.toString());
    const result = await answered;
    if ('error' in result) throw result.error;
    const response = await o.fetchFn(`${o.cloud.authorityHost}/${o.tenant}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: o.clientId, code: result.code, redirect_uri: redirectUri, resource: o.resource, code_verifier: verifier }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as { refresh_token?: string; error_description?: string };
    if (!response.ok || !body.refresh_token) {
      throw new AppError(ErrorCode.SignInFailed, `Microsoft did not complete the sign-in: ${(body.error_description ?? `HTTP ${response.status}`).split(/\r?\n/)[0]}`, { fix: 'Sign in again; if it keeps failing, check the sign-in logs in the Entra admin center.' });
    }
    return { refreshToken: body.refresh_token };
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  }
}
