import { expect, test } from './fixtures/app-fixture';
import { expectNoSeriousAxeViolations, tabTo } from './fixtures/accessibility';
import { sandboxUser } from './fixtures/flows';
import { completeSandboxSignIn } from '../helpers/sandbox-sign-in';

test.describe('the admin centre: navigation, keyboard and accessibility', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  test('keyboard only: create a workspace, open it, sign in and move between its pages; axe finds nothing serious', async ({ app, sandbox }) => {
    // A sign-in and six axe runs.
    test.setTimeout(180_000);
    const { page } = app;
    await expect(page.getByText('No workspaces yet')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the empty workspace list');

    // Create the workspace with the keyboard.
    await tabTo(page, page.getByRole('button', { name: 'New workspace' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    await expect(dialog.getByLabel('Workspace name')).toBeFocused();
    await page.keyboard.type('Contoso – PanelOne');
    await tabTo(page, dialog.getByLabel('Platform'));
    await page.keyboard.press('Home');
    await page.keyboard.type('ClientOne');
    await expect(dialog.getByLabel('Platform')).toHaveValue('clientone');
    await expectNoSeriousAxeViolations(page, 'the New workspace dialog');
    await tabTo(page, dialog.getByRole('button', { name: 'Create workspace' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expectNoSeriousAxeViolations(page, 'the workspace list');

    await tabTo(page, page.getByRole('button', { name: 'Open Contoso – PanelOne' }));
    await page.keyboard.press('Enter');
    const nav = page.getByRole('navigation', { name: 'Contoso – PanelOne: pages' });
    const item = (name: string) => nav.getByRole('button', { name });
    await expect(item('Setup')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2, name: 'Setup' })).toBeVisible();

    // Sign in from the Setup page: Enter on our button, then Microsoft's page in its own tab.
    await tabTo(page, page.getByRole('button', { name: 'Sign in with your browser' }));
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: 'Open Microsoft sign-in' }));
    await page.keyboard.press('Enter');
    const tab = await popup;
    await completeSandboxSignIn(tab, sandboxUser(sandbox, 'globalAdmin'));
    await tab.close();
    await expect(page.getByTestId('tenant-id')).toHaveText(sandbox.info.partnerTenantId);
    await expect(page.getByLabel('Guided setup')).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the Setup page');

    // The navigation is one Tab stop: arrow keys move within it, Enter opens a page.
    await tabTo(page, item('Setup'), { back: true });
    await page.keyboard.press('ArrowDown');
    await expect(item('Client tenants')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(item('Client tenants')).toHaveAttribute('aria-current', 'page');
    await expect(item('Setup')).not.toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2, name: 'Client tenants' })).toBeVisible();
    await expect(page.getByLabel('Guided setup')).toBeHidden();
    await expectNoSeriousAxeViolations(page, 'the Client tenants page');

    await page.keyboard.press('ArrowDown');
    await expect(item('Runs')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(item('Runs')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2, name: 'Runs' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the Runs page');

    // Back to Setup (the list wraps around): what was on the page is still there, not reloaded.
    await page.keyboard.press('ArrowDown');
    await expect(item('Setup')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Guided setup')).toBeVisible();
    await expect(page.getByTestId('tenant-id')).toHaveText(sandbox.info.partnerTenantId);

    // And home again, with the keyboard.
    await tabTo(page, page.getByRole('button', { name: 'Workspaces', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Workspaces' })).toBeVisible();
  });
});
