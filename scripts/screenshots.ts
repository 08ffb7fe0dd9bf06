// `npm run screenshots`: pictures of the real UI for the README, taken from the built app on the web
// host with a throw-away data folder. Run `npm run build` first.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHostProcess } from '../tests/e2e/fixtures/web-host-process';

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
const host = await startWebHostProcess(dataDir);
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 640 } });
  await page.goto(host.url);
  await create(page, 'Contoso MSP – PanelOne', 'ClientOne / PanelOne', 'contosomsp.onmicrosoft.com');
  await create(page, 'Contoso MSP – SonicSaaS', 'SonicSaaS', 'contosomsp.onmicrosoft.com');
  await create(page, 'Contoso MSP – bvoip', 'bvoip partner portal');
  await page.getByTestId('workspace-row').nth(2).waitFor();
  await page.screenshot({ path: 'docs/screenshots/workspaces.png' });
  const dialog = await create(page, 'contoso msp – panelone', 'ClientOne / PanelOne', 'not a tenant');
  await dialog.getByText(/Enter the partner tenant ID/).waitFor();
  await page.screenshot({ path: 'docs/screenshots/new-workspace-validation.png' });
  console.log('Wrote docs/screenshots/workspaces.png and docs/screenshots/new-workspace-validation.png');
} finally {
  await browser.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
