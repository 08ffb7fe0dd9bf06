import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures/app-fixture';
import { startCuttableSandbox, type CuttableSandbox } from './fixtures/cuttable-sandbox';
import { previewAndApply, sandboxUser, signInInNewTab, startWorkspace } from './fixtures/flows';
import { startWebHostProcess, type RunningWebHost } from './fixtures/web-host-process';

/** The web host on `dataDir`, pointed at the relay, and a page on it. */
async function openApp(browser: Browser, dataDir: string, cloud: CuttableSandbox): Promise<{ page: Page; stop(): Promise<void> }> {
  const host: RunningWebHost = await startWebHostProcess(dataDir, [], { ENTRA_ONBOARD_SANDBOX: JSON.stringify(cloud.info) });
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    stop: async () => {
      await context.close();
      await host.stop();
    },
  };
}

test.describe('offline first', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  let cloud: CuttableSandbox;
  let dataDir: string;
  test.beforeEach(async () => {
    cloud = await startCuttableSandbox();
    dataDir = mkdtempSync(join(tmpdir(), 'eo-e2e-offline-'));
  });
  // Also runs after a test skipped before beforeEach (the Electron project on a machine without its binary).
  test.afterEach(async () => {
    await (cloud as CuttableSandbox | undefined)?.close();
    if ((dataDir as string | undefined) !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  test('with Microsoft out of reach the app shows cached data with its age, says why actions are off, and one click refreshes', async ({ browser }) => {
    // Setup, discovery with its own sign-in, two restarts and two refreshes over every client tenant.
    test.setTimeout(420_000);
    const name = 'Contoso – PanelOne';

    // ---- phase 1, online: a setup and client tenants with statuses, so there is something cached ----
    let app = await openApp(browser, dataDir, cloud);
    let page = app.page;
    await expect(page.getByTestId('connectivity-status')).toHaveAttribute('data-status', 'online');
    const wizard = await startWorkspace(page, cloud.sandbox, name, 'ClientOne / PanelOne');
    await wizard.getByLabel('Redirect URI from PanelOne').fill('https://panel.contosomsp.com/auth-clientone-sso-callback');
    await previewAndApply(page, wizard, cloud.sandbox);
    await page.getByRole('navigation').getByRole('button', { name: 'Client tenants' }).click();
    await page.getByRole('button', { name: 'Discover (GDAP + Partner Center)' }).click();
    await expect(page.getByTestId('discover-result')).toBeVisible();
    const ask = page.getByRole('button', { name: 'Sign in to allow GDAP' });
    if (await ask.isVisible()) await signInInNewTab(page, ask, sandboxUser(cloud.sandbox, 'globalAdmin'));
    await expect(page.getByTestId('discover-result')).toContainText('GDAP found');
    // Refresh while online: each tenant's status is read through the verify run.
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByTestId('refresh-result')).toBeVisible({ timeout: 180_000 });
    await expect(page.getByTestId('refresh-result')).toContainText('Refreshed at');
    await expect(page.getByTestId('tenant-statuses-as-of')).toBeVisible();
    await app.stop();

    // ---- phase 2, offline: the relay is cut and the app started again on the same data ----
    await cloud.cut();
    app = await openApp(browser, dataDir, cloud);
    page = app.page;
    const banner = page.getByTestId('offline-banner');
    await expect(banner).toContainText('Working offline');
    const port = new URL(cloud.info.authority).port;
    await expect(banner).toContainText(`Can't reach Microsoft (127.0.0.1:${port}): the connection was refused (ECONNREFUSED).`);
    // Workspaces: the app registration, its secret and the client tenants, each with its age.
    const row = page.getByTestId('workspace-row').filter({ hasText: name });
    await expect(row.getByTestId('cached-app-line').getByTestId('as-of')).toHaveAttribute('data-staleness', 'fresh');
    await expect(row.getByTestId('cached-app-line')).toContainText('as of');
    await expect(row.getByTestId('cached-secret-line')).toContainText('expires');
    await expect(row.getByTestId('cached-tenants-line')).toContainText('client tenants');
    await expect(row.getByTestId('cached-tenants-line').getByTestId('as-of')).toHaveAttribute('data-staleness', 'fresh');
    // Refresh says why it is off; nothing is queued.
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
    await expect(refresh).toBeDisabled();
    await expect(page.getByText(/^Refresh needs Microsoft, and it can’t be reached/)).toBeVisible();

    // The setup page: cached app and secret with their age; sign-in, preflight and drift check off, with why.
    await page.getByRole('button', { name: `Open ${name}` }).click();
    const cached = page.getByTestId('cached-state');
    await expect(cached.getByTestId('cached-app').first()).toContainText('Application (client) ID');
    await expect(cached.getByTestId('cached-secret').first()).toContainText('expires');
    await expect(cached.getByTestId('as-of').first()).toContainText('as of');
    await expect(page.getByRole('button', { name: 'Sign in with another account' })).toBeDisabled();
    await expect(page.getByText(/^Signing in needs Microsoft, and it can’t be reached/)).toBeVisible();
    await expect(page.getByTestId('preflight-offline')).toContainText('Preflight needs Microsoft');
    await expect(page.getByRole('button', { name: 'Check for drift' })).toBeDisabled();
    await expect(page.getByText(/^Setup needs Microsoft, and it can’t be reached/)).toBeVisible();
    // The handed-over values are still there (from the cache and the vault).
    await expect(page.getByLabel('Values for the platform')).toBeVisible();

    // Client tenants: every row with its status and when it was read; runs and discovery off, with why.
    await page.getByRole('navigation').getByRole('button', { name: 'Client tenants' }).click();
    const tenantRows = page.getByRole('table', { name: 'Client tenants' }).getByTestId('tenant-row');
    await expect(tenantRows.first().getByTestId('tenant-status')).toBeVisible();
    await expect(tenantRows.first().getByTestId('as-of')).toContainText('as of');
    await expect(page.getByRole('button', { name: /^Start run/ })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Discover (GDAP + Partner Center)' })).toBeDisabled();
    await expect(page.getByText(/^A consent run needs Microsoft, and it can’t be reached/)).toBeVisible();
    // Never the old "does not recognise" with a JavaScript class name as the reference.
    await expect(page.locator('body')).not.toContainText('TypeError');
    await expect(page.locator('body')).not.toContainText('does not recognise');

    // ---- phase 3: while the admin was offline someone removed the secret in Entra; the network comes back ----
    const db = new Database(join(dataDir, 'entra-onboard.sqlite'), { readonly: true });
    const appId = (db.prepare("SELECT app_id FROM managed_apps WHERE role = 'main'").get() as { app_id: string }).app_id;
    db.close();
    const directory = cloud.sandbox.state.directory(cloud.sandbox.info.partnerTenantId);
    const entraApp = [...directory.applications.values()].find((a) => a.appId === appId)!;
    expect(entraApp.passwordCredentials.length).toBeGreaterThan(0);
    entraApp.passwordCredentials.length = 0;

    await cloud.restore();
    await banner.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByTestId('connectivity-status')).toContainText('Microsoft is reachable again');
    await expect(banner).toHaveCount(0);
    await refresh.click();
    const result = page.getByTestId('refresh-result');
    await expect(result).toBeVisible({ timeout: 180_000 });
    await expect(result.getByTestId('refresh-changes')).toContainText('1 secret is no longer in Entra');
    await expect(page.getByRole('button', { name: /^Start run/ })).toBeEnabled();
    await app.stop();
  });
});
