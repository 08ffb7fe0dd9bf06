import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/app-fixture';
import { arrowDownTo, expectNoSeriousAxeViolations, tabTo } from './fixtures/accessibility';
import { previewAndApply, startWorkspace } from './fixtures/flows';

test.describe('the activity log', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  test('a setup’s writes are listed with who and correlation IDs; search, verify, export; an edited entry is named', async ({ app, sandbox }) => {
    test.setTimeout(180_000);
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Clment', 'Clment');
    await wizard.getByLabel('European Union').click();
    await previewAndApply(page, wizard, sandbox);

    // Home, then Activity, with the keyboard: one Tab stop for the navigation, arrows inside it.
    await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Console pages' });
    await tabTo(page, nav.getByRole('button', { name: 'Workspaces' }));
    await arrowDownTo(page, nav.getByRole('button', { name: 'Activity' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();

    const admin = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    const rows = page.getByTestId('activity-row');
    const secretRow = rows.filter({ hasText: 'Add client secret to app' });
    await expect(secretRow).toHaveCount(1);
    await expect(secretRow).toContainText(admin.username);
    await expect(secretRow).toContainText('Contoso – Clment');
    await expect(secretRow).toContainText('Succeeded');
    await expect(rows.filter({ hasText: 'Started guided setup' })).toHaveCount(1);
    await expectNoSeriousAxeViolations(page, 'the Activity page');

    // Search by the correlation ID we sent with that write.
    const sent = (await secretRow.getByText(/^sent /).textContent())!.replace(/^sent /, '');
    const search = page.getByRole('textbox', { name: 'Search' });
    await tabTo(page, search);
    await page.keyboard.type(sent);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Add client secret to app');
    await search.fill('');
    await page.getByLabel('Result').selectOption('failed');
    await expect(rows.filter({ hasText: 'Add client secret' })).toHaveCount(0);
    await page.getByLabel('Result').selectOption('');
    await expect(secretRow).toHaveCount(1);

    // Verify, from the keyboard.
    await tabTo(page, page.getByRole('button', { name: 'Verify log' }));
    await page.keyboard.press('Enter');
    const verdict = page.getByTestId('activity-verification');
    await expect(verdict).toContainText(/The log is intact: \d+ entries checked\./);

    // Export: the CSV the admin downloads has a line per entry, with the correlation ID.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^activity-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8').trimEnd().split('\r\n');
    const total = Number((await verdict.textContent())!.match(/intact: (\d+) entries/)![1]);
    expect(csv).toHaveLength(total + 1);
    expect(csv[0]).toMatch(/^id,time \(UTC\),who,/);
    expect(csv.find((l) => l.includes('Add client secret to app'))).toContain(sent);
    await expect(page.getByTestId('activity-exported')).toContainText(`${total} entries exported`);

    // Someone edits one entry with a SQLite tool; Verify names it.
    const id = Number(await secretRow.getAttribute('data-id'));
    const db = new BetterSqlite3(join(app.dataDir, 'entra-onboard.sqlite'));
    try {
      db.prepare("UPDATE activity_log SET who = 'nobody@contoso.example' WHERE id = ?").run(id);
    } finally {
      db.close();
    }
    await page.getByRole('button', { name: 'Verify log' }).click();
    await expect(page.getByRole('alert')).toContainText(`Entry #${id}`);
    await expect(page.getByRole('alert')).toContainText('has been changed since it was written');
    await expectNoSeriousAxeViolations(page, 'the Activity page with a broken log');
  });
});
