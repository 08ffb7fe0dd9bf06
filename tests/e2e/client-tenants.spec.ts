import type { Locator, Page } from '@playwright/test';
import { platformBackends } from '../sandbox/platform/platformBackends';
import type { SandboxHandle } from '../sandbox/startSandbox';
import { sandboxHttp } from '../integration/sandbox/helpers/sandboxHttp';
import { expect, test } from './fixtures/app-fixture';
import { expectNoSeriousAxeViolations } from './fixtures/accessibility';
import { previewAndApply, sandboxUser, signInIfAsked, signInInNewTab, startWorkspace } from './fixtures/flows';

/**
 * What each kind of client tenant in the sandbox's default scenario (tests/sandbox/README.md, "Client tenants at
 * scale") ends as after a consent run of an app with delegated and application permissions: the status, and the
 * words of the reason shown beside it.
 */
const expectedByKind: Record<string, { status: string; reason?: RegExp }> = {
  gdapFull: { status: 'consented' },
  unresolvableDomain: { status: 'consented' },
  gdapMultiple: { status: 'consented' },
  mfaRequired: { status: 'consented' },
  caMfaForServiceProviders: { status: 'consented' },
  // Termination only requested: the relationship still lets the partner in until it is terminated.
  gdapTerminationRequested: { status: 'consented' },
  gdapMissingRoles: { status: 'accessNeeded', reason: /Missing GDAP roles: .*Privileged Role Administrator/ },
  gdapExpired: { status: 'accessNeeded', reason: /expired or was terminated/ },
  gdapExpiring: { status: 'accessNeeded', reason: /expired or was terminated/ },
  gdapTerminating: { status: 'accessNeeded', reason: /expired or was terminated/ },
  gdapTerminated: { status: 'accessNeeded', reason: /expired or was terminated/ },
  gdapPending: { status: 'accessNeeded', reason: /waiting for the client to approve/ },
  gdapActivating: { status: 'accessNeeded', reason: /waiting for the client to approve/ },
  gdapCreated: { status: 'accessNeeded', reason: /waiting for the client to approve/ },
  gdapApproved: { status: 'accessNeeded', reason: /waiting for the client to approve/ },
  gdapNoAccessAssignment: { status: 'accessNeeded', reason: /no access assignment for your security group/ },
  caBlocksServiceProviders: { status: 'accessNeeded', reason: /Conditional Access blocks/ },
  noGdap: { status: 'accessNeeded', reason: /Waiting for the client’s Global Administrator/ },
  deletedTenant: { status: 'tenantNotFound', reason: /no longer knows this tenant/ },
};

/** The one row of a tenant, found through the Find box (the table draws only the rows in view). */
async function tenantRow(page: Page, tenantId: string): Promise<Locator> {
  await page.getByLabel('Find').fill(tenantId);
  await expect(page.getByTestId('tenant-total')).toHaveText('1 tenants match.');
  return page.getByRole('table', { name: 'Client tenants' }).locator(`[data-tenant-id="${tenantId}"]`);
}

/** Waits for the run on screen to finish (the run line says so). */
async function runFinished(page: Page): Promise<void> {
  await expect(page.getByTestId('run-line')).toHaveAttribute('data-state', /succeeded|failed/, { timeout: 180_000 });
}

