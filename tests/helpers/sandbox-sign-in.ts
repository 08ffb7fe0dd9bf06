import type { Page } from '@playwright/test';

export interface Credentials {
  username: string;
  password: string;
  /** The code the sandbox's MFA page accepts for this user (SANDBOX_READY users[].mfaCode). */
  mfaCode?: string;
}

/**
 * Completes the sandbox's Microsoft-style sign-in in a page already on the sign-in URL: account
 * picker ("Use another account"), user name and password, and the consent prompt when it appears.
 * Resolves when the browser has been sent back to the loopback redirect.
 */
export async function completeSandboxSignIn(page: Page, who: Credentials, finished: RegExp = /You are signed in|Sign-in did not complete|Admin consent granted|Admin consent was not granted/): Promise<void> {
  const other = page.locator('#otherTile');
  const username = page.locator('input[name="loginfmt"]');
  const mfa = page.locator('#idTxtBx_SAOTCC_OTC');
  const accept = page.locator('#idBtn_Accept');
  const done = page.getByText(finished);
  // Entra reuses the browser session when it can: the first page may already be MFA, consent or done.
  await other.or(username).or(mfa).or(accept).or(done).first().waitFor();
  if (await other.isVisible()) await other.click();
  if (await username.isVisible()) {
    await username.fill(who.username);
    await page.locator('input[name="passwd"]').fill(who.password);
    await page.locator('#idSIButton9').click();
  }
  for (;;) {
    await mfa.or(accept).or(done).first().waitFor();
    if (await done.isVisible()) return;
    if (await mfa.isVisible()) {
      if (!who.mfaCode) throw new Error(`The sandbox asks ${who.username} for MFA, but no code was given`);
      await mfa.fill(who.mfaCode);
      await page.locator('#idSubmit_SAOTCC_Continue').click();
    } else {
      await accept.click();
    }
  }
}

/** Enters a device code on the sandbox's device login page, then signs in. */
export async function completeSandboxDeviceLogin(page: Page, verificationUri: string, userCode: string, who: Credentials) {
  await page.goto(verificationUri);
  await page.locator('input[name="otc"]').fill(userCode);
  await page.locator('#idSIButton9').click();
  await completeDeviceSignIn(page, who);
}

async function completeDeviceSignIn(page: Page, who: Credentials) {
  const other = page.locator('#otherTile');
  const username = page.locator('input[name="loginfmt"]');
  await other.or(username).first().waitFor();
  if (await other.isVisible()) await other.click();
  await username.fill(who.username);
  await page.locator('input[name="passwd"]').fill(who.password);
  await page.locator('#idSIButton9').click();
  const confirm = page.locator('button[value="confirm"]');
  const accept = page.locator('#idBtn_Accept');
  const done = page.locator('#deviceSignedIn');
  for (;;) {
    await confirm.or(accept).or(done).first().waitFor();
    if (await done.isVisible()) return;
    if (await accept.isVisible()) await accept.click();
    else await confirm.click();
  }
}

/**
 * The `openUrl` of a product under test whose "system browser" is one scripted page. Each sign-in opens
 * only once the previous one has finished in that page: the product moves on as soon as its loopback
 * listener has the code, while the browser is still navigating (the loopback's answer, its redirect to the
 * success page). A goto issued then is "interrupted by another navigation" to the loopback, which a loaded
 * machine makes likely. So: wait for the previous sign-in's final page to have loaded, then go.
 */
export function openInOnePage(page: Page, who: () => Credentials | undefined): (url: string) => Promise<void> {
  let previous: Promise<void> = Promise.resolve();
  return async (url) => {
    await previous;
    await page.goto(url);
    const signingIn = who();
    if (!signingIn) return;
    previous = completeSandboxSignIn(page, signingIn)
      .then(() => page.waitForLoadState('load'))
      // A sign-in a test abandons (an error page it expects) ends here; the next one starts afresh.
      .catch(() => {});
  };
}
