import { expect, test } from './fixtures/app-fixture';
import { expectNoSeriousAxeViolations } from './fixtures/accessibility';
import { previewAndApply, sandboxUser, signInIfAsked, signInInNewTab, startWorkspace } from './fixtures/flows';

test.describe('the Client tenants page', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  test('a single-tenant workspace says why it has no client tenants', async ({ app, sandbox }) => {
    // Two browser sign-ins and an axe run.
    test.setTimeout(180_000);
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Clment', 'Clment');
    await wizard.getByLabel('United States').click();
    await wizard.getByRole('button', { name: 'Preview changes' }).click();
    await signInIfAsked(page, wizard, sandbox);
    await expect(wizard.getByTestId('preview-item').first()).toBeVisible();

    await page.getByRole('navigation').getByRole('button', { name: 'Client tenants' }).click();
    const none = page.getByTestId('no-client-tenants');
    await expect(none).toContainText('No client tenants for this workspace');
    await expect(none).toContainText('single-tenant');
    await expect(page.getByRole('table', { name: 'Client tenants' })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, 'the Client tenants page of a single-tenant workspace');
  });

  test('ClientOne: discover, import a CSV, add by domain, include and exclude, strategy, details with history', async ({ app, sandbox }) => {
    // The whole setup, discovery with its own sign-in, a restart and an axe run.
    test.setTimeout(360_000);
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – PanelOne', 'ClientOne / PanelOne');
    await wizard.getByLabel('Redirect URI from PanelOne').fill('https://panel.contosomsp.com/auth-clientone-sso-callback');
    await previewAndApply(page, wizard, sandbox);

    await page.getByRole('navigation').getByRole('button', { name: 'Client tenants' }).click();
    const table = page.getByRole('table', { name: 'Client tenants' });
    const rows = table.getByTestId('tenant-row');
    const total = page.getByTestId('tenant-total');
    await expect(total).toHaveText('0 tenants match.');

    // Discovery asks for GDAP's permission the first time, in the browser (Partner Center is left for later).
    await page.getByRole('button', { name: 'Discover (GDAP + Partner Center)' }).click();
    await expect(page.getByTestId('discover-result')).toBeVisible();
    const ask = page.getByRole('button', { name: 'Sign in to allow GDAP' });
    if (await ask.isVisible()) await signInInNewTab(page, ask, sandboxUser(sandbox, 'globalAdmin'));
    const gdapTenants = sandbox.info.clientTenants.filter((c) => c.gdapStatus !== null);
    await expect(page.getByTestId('discover-result')).toContainText(`GDAP found ${gdapTenants.length}`);
    const listed = Number((await page.getByTestId('discover-result').textContent())!.match(/(\d+) listed/)![1]);
    expect(listed).toBeGreaterThanOrEqual(gdapTenants.length);
    await expect(total).toHaveText(`${listed} tenants match.`);
    const gdapOne = gdapTenants[0]!;
    const row = (tenantId: string) => table.locator(`[data-tenant-id="${tenantId}"]`);
    await expect(row(gdapOne.tenantId).getByTestId('tenant-source')).toContainText(['GDAP']);
    await expect(row(gdapOne.tenantId).getByTestId('tenant-status')).toHaveText('Not started');

    // A CSV: a good row naming a GDAP tenant (now found by two sources), a bad GUID, an empty line, a duplicate.
    const noGdap = sandbox.info.clientTenants.find((c) => c.kind === 'noGdap')!;
    const csv = ['\uFEFFtenant,name', `${gdapOne.tenantId},${gdapOne.displayName}`, 'not-a-guid-1234,Broken', '', `${noGdap.domain},${noGdap.displayName}`, `${noGdap.domain},again`].join('\r\n');
    await page.getByLabel('CSV file of client tenants').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const imported = page.getByTestId('import-result');
    await expect(imported).toContainText('clients.csv:');
    await expect(imported.getByTestId('import-problem').first()).toContainText('Line 3 (not-a-guid-1234)');
    await expect(row(gdapOne.tenantId).getByTestId('tenant-source')).toHaveText(['GDAP', 'CSV']);
    await expect(row(noGdap.tenantId)).toBeVisible();

    // A domain typed in is resolved to its tenant: already listed here.
    await page.getByLabel('Add by domain or tenant ID').fill(noGdap.domain);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByTestId('add-result')).toContainText(`Already listed: ${noGdap.displayName} (${noGdap.tenantId})`);

    // Filter, exclude one, then every match, and back.
    await page.getByLabel('Find').fill(noGdap.displayName);
    await expect(total).toHaveText('1 tenants match.');
    await expect(rows).toHaveCount(1);
    await rows.first().getByRole('checkbox', { name: `Include ${noGdap.displayName}` }).uncheck();
    await expect(rows.first().getByTestId('tenant-status')).toHaveText('Excluded');
    await page.getByLabel('Find').fill('');
    await expect(total).not.toHaveText('1 tenants match.');
    await page.getByLabel('Included', { exact: true }).selectOption({ label: 'Excluded' });
    await expect(total).toHaveText('1 tenants match.');
    await page.getByRole('button', { name: 'Include all 1 matching' }).click();
    await expect(total).toHaveText('0 tenants match.');
    await page.getByLabel('Included', { exact: true }).selectOption({ label: 'Included or not' });

    // Strategy per tenant, with the default explained; details with the history.
    const strategy = row(noGdap.tenantId).getByRole('combobox', { name: `Strategy for ${noGdap.displayName}` });
    await expect(strategy).toHaveValue('default');
    await strategy.selectOption('adminConsentLink');
    await expect(row(noGdap.tenantId).getByRole('combobox', { name: `Strategy for ${noGdap.displayName}` })).toHaveValue('adminConsentLink');
    await row(noGdap.tenantId).getByRole('button', { name: `Details of ${noGdap.displayName}` }).click();
    const details = page.getByTestId('tenant-details');
    await expect(details).toContainText('Strategy: Admin consent link.');
    await expect(details).toContainText('CSV');
    await expect(details.getByText(/History|Nothing has happened/).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the Client tenants page with tenants and details');

    // Sorting by tenant ID puts the rows in that order.
    await table.getByRole('button', { name: 'Tenant ID' }).click();
    await expect(table.getByRole('columnheader', { name: 'Tenant ID' })).toHaveAttribute('aria-sort', 'ascending');
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-tenant-id') ?? ''));
    expect(ids).toEqual([...ids].sort());

    // The whole list survives a restart.
    const page2 = await app.restart();
    await page2.getByRole('button', { name: 'Open Contoso – PanelOne' }).click();
    await page2.getByRole('navigation').getByRole('button', { name: 'Client tenants' }).click();
    await expect(page2.locator(`[data-tenant-id="${noGdap.tenantId}"]`).getByRole('combobox', { name: `Strategy for ${noGdap.displayName}` })).toHaveValue('adminConsentLink');
  });
});

