import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app-fixture';

async function createWorkspace(page: Page, name: string, platform?: string, partnerTenant?: string) {
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace name').fill(name);
  if (platform) await dialog.getByLabel('Platform').selectOption({ label: platform });
  if (partnerTenant) await dialog.getByLabel('Partner tenant (optional)').fill(partnerTenant);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  return dialog;
}

const rows = (page: Page) => page.getByTestId('workspace-row');

test.describe('workspaces on the home screen', () => {
  test('starts empty, then lists a created workspace with its platform and tenant', async ({ app }) => {
    const { page } = app;
    await expect(page.getByText('No workspaces yet')).toBeVisible();
    const dialog = await createWorkspace(page, 'Contoso MSP – SonicSaaS', 'SonicSaaS', 'ContosoMSP.onmicrosoft.com');
    await expect(dialog).toBeHidden();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Contoso MSP – SonicSaaS');
    await expect(rows(page).first()).toContainText('SonicSaaS');
    await expect(rows(page).first()).toContainText('contosomsp.onmicrosoft.com');
  });

  test('a workspace survives a restart of the host process', async ({ app }) => {
    await createWorkspace(app.page, 'Survives restarts', 'Clment');
    await expect(rows(app.page)).toHaveCount(1);
    const page = await app.restart();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Survives restarts');
    await expect(rows(page).first()).toContainText('Clment');
  });

  test('bad input gets a clear error next to the field and nothing typed is lost', async ({ app }) => {
    const { page } = app;
    // Empty name.
    let dialog = await createWorkspace(page, '   ');
    await expect(dialog.getByText('Give the workspace a name.')).toBeVisible();
    // Over-long name: the text stays in the box for the admin to shorten.
    const long = 'L'.repeat(81);
    await dialog.getByLabel('Workspace name').fill(long);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect(dialog.getByText('Workspace names are at most 80 characters.')).toBeVisible();
    await expect(dialog.getByLabel('Workspace name')).toHaveValue(long);
    // Bad partner tenant.
    await dialog.getByLabel('Workspace name').fill('Fabrikam');
    await dialog.getByLabel('Partner tenant (optional)').fill('not a tenant');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect(dialog.getByText(/Enter the partner tenant ID/)).toBeVisible();
    await expect(dialog.getByLabel('Workspace name')).toHaveValue('Fabrikam');
    await dialog.getByLabel('Partner tenant (optional)').fill('');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect(dialog).toBeHidden();

    // Duplicate name, differing only in case.
    dialog = await createWorkspace(page, 'FABRIKAM');
    await expect(dialog.getByText('This name is already used by another workspace.')).toBeVisible();
    await expect(dialog.getByLabel('Workspace name')).toHaveValue('FABRIKAM');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(rows(page)).toHaveCount(1);
  });

  test('rename and delete, with the keyboard', async ({ app }) => {
    const { page } = app;
    await createWorkspace(page, 'Old name');
    await createWorkspace(page, 'Other');
    await expect(rows(page)).toHaveCount(2);

    await page.getByRole('button', { name: 'Rename Old name' }).focus();
    await page.keyboard.press('Enter');
    const rename = page.getByRole('dialog');
    await expect(rename.getByLabel('New name')).toBeFocused();
    await rename.getByLabel('New name').fill('other');
    await page.keyboard.press('Enter');
    await expect(rename.getByText('This name is already used by another workspace.')).toBeVisible();
    await rename.getByLabel('New name').fill('New name');
    await page.keyboard.press('Enter');
    await expect(rename).toBeHidden();
    await expect(page.getByText('New name', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Delete New name' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete "New name"?' });
    await expect(confirm).toContainText('Nothing in Microsoft Entra or on the platform is changed');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(rows(page)).toHaveCount(2);

    await page.getByRole('button', { name: 'Delete New name' }).click();
    await page.getByRole('button', { name: 'Delete workspace' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Other');
  });
});
