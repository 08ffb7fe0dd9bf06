// Time to first rows of the Client tenants table with 5,000 tenants, in Chromium, through the real web host
// (issue 10: "the table shows 5,000 tenants, sorted and filtered, with no lag an admin can feel").
//   npm run bench -- tenants-table [--tenants 5000] [--runs 5]
// Seeds a ClientOne workspace (its multi-tenant app recorded, as setup leaves it) with N tenants in the store,
// starts `src/main/web-host/cli.ts` on that data, and measures in the page, per run (median over runs):
//   firstRowsMs  click on "Client tenants" -> the first table rows on screen
//   sortMs       click on the "Tenant ID" header -> rows in the new order
//   filterMs     a text typed into "Find" (after its 150 ms pause) -> the filtered rows
//   scrollEndMs  jump to the end of the list -> its last row on screen (the block is read on demand)
// Prints JSON and writes bench/results/tenants-table.json. Run `npm run build` first (the host serves out/renderer).
import { type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../src/main/core/create-core';
import { ManagedAppRepository } from '../src/main/core/onboarding/managed-app-repository';
import { openDatabase } from '../src/main/core/store/open-database';
import { startWebHostProcess } from '../tests/e2e/fixtures/web-host-process';
import { startTestCore } from '../tests/helpers/start-test-core';
import { launchChromium } from '../tests/helpers/launch-chromium';
import { clickInPage, timeInPage } from './time-in-page';

const { values } = parseArgs({ options: { tenants: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } } });
const tenants = Number(values.tenants);
const runs = Number(values.runs);

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const tenantId = (i: number) => `${hex(i * 2654435761 % 0xffffffff, 8)}-${hex(i % 0xffff, 4)}-4${hex(i % 0xfff, 3)}-8${hex((i * 7) % 0xfff, 3)}-${hex(i, 12)}`;

function seed(dataDir: string): { workspaceName: string } {
  const core = startTestCore(dataDir);
  const workspaceName = 'Contoso – PanelOne (bench)';
  const ws = core.services.workspaces.create({ name: workspaceName, platformId: 'clientone', partnerTenant: null });
  const saved = core.services.onboarding.saveAnswers(ws.id, { redirectUri: 'https://panel.contosomsp.com/auth-clientone-sso-callback' });
  if (!saved.valid) throw new Error(`answers refused: ${JSON.stringify(saved.issues)}`);
  const found = Array.from({ length: tenants }, (_, i) => ({
    tenantId: tenantId(i),
    domain: `client${i}.example.com`,
    name: `Client ${String(i).padStart(5, '0')} ${['Dental', 'Legal', 'Logistics', 'Bakery', 'Clinic'][i % 5]}`,
    source: (i % 3 === 0 ? 'partnerCenter' : 'csv') as 'partnerCenter' | 'csv',
    detail: i % 3 === 0 ? undefined : `bench.csv line ${i + 2}`,
  }));
  core.services.clientTenants.merge(ws.id, found);
  core.close();
  // As setup leaves it: the workspace's main app exists (the page consents that app).
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  new ManagedAppRepository(db).upsert(ws.id, { role: 'main', uniqueName: 'clientone-main', appObjectId: '11111111-1111-4111-8111-111111111111', appId: '22222222-2222-4222-8222-222222222222', spObjectId: null }, new Date().toISOString());
  db.close();
  return { workspaceName };
}

/** What the table shows, for a timeout's error. */
async function tableState(page: Page): Promise<string> {
  const rows = await page.locator('[data-testid="tenant-row"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-rowindex')));
  const scrollTop = await page.getByTestId('tenant-table-scroller').evaluate((el) => el.scrollTop);
  return `The table: ${JSON.stringify({ scrollTop, rows: [rows[0], rows.at(-1), rows.length] })}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'eo-bench-table-'));
const seedStarted = performance.now();
const { workspaceName } = seed(dataDir);
const seedMs = performance.now() - seedStarted;
const host = await startWebHostProcess(dataDir);
const browser = await launchChromium();
const samples = { firstRowsMs: [] as number[], sortMs: [] as number[], filterMs: [] as number[], scrollEndMs: [] as number[], renderedRows: [] as number[] };
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: `Open ${workspaceName}` }).click();
    const tenantsNav = page.getByRole('navigation').getByRole('button', { name: 'Client tenants' });
    await tenantsNav.waitFor();
    const explain = () => tableState(page);
    // Found before the clock starts (clickInPage): the lookup is Playwright's time, not the page's.
    samples.firstRowsMs.push(
      await timeInPage(page, await clickInPage(tenantsNav), `() => document.querySelectorAll('[data-testid="tenant-row"]').length > 0`, { startsClock: true, explain }),
    );
    samples.renderedRows.push(await page.locator('[data-testid="tenant-row"]').count());
    const total = await page.getByTestId('tenant-total').textContent();
    if (total !== `${tenants} tenants match.`) throw new Error(`the table says "${total}"`);

    // The second row: tenant 0 comes first by name and by ID alike.
    const secondId = await page.locator('[data-testid="tenant-row"]').nth(1).getAttribute('data-tenant-id');
    samples.sortMs.push(
      await timeInPage(
        page,
        await clickInPage(page.getByRole('table', { name: 'Client tenants' }).getByRole('button', { name: 'Tenant ID' })),
        `(second) => { const r = document.querySelectorAll('[data-testid="tenant-row"]')[1]; return r && r.getAttribute('data-tenant-id') !== second; }`,
        { arg: secondId, startsClock: true, explain },
      ),
    );
    const find = await page.getByLabel('Find').elementHandle(); // found before the clock starts
    samples.filterMs.push(
      await timeInPage(
        page,
        () => find.fill('Bakery'),
        `(n) => document.querySelector('[data-testid="tenant-total"]')?.textContent === n + ' tenants match.'`,
        { arg: Math.ceil((tenants - 3) / 5), explain },
      ),
    );
    await page.getByLabel('Find').fill('');
    await page.getByTestId('tenant-total').filter({ hasText: `${tenants} tenants match.` }).waitFor();
    samples.scrollEndMs.push(
      await timeInPage(
        page,
        async () => {
          // As an admin does: the mouse over the table, one long wheel turn to the end.
          await page.getByTestId('tenant-table-scroller').hover();
          await page.mouse.wheel(0, tenants * 60);
        },
        `(n) => !!document.querySelector('[data-testid="tenant-row"][aria-rowindex="' + (n + 1) + '"]')`,
        { arg: tenants, explain },
      ),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const result = {
  bench: 'tenants-table',
  tenants,
  runs,
  browser: 'Chromium (Debian), headless, web host over loopback',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
  medianMs: {
    firstRows: Math.round(median(samples.firstRowsMs)),
    sort: Math.round(median(samples.sortMs)),
    filter: Math.round(median(samples.filterMs)),
    scrollToEnd: Math.round(median(samples.scrollEndMs)),
  },
  samplesMs: Object.fromEntries(Object.entries(samples).filter(([k]) => k !== 'renderedRows').map(([k, v]) => [k, v.map(Math.round)])),
  rowsInPage: median(samples.renderedRows),
  seedMs: Math.round(seedMs),
  note: 'filter includes the 150 ms pause the Find box waits for before it asks; rowsInPage is how many of the rows the virtualised table has in the page',
  at: new Date().toISOString(),
};
const json = JSON.stringify(result, null, 2);
process.stdout.write(`${json}\n`);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'tenants-table.json'), `${json}\n`);
