// The status dashboard with 10,000 client tenants over 20 workspaces (issue 11 §2: "filters and search over 10,000
// tenants without lag"; targets: query under 50 ms, first rows under 300 ms).
//   npm run bench -- dashboard [--tenants 10000] [--workspaces 20] [--runs 5]
// Seeds the store through the product's repository (statuses as a consent run records them, app secrets), then:
//   query      the read model's queries on that file, in this process (median of runs): what the page asks when it
//              opens (summary + attention + first page) and each sort / filter alone;
//   page       in Chromium through the real web host: click on "Dashboard" -> first table rows on screen, a text
//              typed into Find -> the filtered total (after its 150 ms pause), JS heap after GC, elements in the page;
//   naive      the same page, the same 10,000 rows read over the same bridge and put in one plain <table> without
//              virtualisation: time to its first row on screen, heap and elements, for comparison.
// Prints JSON and writes bench/results/dashboard.json. Run `npm run build` first (the host serves out/renderer).
import { type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../src/main/core/create-core';
import { DashboardReadModel } from '../src/main/core/dashboard/dashboard-read-model';
import { openDatabase } from '../src/main/core/store/open-database';
import type { TenantStatusKind } from '../src/shared/domain/client-tenants';
import type { PlatformId } from '../src/shared/domain/platforms';
import { startWebHostProcess } from '../tests/e2e/fixtures/web-host-process';
import { seedDashboard } from '../tests/helpers/seed-dashboard';
import { launchChromium } from '../tests/helpers/launch-chromium';
import { clickInPage, timeInPage } from './time-in-page';

const { values } = parseArgs({
  options: { tenants: { type: 'string', default: '10000' }, workspaces: { type: 'string', default: '20' }, runs: { type: 'string', default: '5' } },
});
const tenants = Number(values.tenants);
const workspaceCount = Number(values.workspaces);
const runs = Number(values.runs);
const perWorkspace = Math.ceil(tenants / workspaceCount);

// A mix as a real estate looks after a few runs: mostly consented, some waiting on GDAP or a client's admin.
const KINDS: Exclude<TenantStatusKind, 'excluded'>[] = ['consented', 'consented', 'consented', 'consented', 'notStarted', 'accessNeeded', 'partiallyConsented', 'failed', 'consented', 'tenantNotFound'];
const PLATFORMS: PlatformId[] = ['clientone', 'bvoip-partner-portal', 'bvoip-phone-systems', 'sonicsaas', 'clment'];

function seed(dataDir: string): void {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const start = Date.UTC(2026, 9, 1);
  seedDashboard(db, {
    workspaces: Array.from({ length: workspaceCount }, (_, w) => ({
      id: `bench-ws-${w}`,
      name: `MSP ${String(w + 1).padStart(2, '0')} – ${PLATFORMS[w % PLATFORMS.length]}`,
      platformId: PLATFORMS[w % PLATFORMS.length]!,
    })),
    tenants: (w) =>
      Array.from({ length: Math.min(perWorkspace, tenants - w * perWorkspace) }, (_, j) => {
        const i = w * perWorkspace + j;
        return {
          i,
          name: `Client ${String(i).padStart(5, '0')} ${['Dental', 'Legal', 'Logistics', 'Bakery', 'Clinic'][i % 5]}`,
          domain: `client${i}.example.com`,
          kind: KINDS[i % KINDS.length]!,
          asOf: new Date(start + i * 61_000).toISOString(),
          included: i % 40 !== 0,
        };
      }),
    secrets: Array.from({ length: workspaceCount * 2 }, (_, k) => ({
      workspaceId: `bench-ws-${k % workspaceCount}`,
      role: k < workspaceCount ? 'main' : 'partnerCenter',
      keyId: `key-${k}`,
      endDateTime: new Date(Date.now() + (k * 19 - 40) * 86_400_000).toISOString(),
    })),
  });
  db.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

function timeQueries(dataDir: string) {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const model = new DashboardReadModel(db);
  const cases: Record<string, () => unknown> = {
    summary: () => model.summary(),
    attention: () => model.attention({ limit: 20 }),
    firstPageByName: () => model.list({ limit: 200 }),
    firstPageMostUrgent: () => model.list({ sort: 'status', limit: 200 }),
    firstPageByWorkspace: () => model.list({ sort: 'workspace', limit: 200 }),
    lastPageByName: () => model.list({ offset: tenants - 200, limit: 200 }),
    search: () => model.list({ filter: { text: 'bakery' }, limit: 200 }),
    searchSummary: () => model.summary({ text: 'bakery' }),
    statusAndPlatform: () => model.list({ filter: { statuses: ['failed'], platforms: ['clientone'] }, limit: 200 }),
    pageOpen: () => [model.summary(), model.attention({ limit: 20 }), model.list({ limit: 200 })],
  };
  const out: Record<string, number> = {};
  for (const [name, run] of Object.entries(cases)) {
    run(); // the first read warms SQLite's page cache, as the open app has
    const xs: number[] = [];
    for (let i = 0; i < Math.max(runs, 5); i++) {
      const t = performance.now();
      run();
      xs.push(performance.now() - t);
    }
    out[name] = round(median(xs));
  }
  db.close();
  return out;
}

/** The JS heap as the rows are on screen, and again after a forced GC; DOM nodes live in Blink's own heap, so they are counted. */
async function memory(page: Page): Promise<{ heapMB: number; heapAfterGcMB: number; elements: number }> {
  const cdp = await page.context().newCDPSession(page);
  const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return {
    heapMB: round(before.usedSize / 1024 / 1024),
    heapAfterGcMB: round(after.usedSize / 1024 / 1024),
    elements: (await page.evaluate("document.getElementsByTagName('*').length")) as number,
  };
}

/** In the app's page: a connection of its own to the host's bridge (`ws`) and `call(channel, input)` over it. */
const openBridge = `
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/rpc');
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = fail; });
  let id = 0;
  const pending = new Map();
  ws.onmessage = (e) => { const m = JSON.parse(e.data); if (m.t === 'result') { pending.get(m.id)(m.result); pending.delete(m.id); } };
  const call = (channel, input) => new Promise((ok) => { const n = ++id; pending.set(n, ok); ws.send(JSON.stringify({ t: 'call', id: n, channel, input })); });`;

/**
 * The naive way: every row read over the same bridge (dashboard.list, 1,000 at a time, as the host allows) and
 * put into one <table> at once. Runs in the app's page so it uses the same WebSocket origin and session cookie.
 */
const naiveRender = `async (total) => {
${openBridge}
  const rows = [];
  for (let offset = 0; offset < total; offset += 1000) {
    const r = await call('dashboard.list', { offset, limit: 1000 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    rows.push(...r.value.rows);
  }
  ws.close();
  const table = document.createElement('table');
  table.setAttribute('data-testid', 'naive-table');
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.setAttribute('data-testid', 'naive-row');
    for (const v of [r.name ?? '(no name)', r.domain ?? '—', r.tenantId, r.workspaceName, r.status + (r.reason ? ' ' + r.reason : '')]) tr.insertCell().textContent = v;
    const button = document.createElement('button');
    button.textContent = 'Report';
    tr.insertCell().append(button);
  }
  document.body.prepend(table);
  return rows.length;
}`;

/** One bridge round trip per call the page makes on opening, in sequence, from the app's page: what the page waits on. */
const bridgeCalls = `async () => {
${openBridge}
  const out = {};
  for (const [name, channel, input] of [['summary', 'dashboard.summary', { filter: {} }], ['attention', 'dashboard.attention', { limit: 20 }], ['workspaces', 'workspaces.list', {}], ['firstBlock', 'dashboard.list', { offset: 0, limit: 200 }]]) {
    const t0 = performance.now();
    const r = await call(channel, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    out[name] = Math.round((performance.now() - t0) * 10) / 10;
  }
  ws.close();
  return out;
}`;

const dataDir = mkdtempSync(join(tmpdir(), 'eo-bench-dashboard-'));
const seedStarted = performance.now();
seed(dataDir);
const seedMs = performance.now() - seedStarted;
const loadBefore = loadavg();
const query = timeQueries(dataDir);

const host = await startWebHostProcess(dataDir);
const browser = await launchChromium();
const samples = {
  firstRowsMs: [] as number[],
  searchMs: [] as number[],
  bridgeMs: [] as Record<string, number>[],
  heapMB: [] as number[],
  heapAfterGcMB: [] as number[],
  elements: [] as number[],
  naiveFirstRowMs: [] as number[],
  naiveHeapMB: [] as number[],
  naiveHeapAfterGcMB: [] as number[],
  naiveElements: [] as number[],
};
try {
  for (let run = 0; run < runs; run++) {
    // The virtualised page, as the admin opens it.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Console pages' }).getByRole('button', { name: 'Dashboard' });
    await nav.waitFor();
    // The admin clicks Dashboard in a console that has started: its start page has shown the workspaces.
    await page.getByTestId('workspace-row').first().waitFor();
    samples.firstRowsMs.push(await timeInPage(page, await clickInPage(nav), `() => document.querySelectorAll('[data-testid="dashboard-row"]').length > 0`, { startsClock: true }));
    const virtual = await memory(page);
    samples.heapMB.push(virtual.heapMB);
    samples.heapAfterGcMB.push(virtual.heapAfterGcMB);
    samples.elements.push(virtual.elements);
    samples.bridgeMs.push((await page.evaluate(`(${bridgeCalls})()`)) as Record<string, number>);
    const total = await page.getByTestId('dashboard-total').textContent();
    if (total !== `${tenants} tenants match.`) throw new Error(`the dashboard says "${total}"`);
    const find = await page.getByLabel('Find').elementHandle(); // found before the clock starts, as the button above
    samples.searchMs.push(
      await timeInPage(
        page,
        () => find.fill('Bakery'),
        `(n) => document.querySelector('[data-testid="dashboard-total"]')?.textContent === n + ' tenants match.'`,
        { arg: tenants / 5 },
      ),
    );
    await context.close();

    // The naive full render, in a fresh page of the same app.
    const naiveContext = await browser.newContext();
    const naive = await naiveContext.newPage();
    await naive.goto(host.url);
    await naive.getByRole('navigation', { name: 'Console pages' }).waitFor();
    samples.naiveFirstRowMs.push(
      await timeInPage(
        naive,
        async () => {
          await naive.evaluate(`(${naiveRender})(${tenants})`);
        },
        `() => document.querySelectorAll('[data-testid="naive-row"]').length > 0`,
      ),
    );
    const n = await naive.locator('[data-testid="naive-row"]').count();
    if (n !== tenants) throw new Error(`the naive table has ${n} rows`);
    const full = await memory(naive);
    samples.naiveHeapMB.push(full.heapMB);
    samples.naiveHeapAfterGcMB.push(full.heapAfterGcMB);
    samples.naiveElements.push(full.elements);
    await naiveContext.close();
  }
} finally {
  await browser.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const result = {
  bench: 'dashboard',
  tenants,
  workspaces: workspaceCount,
  runs,
  targets: { queryMs: 50, firstRowsMs: 300 },
  browser: 'Chromium (Debian), headless, web host over loopback',
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage1mAtStart: round(loadBefore[0]!), loadAverage1mAtEnd: round(loadavg()[0]!) },
  queryMs: query,
  page: {
    firstRowsMs: Math.round(median(samples.firstRowsMs)),
    searchMs: Math.round(median(samples.searchMs)),
    heapMB: median(samples.heapMB),
    heapAfterGcMB: median(samples.heapAfterGcMB),
    elements: median(samples.elements),
    // What the page waits on when it opens: each call's round trip over the bridge (median per call).
    bridgeMs: Object.fromEntries(Object.keys(samples.bridgeMs[0] ?? {}).map((k) => [k, median(samples.bridgeMs.map((b) => b[k]!))])),
  },
  naiveFullRender: {
    firstRowMs: Math.round(median(samples.naiveFirstRowMs)),
    heapMB: median(samples.naiveHeapMB),
    heapAfterGcMB: median(samples.naiveHeapAfterGcMB),
    elements: median(samples.naiveElements),
  },
  samplesMs: {
    firstRows: samples.firstRowsMs.map(Math.round),
    search: samples.searchMs.map(Math.round),
    naiveFirstRow: samples.naiveFirstRowMs.map(Math.round),
  },
  seedMs: Math.round(seedMs),
  note:
    'query: median in-process read-model time on the seeded file (pageOpen = summary + attention + first page). page.firstRowsMs: click on Dashboard to the first table row on screen; searchMs includes the Find box’s 150 ms pause. naiveFullRender: all rows read over the same bridge and built as plain DOM (no React), a lower bound for a non-virtualised table. heapMB: JS heap used with the rows on screen; heapAfterGcMB after a forced GC; DOM nodes are in Blink’s heap, not the JS heap, hence elements.',
  at: new Date().toISOString(),
};
const json = JSON.stringify(result, null, 2);
process.stdout.write(`${json}\n`);
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'dashboard.json'), `${json}\n`);
