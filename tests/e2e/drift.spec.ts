import { expect, test } from './fixtures/app-fixture';
import { arrowDownTo, expectNoSeriousAxeViolations, tabTo } from './fixtures/accessibility';
import { previewAndApply, startWorkspace } from './fixtures/flows';

const CALLBACK = 'https://identity.eu.clment.com/auth/sso/microsoft/callback';

test.describe('drift for every workspace', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  test('check all finds what changed behind the console’s back, each item is repaired from the page, by keyboard; axe finds nothing serious', async ({ app, sandbox }) => {
    test.setTimeout(240_000);
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Clment', 'Clment');
    await wizard.getByLabel('European Union').click();
    await previewAndApply(page, wizard, sandbox);

    // Someone edits the tenant in the Entra admin center: the redirect URI goes, the enterprise app is disabled.
    const partner = sandbox.state.directory(sandbox.info.partnerTenantId);
    const clment = [...partner.applications.values()].find((a) => a.displayName === 'Clment')!;
    clment.web.redirectUris = [];
    partner.findServicePrincipalByAppId(clment.appId)!.accountEnabled = false;

    await tabTo(page, page.getByRole('button', { name: 'Workspaces', exact: true }));
    await page.keyboard.press('Enter');
    const drift = page.getByRole('button', { name: 'Drift', exact: true });
    await tabTo(page, page.getByRole('button', { name: 'Workspaces', exact: true }));
    await arrowDownTo(page, drift);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Drift' })).toBeVisible();
    await expect(page.getByTestId('drift-none')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the Drift page before a check');

    await tabTo(page, page.getByRole('button', { name: 'Check all' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('drift-summary')).toContainText('1 drifted, 0 in sync, 0 could not be checked');
    const section = page.getByRole('region', { name: 'Contoso – Clment' });
    await expect(section).toHaveAttribute('data-state', 'drifted');
    const redirect = section.locator(`[data-key="main:redirect:web:${CALLBACK}"]`);
    const enabled = section.locator('[data-key="main:sp-enabled"]');
    await expect(redirect).toContainText(`${CALLBACK} is a Web redirect URI`);
    await expect(redirect).toContainText('Missing');
    await expect(enabled).toContainText('Enabled for users to sign in');
    await expect(enabled).toContainText('Disabled: nobody can sign in to the platform with Microsoft');
    await expect(section.getByTestId('drift-item')).toHaveCount(2);
    await expect(page.getByTestId('drift-skipped')).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, 'the Drift page with drifted items');

    // Repair each with the keyboard: the row leaves the list once it is in sync again.
    await tabTo(page, redirect.getByRole('button', { name: /^Repair/ }));
    await page.keyboard.press('Enter');
    await expect(redirect).toHaveCount(0, { timeout: 60_000 });
    expect(clment.web.redirectUris).toEqual([CALLBACK]);
    await tabTo(page, enabled.getByRole('button', { name: /^Repair/ }), { back: true });
    await page.keyboard.press('Enter');
    await expect(section).toContainText('Everything matches what setup left.', { timeout: 60_000 });
    expect(partner.findServicePrincipalByAppId(clment.appId)!.accountEnabled).toBe(true);

    // Every item, in sync, on request.
    await page.getByLabel('Show items in sync').check();
    await expect(section.locator('[data-state="inSync"][data-testid="drift-item"]').first()).toBeVisible();

    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(page.getByTestId('drift-summary')).toContainText('0 drifted, 1 in sync, 0 could not be checked');

    // Signed out of the partner tenant: the workspace is "could not check", with why and what to do.
    const admin = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
    await page.getByRole('button', { name: 'Open Contoso – Clment' }).click();
    await page.getByRole('button', { name: `Sign out ${admin.username}` }).click();
    await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
    await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
    await page.getByRole('button', { name: 'Drift', exact: true }).click();
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(page.getByTestId('drift-summary')).toContainText('0 drifted, 0 in sync, 1 could not be checked');
    await expect(section).toHaveAttribute('data-state', 'notChecked');
    await expect(section.getByRole('status')).toContainText('Not signed in to this workspace’s partner tenant');
    await expect(section.getByRole('status')).toContainText('Open the workspace and sign in to that tenant, then check again.');
    await expectNoSeriousAxeViolations(page, 'the Drift page with a workspace not checked');
  });
});
