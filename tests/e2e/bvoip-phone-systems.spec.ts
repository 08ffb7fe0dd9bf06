import { Effort } from './fixtures/effort';
import { expect, test } from './fixtures/app-fixture';
import { grantedRoles, sandboxUser, signInIfAsked, signInInNewTab } from './fixtures/flows';




test.describe('bvoip phone systems, end to end', () => {
  test('resale, a domain per customer, nested: the customer’s own app, then the checklist kept across a reload', async ({ app, sandbox }) => {
    const effort = new Effort();
    const { page } = app;
    const name = 'Acme Dental – phones';

    await effort.click(page.getByRole('button', { name: 'New workspace' }));
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    await effort.type(dialog.getByLabel('Workspace name'), name);
    await dialog.getByLabel('Platform').selectOption({ label: 'bvoip phone systems' });
    effort.clicks++; // choosing the platform
    await effort.click(dialog.getByRole('button', { name: 'Create workspace' }));
    await effort.click(page.getByRole('button', { name: `Open ${name}` }));
    await signInInNewTab(page, page.getByRole('button', { name: 'Sign in with your browser' }), sandboxUser(sandbox, 'globalAdmin'), { effort });
    const wizard = page.getByLabel('Guided setup');
    await expect(wizard.getByText('Set up bvoip phone systems')).toBeVisible();

    // The guide's decision tree: resale, a custom domain per customer, nested (the default).
    await effort.click(wizard.getByRole('radio', { name: /^Resale/ }));
    await effort.click(wizard.getByRole('radio', { name: /^Custom domain per customer/ }));
    await expect(wizard.getByRole('radio', { name: /^Nested/ })).toBeChecked();
    await effort.type(wizard.getByLabel('Phone system name'), 'Acme Dental');
    const fromPortal = ['users', 'sso/webclient', 'sso/1stream'].map((p) => `https://acmedental.bvoip.net/${p}`);
    await effort.paste(wizard.getByLabel('Redirect URIs from the MTP portal'), fromPortal.join('\n'));
    await expect(wizard.getByText('3 redirect URIs ready.')).toBeVisible();

    await effort.click(wizard.getByRole('button', { name: 'Preview changes' }));
    await signInIfAsked(page, wizard, sandbox, { effort });
    await expect(wizard.getByTestId('preview-item').first()).toBeVisible({ timeout: 30_000 });
    await expect(wizard.getByTestId('preview-item').filter({ has: page.getByText('Blocked') })).toHaveCount(0);
    await effort.click(wizard.getByRole('button', { name: 'Apply changes' }));
    await signInIfAsked(page, wizard, sandbox, { effort, after: 'apply' });
    await expect(wizard.getByLabel('Values for the platform')).toBeVisible({ timeout: 60_000 });
    // A loop over no steps would pass: there must be steps to check.
    await expect(wizard.getByTestId('run-step')).not.toHaveCount(0);
    for (const step of await wizard.getByTestId('run-step').all()) await expect(step).toHaveAttribute('data-status', 'done');
    await effort.click(wizard.getByRole('button', { name: 'Copy Client secret' }));
    await expect(wizard.getByRole('button', { name: 'Copy Client secret' })).toHaveText('Copied');

    // A partner-level app under the customer's view is its own, named after the phone system.
    const apps = [...sandbox.state.directory(sandbox.info.partnerTenantId).applications.values()].filter((a) => a.displayName === 'bvoip SSO – Acme Dental');
    expect(apps).toHaveLength(1);
    const bvoip = apps[0]!;
    expect(bvoip.signInAudience).toBe('AzureADMultipleOrgs');
    expect(bvoip.spa.redirectUris).toEqual(['https://mtp.bvoip.net/users', ...fromPortal]);
    expect(grantedRoles(sandbox, bvoip.appId)).toEqual(['User.Read.All']);
    expect(bvoip.passwordCredentials).toHaveLength(1);
    const fields = wizard.getByTestId('handover-field');
    await expect(fields.filter({ hasText: 'Application (client) ID' })).toContainText(bvoip.appId);
    await expect(fields.filter({ hasText: 'Phone system' })).toContainText('Acme Dental');

    // What is left in bvoip's portal, for this phone system: tick one with the mouse, one with the keyboard.
    const checklist = wizard.getByRole('region', { name: 'Still to do in the platform’s own portal' });
    await expect(checklist.getByTestId('checklist-item')).toHaveCount(6);
    const openCustomer = checklist.getByRole('checkbox', { name: /^Open the customer’s system under System › Customers/ });
    const sync = checklist.getByRole('checkbox', { name: 'In System › Single sign-on, click Sync' });
    await openCustomer.click();
    await expect(openCustomer).toBeChecked();
    await sync.focus();
    await page.keyboard.press('Space');
    await expect(sync).toBeChecked();
    await expect(sync).toBeFocused();
    await expect(checklist.getByTestId('checklist-progress')).toHaveText('2 of 6 done');

    await page.reload();
    await page.getByRole('button', { name: `Open ${name}` }).click();
    const after = page.getByLabel('Guided setup').getByRole('region', { name: 'Still to do in the platform’s own portal' });
    await expect(after.getByTestId('checklist-progress')).toHaveText('2 of 6 done');
    await expect(after.getByRole('checkbox', { name: /^Open the customer’s system under System › Customers/ })).toBeChecked();
    await expect(after.getByRole('checkbox', { name: 'In System › Single sign-on, click Sync' })).toBeChecked();
    await expect(after.getByRole('checkbox', { name: /^Activate the Microsoft 365 integration for Acme Dental AND ADD A USER/ })).not.toBeChecked();
    // Last, once everything above has passed: the README's effort table is generated from this.
    effort.record('bvoip phone systems: resale, a domain per customer, nested', 38, {
      typed: 'the workspace name and the phone system’s name',
      pasted: 'the phone system’s redirect URIs, once',
    });
  });
});
