import { expect, test } from './fixtures/app-fixture';
import { finishInBrowserTab, startWorkspace } from './fixtures/flows';

const CONDITIONAL_ACCESS_ADMINISTRATOR = 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9';

test.describe('preview for an admin whose roles cannot consent (AADSTS90094)', () => {
  test('a Conditional Access Administrator sees the admin consent route instead of a promise; a Global Administrator accepts, and preview goes on', async ({ app, sandbox }) => {
    const { page } = app;
    const member = sandbox.info.users.find((u) => u.key === 'member')!;
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    sandbox.state.directory(sandbox.info.partnerTenantId).findUserByUpn(member.username)!.sandbox.directoryRoleTemplateIds = [CONDITIONAL_ACCESS_ADMINISTRATOR];

    const wizard = await startWorkspace(page, sandbox, 'Contoso – SonicSaaS CA admin', 'SonicSaaS', { as: 'member' });
    await wizard.getByLabel('SonicSaaS host name').fill('ca-admin.contosomsp.com');
    await wizard.getByLabel('Microsoft only').check();
    await wizard.getByRole('button', { name: 'Preview changes' }).click();

    const route = wizard.getByRole('region', { name: 'Administrator consent needed' });
    await expect(route).toBeVisible({ timeout: 30_000 });
    // No consent sign-in is offered: Entra would only answer "Need admin approval".
    await expect(wizard.getByRole('button', { name: 'Sign in to allow this' })).toHaveCount(0);
    const ca = wizard.locator('[data-step="conditional-access:mfa:main"]');
    await expect(ca).toHaveAttribute('data-action', 'blocked');
    await expect(ca).toContainText('Needs an administrator’s consent first');
    await expect(route.getByRole('link', { name: 'Open the admin consent link' })).toHaveAttribute('href', /\/v2\.0\/adminconsent\?client_id=.*Policy\.ReadWrite\.ConditionalAccess/);
    await expect(wizard.getByRole('button', { name: 'Apply changes' })).toBeDisabled();

    await route.getByRole('button', { name: 'Grant admin consent in the browser' }).click();
    await finishInBrowserTab(page, ga, { finished: /Admin consent granted/, link: 'Open Microsoft’s admin consent page' });

    // Preview again, by itself: the steps are planned now.
    await expect(route).toHaveCount(0, { timeout: 60_000 });
    await expect(ca).toHaveAttribute('data-action', 'create');
  });
});
