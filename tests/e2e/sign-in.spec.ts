import type { Page } from '@playwright/test';
import { completeSandboxDeviceLogin, type Credentials } from '../helpers/sandbox-sign-in';
import { expect, test } from './fixtures/app-fixture';
import { signInInNewTab } from './fixtures/flows';

async function openNewWorkspace(page: Page, name: string, platform: string) {
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace name').fill(name);
  await dialog.getByLabel('Platform').selectOption({ label: platform });
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('button', { name: `Open ${name}` }).click();
}

/** As the admin would in the web host: click sign-in, which opens Microsoft's page in a new tab, sign in there. */
async function signInWithBrowser(page: Page, who: Credentials, label = 'Sign in with your browser') {
  await signInInNewTab(page, page.getByRole('button', { name: label }), who);
}

test.describe('sign-in to the partner tenant', () => {
  test('a Global Administrator sees the tenant overview with the right name, ID, domains and roles', async ({ app, sandbox }) => {
    const { page } = app;
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    await openNewWorkspace(page, 'Contoso – bvoip', 'bvoip partner portal');
    await signInWithBrowser(page, ga);

    const overview = page.getByRole('region', { name: 'Tenant overview' }).or(page.getByLabel('Tenant overview'));
    await expect(overview.getByRole('heading', { name: sandbox.info.partnerTenantName })).toBeVisible();
    await expect(page.getByTestId('tenant-id')).toHaveText(sandbox.info.partnerTenantId);
    await expect(page.getByTestId('verified-domains')).toContainText(sandbox.info.partnerDomain);
    await expect(page.getByTestId('roles')).toContainText('Global Administrator');
    const checks = page.getByTestId('capability');
    await expect(checks).toHaveCount(2);
    for (const check of await checks.all()) await expect(check).toHaveAttribute('data-allowed', 'yes');

    // Sign out, then in again.
    await page.getByRole('button', { name: `Sign out ${ga.username}` }).click();
    await expect(page.getByTestId('signed-in-account')).toHaveCount(0);
    await expect(page.getByLabel('Tenant overview')).toHaveCount(0);
    await signInWithBrowser(page, ga);
    await expect(page.getByTestId('tenant-id')).toHaveText(sandbox.info.partnerTenantId);
  });

  test('a user without admin roles sees exactly which steps are out of reach', async ({ app, sandbox }) => {
    const { page } = app;
    const member = sandbox.info.users.find((u) => u.key === 'member')!;
    await openNewWorkspace(page, 'Contoso – bvoip', 'bvoip partner portal');
    await signInWithBrowser(page, member);
    await expect(page.getByTestId('roles')).toHaveText('No admin roles');
    const consent = page.getByTestId('capability').filter({ hasText: 'application permissions' });
    await expect(consent).toHaveAttribute('data-allowed', 'no');
    await expect(consent).toContainText('Needs: Global Administrator, Privileged Role Administrator');
    await expect(page.getByText('The platform’s guide asks for: Global Administrator or Privileged Role Administrator')).toBeVisible();
  });

  test('device code sign-in', async ({ app, sandbox, browser }) => {
    const { page } = app;
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    await openNewWorkspace(page, 'Contoso – Clment', 'Clment');
    await page.getByRole('button', { name: 'Use a device code instead' }).click();
    const code = await page.getByTestId('device-code').textContent();
    const uri = await page.getByRole('link', { name: /devicelogin/ }).getAttribute('href');
    // The code is entered on another device: here, a separate browser context.
    const phone = await browser.newContext({ ignoreHTTPSErrors: true });
    await completeSandboxDeviceLogin(await phone.newPage(), uri!, code!.trim(), ga);
    await phone.close();
    await expect(page.getByTestId('tenant-id')).toHaveText(sandbox.info.partnerTenantId);
  });

  test('a cancelled sign-in says so and leaves the admin ready to try again', async ({ app }) => {
    const { page } = app;
    await openNewWorkspace(page, 'Contoso – SonicSaaS', 'SonicSaaS');
    await page.getByRole('button', { name: 'Sign in with your browser' }).click();
    await expect(page.getByRole('link', { name: 'Open Microsoft sign-in' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(page.getByRole('alert')).toContainText('Sign-in was cancelled.');
    await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeEnabled();
  });
});

test.describe('preflight checks beyond sign-in', () => {
  test('asks for consent only when a check needs it, and says plainly when Conditional Access requires MFA', async ({ app, sandbox }) => {
    const { page } = app;
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    await openNewWorkspace(page, 'Contoso – PanelOne', 'ClientOne / PanelOne');
    await signInWithBrowser(page, ga);
    const apps = page.getByTestId('reach-existingApps');
    // Reading app registrations needs Application.Read.All, which sign-in did not ask for.
    await expect(apps).toHaveAttribute('data-status', 'needsSignIn');
    await expect(apps).toContainText('This step needs your permission first');

    // Now the tenant's Conditional Access starts requiring MFA: the stored sign-in is not enough.
    const partner = sandbox.state.tenantSeed(sandbox.info.partnerTenantId)!;
    partner.conditionalAccess.requireMfa = true;
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(apps).toContainText('requires multi-factor authentication');
    await expect(apps).toContainText('complete the MFA prompt');

    // The admin signs in again with MFA and accepts the permission; the check then runs.
    await signInInNewTab(page, apps.getByRole('button', { name: 'Sign in again with MFA' }), ga);
    await expect(apps).toHaveAttribute('data-status', 'ok');
    await expect(apps).toContainText('None found: the wizard will create the app registration.');
  });
});
