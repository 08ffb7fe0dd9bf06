import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--headless'],
  });
}

/** The sandbox CA is not in Chromium's store; the browser context skips certificate checks instead. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ignoreHTTPSErrors: true });
}

export interface SignInScript {
  username?: string;
  password?: string;
  mfaCode?: string;
  /** Pick this account on the account picker (or "other" to use another account). */
  pick?: string;
  consent?: 'accept' | 'acceptForOrganization' | 'cancel';
  /** On the "Need admin approval" page, return to the app. */
  backFromAdminApproval?: boolean;
  deviceConfirm?: 'confirm' | 'decline';
}

export interface SignInTrace {
  pages: string[];
  permissions: Array<{ value: string; text: string }>;
  finalUrl: string;
  errorCode: string | null;
  notices: string[];
}

async function whichPage(page: Page): Promise<string> {
  const url = page.url();
  if (/^http:\/\/(localhost|127\.0\.0\.1)/.test(url)) return 'redirected';
  const checks: Array<[string, string]> = [
    ['form[name=hiddenform]', 'formPost'],
    ['#errorMessage', 'error'],
    ['#deviceSignedIn', 'deviceDone'],
    ['#deviceDeclined', 'deviceDeclined'],
    ['#i0116', 'signIn'],
    ['#idTxtBx_SAOTCC_OTC', 'mfa'],
    ['#otherTile', 'picker'],
    ['#idBtn_Accept', 'consent'],
    ['#idBtn_Back[value=decline]', 'deviceConfirm'],
    ['#idBtn_Back', 'adminApproval'],
    ['#otc', 'deviceCode'],
  ];
  for (const [selector, name] of checks) {
    if ((await page.$(selector)) !== null) return name;
  }
  return 'unknown';
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

/**
 * Plays the sandbox's sign-in pages like a person would: sign in, MFA, pick, consent, device confirmation, until
 * the browser leaves for the app's redirect URI or lands on a terminal page. Returns what it saw.
 */
export async function runSignIn(page: Page, script: SignInScript, startUrl?: string): Promise<SignInTrace> {
  const trace: SignInTrace = { pages: [], permissions: [], finalUrl: '', errorCode: null, notices: [] };
  if (startUrl) await page.goto(startUrl);
  for (let step = 0; step < 12; step++) {
    const kind = await whichPage(page);
    // The auto-submitting form_post page may or may not be seen before it leaves; keep traces deterministic.
    if (kind !== 'formPost') trace.pages.push(kind);
    const notice = await page.$('.notice');
    if (notice) trace.notices.push((await notice.textContent()) ?? '');
    switch (kind) {
      case 'formPost':
        await page.waitForURL(/^http:\/\/(localhost|127\.0\.0\.1)/);
        break;
      case 'redirected':
      case 'deviceDone':
      case 'deviceDeclined':
      case 'unknown':
        trace.finalUrl = page.url();
        return trace;
      case 'error':
        trace.errorCode = await page.getAttribute('#errorMessage', 'data-error-code');
        trace.finalUrl = page.url();
        return trace;
      case 'signIn':
        if (!script.username || trace.pages.filter((p) => p === 'signIn').length > 1) {
          trace.finalUrl = page.url();
          return trace;
        }
        await page.fill('#i0116', script.username);
        await page.fill('#i0118', script.password ?? '');
        await submit(page, '#idSIButton9');
        break;
      case 'mfa':
        if (!script.mfaCode || trace.pages.filter((p) => p === 'mfa').length > 1) {
          trace.finalUrl = page.url();
          return trace;
        }
        await page.fill('#idTxtBx_SAOTCC_OTC', script.mfaCode);
        await submit(page, '#idSubmit_SAOTCC_Continue');
        break;
      case 'picker':
        await submit(page, script.pick && script.pick !== 'other' ? `[data-test-id="${script.pick}"]` : '#otherTile');
        break;
      case 'consent': {
        for (const li of await page.$$('#permissionList li')) {
          trace.permissions.push({ value: (await li.getAttribute('data-permission')) ?? '', text: (await li.textContent()) ?? '' });
        }
        if (!script.consent) {
          trace.finalUrl = page.url();
          return trace;
        }
        if (script.consent === 'acceptForOrganization') {
          const box = await page.$('#idChkBx_ConsentForOrg:not([disabled])');
          if (box) await box.check();
        }
        await submit(page, script.consent === 'cancel' ? '#idBtn_Back' : '#idBtn_Accept');
        break;
      }
      case 'adminApproval':
        if (!script.backFromAdminApproval) {
          trace.finalUrl = page.url();
          return trace;
        }
        await submit(page, '#idBtn_Back');
        break;
      case 'deviceConfirm':
        await submit(page, script.deviceConfirm === 'decline' ? '#idBtn_Back' : '#idSIButton9');
        break;
      default:
        trace.finalUrl = page.url();
        return trace;
    }
  }
  throw new Error(`Sign-in did not finish: ${trace.pages.join(' > ')}`);
}

/**
 * A redirect target on 127.0.0.1 (like a native app's loopback listener) that records what the browser brought
 * back: the query of a redirect, or the body of a form_post.
 */
export async function startRedirectCatcher(): Promise<{ uri: string; last: () => URL | null; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  let last: URL | null = null;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      if (body) url.search = new URLSearchParams(body).toString();
      // The browser also asks for /favicon.ico; only OAuth responses count.
      if (url.search) last = url;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('captured by test');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    uri: `http://127.0.0.1:${port}`,
    last: () => last,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
