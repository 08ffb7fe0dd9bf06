import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { launchBrowser, newContext, runSignIn, startRedirectCatcher } from './helpers/browserSignIn';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let catcher: Awaited<ReturnType<typeof startRedirectCatcher>>;
let redirectUri: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'authorization-code' });
  http = sandboxHttp(sandbox);
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  catcher = await startRedirectCatcher();
  redirectUri = catcher.uri;
});
afterAll(async () => {
  await browser?.close();
  await catcher?.close();
  await sandbox?.close();
});


function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(params: Record<string, string>): Promise<URL> {
  const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin');
  const url = new URL(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/authorize`);
  for (const [k, v] of Object.entries({ client_id: sandbox.info.publicClientId, response_type: 'code', redirect_uri: redirectUri, ...params })) url.searchParams.set(k, v);
  await runSignIn(page, { username: ga?.username, password: ga?.password, consent: 'accept' }, url.toString());
  const back = catcher.last();
  if (!back) throw new Error('the browser never reached the redirect URI');
  return back;
}

describe('authorization code protocol details', () => {
  // The Graph Command Line Tools registration is http://localhost; any loopback host and port match (facts §2).
  it('returns code, state and client_info in the query, echoes nonce, verifies PKCE and spends codes once (54005)', async () => {
    const { verifier, challenge } = pkce();
    const back = await authorize({
      scope: 'openid profile offline_access https://graph.microsoft.com/User.Read',
      response_mode: 'query',
      state: 'state-123',
      nonce: 'nonce-abc',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(back.searchParams.get('state')).toBe('state-123');
    const clientInfo = JSON.parse(Buffer.from(back.searchParams.get('client_info') ?? '', 'base64url').toString()) as { uid: string; utid: string };
    expect(clientInfo.utid).toBe(sandbox.info.partnerTenantId);
    const code = back.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const tokenUrl = `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/token`;
    const redeem = (codeVerifier: string) =>
      http.postForm(tokenUrl, { grant_type: 'authorization_code', client_id: sandbox.info.publicClientId, code, redirect_uri: redirectUri, code_verifier: codeVerifier, scope: 'openid profile offline_access https://graph.microsoft.com/User.Read' });

    const wrong = await redeem(pkce().verifier);
    expect(wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });

    const ok = await redeem(verifier);
    expect(ok.status).toBe(200);
    const body = ok.json<{ id_token: string; access_token: string; refresh_token: string; scope: string; client_info: string; token_type: string }>();
    expect(body.token_type).toBe('Bearer');
    expect(decodeJwt(body.id_token).nonce).toBe('nonce-abc');
    expect(body.refresh_token).toBeTruthy();
    expect(body.scope.split(' ')).toEqual(expect.arrayContaining(['https://graph.microsoft.com/User.Read', 'openid', 'profile', 'offline_access']));

    const again = await redeem(verifier);
    expect(again.status).toBe(400);
    expect(again.json()).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });

  it('returns errors to the redirect URI with state when the user cancels consent (65004)', async () => {
    sandbox.reset();
    const fresh = await newContext(browser);
    const p = await fresh.newPage();
    const member = sandbox.info.users.find((u) => u.key === 'member');
    const url = new URL(`${sandbox.info.authority}/organizations/oauth2/v2.0/authorize`);
    for (const [k, v] of Object.entries({ client_id: sandbox.info.publicClientId, response_type: 'code', redirect_uri: redirectUri, response_mode: 'query', scope: 'openid User.Read', state: 's1' })) url.searchParams.set(k, v);
    await runSignIn(p, { username: member?.username, password: member?.password, consent: 'cancel' }, url.toString());
    const back = catcher.last() ?? new URL('http://missing');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(back.searchParams.get('state')).toBe('s1');
    await fresh.close();
  });

  it('answers prompt=none without a session with login_required (50058)', async () => {
    const fresh = await newContext(browser);
    const p = await fresh.newPage();
    const url = new URL(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/authorize`);
    for (const [k, v] of Object.entries({ client_id: sandbox.info.publicClientId, response_type: 'code', redirect_uri: redirectUri, response_mode: 'query', scope: 'openid', prompt: 'none' })) url.searchParams.set(k, v);
    await p.goto(url.toString());
    const back = catcher.last() ?? new URL('http://missing');
    expect(back.searchParams.get('error')).toBe('login_required');
    expect(back.searchParams.get('error_description')).toMatch(/^AADSTS50058: /);
    await fresh.close();
  });
});