/** The relationships of a client tenant through the sandbox's control API, as Graph reports them. */
async function relationshipsOf(sandbox: SandboxHandle, tenantId: string): Promise<{ id: string; status: string }[]> {
  const r = await sandboxHttp(sandbox).control('GET', `/gdapRelationships?tenant=${tenantId}`);
  expect(r.status).toBe(200);
  return r.json<{ value: { id: string; status: string }[] }>().value;
}

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

  test('Acme Dispatch: every kind of client tenant ends in the right status; fixed in the cloud, retrying the failed ones turns them green; the platform enables exactly those', async ({ app, sandbox }) => {
    // Setup, two discovery sign-ins and two consent runs over every kind of tenant, with replication delays.
    test.setTimeout(480_000);
    const { page } = app;
    // Partner Center requires MFA of every partner user (learn.microsoft.com/partner-center/security/partner-security-requirements-mandating-mfa).
    const admin = sandboxUser(sandbox, 'globalAdmin');
    expect((await sandboxHttp(sandbox).control('PATCH', `/tenants/${sandbox.info.partnerTenantId}/users/${admin.username}`, { requireMfa: true })).status).toBe(200);
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Acme Dispatch', 'Other platform');
    await wizard.getByLabel('Platform API address').fill(sandbox.info.platform);
    await wizard.getByLabel('API token', { exact: true }).fill(sandbox.info.platformTokens.acme);
    await wizard.getByRole('button', { name: 'Connect' }).click();
    await expect(wizard.getByText('Set up Acme Dispatch')).toBeVisible();
    await previewAndApply(page, wizard, sandbox);

    await page.getByRole('navigation').getByRole('button', { name: 'Client tenants' }).click();
    await page.getByRole('button', { name: 'Discover (GDAP + Partner Center)' }).click();
    await expect(page.getByTestId('discover-result')).toBeVisible();
    // Each source asks for its permission once, in the browser.
    for (const source of ['GDAP', 'Partner Center']) {
      const ask = page.getByRole('button', { name: `Sign in to allow ${source}` });
      if (await ask.isVisible()) {
        await signInInNewTab(page, ask, sandboxUser(sandbox, 'globalAdmin'));
        await expect(ask).toBeHidden({ timeout: 60_000 });
      }
    }
    await expect(page.getByTestId('discover-result')).toContainText(/GDAP found \d+\. Partner Center found \d+/);
    const clients = sandbox.info.clientTenants;
    await expect(page.getByTestId('tenant-total')).toHaveText(`${clients.length} tenants match.`);
    // Every kind of the scenario is here (a kind added to the sandbox must get its expectation above).
    expect([...new Set(clients.map((c) => c.kind))].sort()).toEqual(Object.keys(expectedByKind).sort());

    // The admin's choice of requests at once reaches the run.
    await page.getByLabel('Requests to Microsoft at once').selectOption('16');
    await page.getByRole('button', { name: /^Start run/ }).click();
    await runFinished(page);
    await expect(page.getByTestId('run-line')).toContainText('up to 16 requests at once');

    for (const client of clients) {
      const want = expectedByKind[client.kind]!;
      const row = await tenantRow(page, client.tenantId);
      await expect(row, `${client.kind} (${client.tenantId})`).toHaveAttribute('data-status', want.status);
      if (want.reason) await expect(row, client.kind).toContainText(want.reason);
    }

    // The admin fixes the causes where they live, as Partner Center does: the role added to the relationship and its
    // access assignment, the customer approving the pending relationship and the partner then assigning its security
    // group (possible only once active: learn.microsoft.com/partner-center/customers/gdap-assign-microsoft-entra-roles),
    // and an access assignment for the relationship that had none.
    const ctl = sandboxHttp(sandbox);
    const ofKind = (kind: string) => clients.filter((c) => c.kind === kind).map((c) => c.tenantId);
    const fixed = [...ofKind('gdapMissingRoles'), ...ofKind('gdapPending'), ...ofKind('gdapNoAccessAssignment')];
    for (const tenantId of ofKind('gdapMissingRoles')) {
      for (const rel of await relationshipsOf(sandbox, tenantId)) {
        expect((await ctl.control('PATCH', `/gdapRelationships/${rel.id}`, { roles: ['Application Administrator', 'Privileged Role Administrator'] })).status).toBe(200);
      }
    }
    for (const tenantId of ofKind('gdapPending')) {
      for (const rel of await relationshipsOf(sandbox, tenantId)) {
        expect((await ctl.control('PATCH', `/gdapRelationships/${rel.id}`, { status: 'active' })).status).toBe(200);
        expect((await ctl.control('POST', `/gdapRelationships/${rel.id}/accessAssignments`, {})).status).toBe(201);
      }
    }
    for (const tenantId of ofKind('gdapNoAccessAssignment')) {
      for (const rel of await relationshipsOf(sandbox, tenantId)) {
        expect((await ctl.control('POST', `/gdapRelationships/${rel.id}/accessAssignments`, {})).status).toBe(201);
      }
    }

    await page.getByLabel('Find').fill('');
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await expect(page.getByTestId('run-line')).toHaveAttribute('data-state', 'running');
    await runFinished(page);
    const consentedKinds = Object.entries(expectedByKind).filter(([, w]) => w.status === 'consented').map(([k]) => k);
    const consented = [...consentedKinds.flatMap(ofKind), ...fixed];
    for (const tenantId of fixed) {
      await expect(await tenantRow(page, tenantId), tenantId).toHaveAttribute('data-status', 'consented');
    }
    // The rest keep their status: nothing was done for them.
    for (const client of clients.filter((c) => !consented.includes(c.tenantId))) {
      await expect(await tenantRow(page, client.tenantId), client.kind).toHaveAttribute('data-status', expectedByKind[client.kind]!.status);
    }

    // The platform's reference backend enables exactly the consented tenants, as the console shows beside each.
    const backend = platformBackends.get(sandbox.runtime)!;
    const org = backend.organisationForToken(sandbox.info.platformTokens.acme)!;
    const enabled = backend
      .store()
      .listTenants(org.id)
      .filter((t) => t.enabled)
      .map((t) => t.tenantId)
      .sort();
    expect(enabled).toEqual([...consented].sort());
    const one = await tenantRow(page, consented[0]!);
    await expect(one.getByTestId('tenant-platform')).toHaveText('Enabled');
  });
});
