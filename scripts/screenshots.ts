// `npm run screenshots`: pictures of the real UI for the README, taken from the built app on the web
// host against a throw-away sandbox. Run `npm run build` first.
import { type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHostProcess } from '../tests/e2e/fixtures/web-host-process';
import { completeSandboxSignIn } from '../tests/helpers/sandbox-sign-in';
import { startSandbox } from '../tests/sandbox/startSandbox';
import { launchChromium } from '../tests/helpers/launch-chromium';

async function create(page: Page, name: string, platform: string, tenant = '') {
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Workspace name').fill(name);
  await dialog.getByLabel('Platform').selectOption({ label: platform });
  await dialog.getByLabel('Partner tenant (optional)').fill(tenant);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  return dialog;
}

const dataDir = mkdtempSync(join(tmpdir(), 'eo-shots-'));
const sandbox = await startSandbox({ dataDir: join(dataDir, 'sandbox') });
const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
const host = await startWebHostProcess(join(dataDir, 'app'), [], { ENTRA_ONBOARD_SANDBOX: JSON.stringify(sandbox.info) });
const browser = await launchChromium();
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });

/** Clicks what opens Microsoft's page in a new tab, and signs in there. */
async function signInInTab(page: Page, trigger: Locator) {
  const popup = page.waitForEvent('popup');
  await trigger.click();
  const tab = await popup;
  await completeSandboxSignIn(tab, ga);
  await tab.close();
}

try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1200, height: 720 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await create(page, 'Contoso MSP – PanelOne', 'ClientOne / PanelOne', 'contosomsp.onmicrosoft.com');
  await create(page, 'Contoso MSP – SonicSaaS', 'SonicSaaS', 'contosomsp.onmicrosoft.com');
  await create(page, 'Contoso MSP – bvoip', 'bvoip partner portal');
  await page.getByTestId('workspace-row').nth(2).waitFor();
  await shot(page, 'workspaces');
  const dialog = await create(page, 'contoso msp – panelone', 'ClientOne / PanelOne', 'not a tenant');
  await dialog.getByText(/Enter the partner tenant ID/).waitFor();
  await shot(page, 'new-workspace-validation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Open Contoso MSP – bvoip' }).click();
  await signInInTab(page, page.getByRole('button', { name: 'Sign in with your browser' }));
  await page.getByTestId('tenant-id').waitFor();
  await page.getByTestId('reach-partnerCenter').waitFor();
  await shot(page, 'preflight');

  const wizard = page.getByLabel('Guided setup');
  await wizard
    .getByLabel('Redirect URIs from the MTP portal')
    .fill(['https://mtp.bvoip.net/users', 'https://contosomsp.bvoip.net/users', 'https://contosomsp.bvoip.net/sso/webclient', 'http://contosomsp.bvoip.net/login'].join('\n'));
  await wizard.getByText('Line 4').waitFor();
  await wizard.screenshot({ path: 'docs/screenshots/wizard-answers.png' });
  await wizard.getByLabel('Redirect URIs from the MTP portal').fill(['https://mtp.bvoip.net/users', 'https://contosomsp.bvoip.net/users', 'https://contosomsp.bvoip.net/sso/webclient'].join('\n'));
  await wizard.getByRole('button', { name: 'Preview changes' }).click();
  // The one consent: every permission the plan needs, each once with its reasons.
  await wizard.getByTestId('plan-permission').first().waitFor();
  await wizard.screenshot({ path: 'docs/screenshots/wizard-consent.png' });
  await signInInTab(page, wizard.getByRole('button', { name: 'Sign in to allow this' }));
  await wizard.getByTestId('preview-item').first().waitFor();
  await wizard.screenshot({ path: 'docs/screenshots/wizard-preview.png' });
  await wizard.getByRole('button', { name: 'Apply changes' }).click();
  await wizard.getByLabel('Values for the platform').waitFor();
  // The secret stays masked: no picture in the repository shows one, even a sandbox's.
  await wizard.screenshot({ path: 'docs/screenshots/wizard-handover.png' });

  // The Client tenants page: discovery through GDAP (its permission asked for once), then a tenant's details.
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Client tenants' }).click();
  await page.getByRole('button', { name: 'Discover (GDAP + Partner Center)' }).click();
  await page.getByTestId('discover-result').waitFor();
  const allow = page.getByRole('button', { name: 'Sign in to allow GDAP' });
  if (await allow.isVisible()) {
    await signInInTab(page, allow);
    await page.getByTestId('discover-result').filter({ hasText: /GDAP found/ }).waitFor();
  }
  await page.getByTestId('tenant-row').first().getByRole('button', { name: /^Details of/ }).click();
  await page.getByTestId('tenant-details').waitFor();
  await shot(page, 'client-tenants');

  // A consent run over the included tenants, then the Runs page with its outcome.
  await page.getByRole('button', { name: /^Start run/ }).click();
  await page.getByTestId('run-line').first().waitFor();
  await page.locator('[data-testid="run-line"]:not([data-state="running"])').first().waitFor({ timeout: 120_000 }).catch(() => undefined);
  await nav.getByRole('button', { name: 'Runs' }).click();
  await page.getByTestId('latest-run').or(page.getByTestId('no-runs')).first().waitFor();
  await shot(page, 'runs');

  // The weekly review, across workspaces: dashboard, secrets, drift and the activity log.
  await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
  const consoleNav = page.getByRole('navigation', { name: 'Console pages' });
  await consoleNav.getByRole('button', { name: 'Dashboard' }).click();
  await page.getByTestId('dashboard-row').first().waitFor();
  // The counts, charts and attention list mount in the frame after the first rows: wait until nothing reads "Reading…".
  await page.getByTestId('dashboard-tiles').waitFor();
  await page.waitForFunction(`!document.querySelector('main')?.textContent?.includes('Reading…')`);
  await shot(page, 'dashboard');
  await consoleNav.getByRole('button', { name: 'Secrets' }).click();
  await page.getByTestId('secret-row').first().waitFor();
  // Fluent's button styles settle a frame after the page mounts: a shot taken at once showed it greyed out.
  await page.getByRole('button', { name: 'Export reminders (.ics)' }).and(page.locator(':enabled')).waitFor();
  await shot(page, 'secrets');
  await consoleNav.getByRole('button', { name: 'Drift' }).click();
  await page.getByTestId('drift-check-all').click();
  await page.getByTestId('drift-summary').waitFor({ timeout: 120_000 });
  await shot(page, 'drift');
  await consoleNav.getByRole('button', { name: 'Activity' }).click();
  await page.getByTestId('activity-row').first().waitFor();
  await shot(page, 'activity');
  console.log('Wrote docs/screenshots/*.png');
} finally {
  await browser.close();
  await host.stop();
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
}
