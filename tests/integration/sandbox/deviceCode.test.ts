import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { Browser, BrowserContext } from 'playwright-core';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { launchBrowser, newContext, runSignIn, type SignInScript, type SignInTrace } from './helpers/browserSignIn';
import { expectAadsts, publicClient } from './helpers/msalClients';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // Entra's interval is 5 s; one second keeps the suite fast.
  sandbox = await startSandbox({ seed: 'device-code', settings: { deviceCode: { intervalSeconds: 1 } } });
  http = sandboxHttp(sandbox);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});
beforeEach(async () => {
  sandbox.reset();
  await context?.close();
  context = await newContext(browser);
});

async function deviceFlow(script: SignInScript) {
  const page = await context.newPage();
  let trace: Promise<SignInTrace> | undefined;
  let message = '';
  const result = publicClient(sandbox).acquireTokenByDeviceCode({
    scopes: ['https://graph.microsoft.com/User.Read'],
    deviceCodeCallback: (response) => {
      message = response.message;
      trace = (async () => {
        await page.goto(response.verificationUri);
        await page.fill('#otc', response.userCode);
        await Promise.all([page.waitForEvent('load'), page.click('#idSIButton9')]);
        return runSignIn(page, script);
      })();
    },
  });
  return { result, trace: () => trace as Promise<SignInTrace>, message: () => message };
}

describe('device code flow with PublicClientApplication.acquireTokenByDeviceCode', () => {
  it('polls while pending, then returns tokens after the user signs in on the devicelogin page', async () => {
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin');
    const flow = await deviceFlow({ username: ga?.username, password: ga?.password, consent: 'accept', deviceConfirm: 'confirm' });
    const result = await flow.result;
    expect(flow.message()).toContain(`${sandbox.info.deviceLogin} and enter the code`);
    expect((await flow.trace()).pages).toEqual(['signIn', 'deviceConfirm', 'consent', 'deviceDone']);
    expect(result?.account?.username).toBe(ga?.username);
    expect(decodeJwt(result?.accessToken ?? '').scp).toContain('User.Read');
  });

  it('fails with authorization_declined when the user cancels on the device page', async () => {
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin');
    const flow = await deviceFlow({ username: ga?.username, password: ga?.password, deviceConfirm: 'decline' });
    const failure = await expectAadsts(flow.result);
    // msal-node stops polling on any error but authorization_pending and reports it as post_request_failed.
    expect(failure.error.errorCode).toBe('post_request_failed');
    expect(String(failure.error.errorMessage)).toContain('authorization_declined');
    expect((await flow.trace()).pages).toEqual(['signIn', 'deviceConfirm', 'deviceDeclined']);
  });

  it('answers authorization_pending, slow_down for fast polling, and expired_token after expires_in (raw protocol)', async () => {
    const base = `${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0`;
    const start = await http.postForm(`${base}/devicecode`, { client_id: sandbox.info.publicClientId, scope: 'openid https://graph.microsoft.com/User.Read' });
    const device = start.json<{ device_code: string; user_code: string; expires_in: number; interval: number; verification_uri: string }>();
    expect(device.user_code).toMatch(/^[A-Z0-9]{9}$/);
    expect(device).toMatchObject({ expires_in: 900, interval: 1, verification_uri: sandbox.info.deviceLogin });
    const poll = () => http.postForm(`${base}/token`, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: sandbox.info.publicClientId, device_code: device.device_code });
    expect((await poll()).json()).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });
    expect((await poll()).json()).toMatchObject({ error: 'slow_down' });
    sandbox.clock.advance(901_000);
    expect((await poll()).json()).toMatchObject({ error: 'expired_token', error_codes: [70019] });
  });

  it('rejects an unknown code on the devicelogin page (70018)', async () => {
    const page = await context.newPage();
    await page.goto(sandbox.info.deviceLogin);
    await page.fill('#otc', 'NOTACODE1');
    await Promise.all([page.waitForEvent('load'), page.click('#idSIButton9')]);
    expect(await page.textContent('.notice')).toContain('AADSTS70018');
  });
});
