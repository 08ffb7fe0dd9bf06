import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures/app-fixture';
import { expectNoSeriousAxeViolations } from './fixtures/accessibility';
import { previewAndApply, sandboxUser, signInInNewTab, startWorkspace } from './fixtures/flows';
import type { TenantStatusKind } from '../../src/shared/domain/client-tenants';

const KINDS: TenantStatusKind[] = ['notStarted', 'consented', 'partiallyConsented', 'accessNeeded', 'failed', 'tenantNotFound', 'excluded'];

/** The Client tenants page's badges ("Failed: 3"), as the workspace itself counts its tenants. */
async function workspaceCounts(page: Page): Promise<Record<TenantStatusKind, number>> {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<TenantStatusKind, number>;
  for (const k of KINDS) {
    const badge = page.getByTestId('tenant-counts').getByTestId(`count-${k}`);
    if ((await badge.count()) > 0) counts[k] = Number((await badge.textContent())!.match(/(\d+)$/)![1]);
  }
  return counts;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const wait = page.waitForEvent('download');
  await click();
  const download = await wait;
  return { download, text: readFileSync((await download.path())!, 'utf8') };
}

test.describe('the status dashboard across workspaces', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  test('shows what a consent run read in the sandbox; filter and search; opens the workspace; exports CSV and HTML', async ({ app, sandbox }) => {
    // The whole setup, discovery with its own sign-in, a consent run over every GDAP tenant, and two axe runs.
    test.setTimeout(480_000);
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – PanelOne', 'ClientOne / PanelOne');
    await wizard.getByLabel('Redirect URI from PanelOne').fill('https://panel.contosomsp.com/auth-clientone-sso-callback');
    await previewAndApply(page, wizard, sandbox);

    // Discover the GDAP customers and run consent over all of them: the sandbox answers per tenant as Entra does.
    await page.getByRole('navigation').getByRole('button', { name: 'Client tenants' }).click();
    await page.getByRole('button', { name: 'Discover (GDAP + Partner Center)' }).click();
    await expect(page.getByTestId('discover-result')).toBeVisible();
    const ask = page.getByRole('button', { name: 'Sign in to allow GDAP' });
    if (await ask.isVisible()) await signInInNewTab(page, ask, sandboxUser(sandbox, 'globalAdmin'));
    await expect(page.getByTestId('discover-result')).toContainText('GDAP found');
    await page.getByRole('button', { name: /^Start run/ }).click();
    const runLine = page.getByTestId('run-line');
    const askRun = page.getByRole('button', { name: /^Sign in to allow/ });
    await expect(runLine.or(askRun).first()).toBeVisible({ timeout: 60_000 });
    if (await askRun.isVisible()) {
      await signInInNewTab(page, askRun, sandboxUser(sandbox, 'globalAdmin'));
      await page.getByRole('button', { name: /^Start run/ }).click();
    }
    await expect(runLine).toHaveAttribute('data-state', /^(succeeded|failed)$/, { timeout: 240_000 });
    // The badges follow the run's events; read them once they hold still.
    let counts = await workspaceCounts(page);
    await expect
      .poll(async () => {
        const previous = JSON.stringify(counts);
        await page.waitForTimeout(750);
        counts = await workspaceCounts(page);
        return JSON.stringify(counts) === previous && counts.notStarted === 0;
      })
      .toBe(true);
    const total = KINDS.reduce((n, k) => n + counts[k], 0);
    expect(total).toBeGreaterThan(0);

    // Home, then the dashboard: its tiles are the workspace's numbers.
    await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
    await page.getByRole('navigation', { name: 'Console pages' }).getByRole('button', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByTestId('tile-total')).toContainText(`${total}Client tenants in 1 workspace`);
    for (const k of KINDS) await expect(page.getByTestId(`tile-${k}`), k).toContainText(String(counts[k]));
    const dashTotal = page.getByTestId('dashboard-total');
    await expect(dashTotal).toHaveText(`${total} tenants match.`);
    await expect(page.getByTestId('status-chart').locator('svg[role="img"] desc')).toContainText(`Consented: ${counts.consented}`);
    await expect(page.getByTestId('secret-chart')).toBeVisible();
    // What the run could not finish is listed first, with why.
    const broken = counts.failed + counts.accessNeeded + counts.partiallyConsented + counts.tenantNotFound;
    if (broken > 0) {
      await expect(page.getByRole('heading', { level: 2, name: /^Needs attention/ })).toContainText(`(${broken})`);
      await expect(page.getByTestId('attention-item').first()).not.toBeEmpty();
    }
    await expectNoSeriousAxeViolations(page, 'the Dashboard');

    // Filter by the most common status, then search for one tenant by name.
    const common = KINDS.filter((k) => counts[k] > 0).sort((a, b) => counts[b] - counts[a])[0]!;
    const statusBox = page.getByLabel('Status', { exact: true });
    await statusBox.selectOption(common);
    await expect(dashTotal).toHaveText(`${counts[common]} tenants match.`);
    await expect(page.getByTestId('tile-total')).toContainText(`${counts[common]}Client tenants`);
    const statuses = await page.getByTestId('dashboard-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-status')))]);
    expect(statuses).toEqual([common]);
    // And a status no tenant has (or the rarest): the list and the tiles follow it too.
    const rare = KINDS.filter((k) => k !== common).sort((a, b) => counts[a] - counts[b])[0]!;
    await statusBox.selectOption(rare);
    await expect(dashTotal).toHaveText(`${counts[rare]} tenants match.`);
    await expect(page.getByTestId('tile-total')).toContainText(`${counts[rare]}Client tenants`);
    await expect(page.getByTestId('dashboard-row')).toHaveCount(counts[rare]);
    await statusBox.selectOption('');
    await expect(dashTotal).toHaveText(`${total} tenants match.`);

    const gdapOne = sandbox.info.clientTenants.find((c) => c.gdapStatus !== null)!;
    await page.getByLabel('Find').fill(gdapOne.tenantId.slice(0, 18).toUpperCase());
    await expect(dashTotal).toHaveText('1 tenants match.');
    const row = page.getByTestId('dashboard-row');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-tenant-id', gdapOne.tenantId);

    // CSV of exactly the filtered rows.
    const csv = await downloaded(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.download.suggestedFilename()).toMatch(/^client-tenant-status-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(gdapOne.tenantId);
    await expect(page.getByTestId('export-result')).toContainText('1 client tenant.');

    // The HTML report of everything: one file, no script, nothing fetched, the dashboard's numbers.
    await page.getByLabel('Find').fill('');
    await expect(dashTotal).toHaveText(`${total} tenants match.`);
    const report = await downloaded(page, () => page.getByRole('button', { name: 'Export HTML report' }).click());
    expect(report.text).not.toMatch(/<script|https?:\/\//i);
    expect(report.text).toContain(`<span class="n" data-count="total">${total}</span>`);
    for (const k of KINDS) expect(report.text, k).toContain(`<span class="n" data-count="${k}">${counts[k]}</span>`);
    // Opened with the network cut, it shows without asking for anything.
    const viewer = await page.context().newPage();
    const requests: string[] = [];
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.setContent(report.text);
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Client tenant status report');
    await expect(viewer.locator('svg[role="img"]')).toHaveCount(2);
    expect(requests).toEqual([]);
    await viewer.close();

    // A client's own report, from its row.
    await page.getByLabel('Find').fill(gdapOne.tenantId);
    await expect(dashTotal).toHaveText('1 tenants match.');
    const label = (await row.getByRole('button', { name: /^Open / }).getAttribute('aria-label'))!.replace(/^Open (.*) in .*$/, '$1');
    const clientReport = await downloaded(page, () => row.getByRole('button', { name: `Report for ${label}` }).click());
    expect(clientReport.download.suggestedFilename()).toContain(gdapOne.tenantId);
    expect(clientReport.text).toContain('<span class="n" data-count="total">1</span>');

    // A row opens its workspace's Client tenants page.
    await row.getByRole('button', { name: /^Open / }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Client tenants' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Contoso – PanelOne: pages' }).getByRole('button', { name: 'Client tenants' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
