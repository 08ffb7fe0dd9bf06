import { expect, test } from './fixtures/app-fixture';
import { finishInBrowserTab, signInInNewTab } from './fixtures/flows';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

test.describe('admin consent the signed-in admin cannot grant', () => {
  test('an Application Administrator gets a Global Administrator to accept in the browser, and setup finishes', async ({ app, sandbox }) => {
    // Three trips to Microsoft's pages (sign-in, the setup's consent, a Global Administrator's admin consent).
    test.setTimeout(300_000);
    const { page } = app;
    const appAdmin = sandbox.info.users.find((u) => u.key === 'applicationAdmin')!;
    const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;

    await page.getByRole('button', { name: 'New workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByLabel('Workspace name').fill('Contoso – bvoip');
    await dialog.getByLabel('Platform').selectOption({ label: 'bvoip partner portal' });
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('button', { name: 'Open Contoso – bvoip' }).click();
    await signInInNewTab(page, page.getByRole('button', { name: 'Sign in with your browser' }), appAdmin);

    const wizard = page.getByLabel('Guided setup');
    for (const action of ['Preview changes', 'Apply changes']) {
      await wizard.getByRole('button', { name: action }).click();
      const ask = wizard.getByRole('button', { name: 'Sign in to allow this' });
      // After Apply the preview is still shown: only progress (or the sign-in request) means it answered.
      const answered = action === 'Apply changes' ? wizard.getByLabel('Progress') : wizard.getByTestId('preview-item').first();
      await answered.or(ask).first().waitFor();
      if (action === 'Preview changes') {
        // The first preview always asks for the setup's one consent: a request with its action, not an error
        // (no red alert, no AADSTS reference for Microsoft support).
        const request = wizard.getByTestId('consent-ask');
        await expect(request).toBeVisible();
        await expect(request).toHaveAttribute('data-intent', 'info');
        await expect(request).toHaveAttribute('role', 'status');
        await expect(request).not.toContainText('AADSTS');
        await expect(request.getByRole('button', { name: 'Sign in to allow this' })).toBeVisible();
        await expect(wizard.getByRole('alert')).toHaveCount(0);
      }
      if (await ask.isVisible()) await signInInNewTab(page, ask, appAdmin);
      if (action === 'Preview changes') {
        const consent = wizard.locator('[data-step="main:admin-consent"]');
        await expect(consent).toHaveAttribute('data-action', 'blocked');
        await expect(consent).toContainText('A Global Administrator or Privileged Role Administrator can grant them.');
      }
    }
    // The run stops at consent and says who can grant it.
    // The run creates the app, its secret and enterprise application before it reaches consent.
    await expect(wizard.getByTestId('run-step').filter({ hasText: 'Admin consent' })).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
    await wizard.getByRole('button', { name: 'Grant admin consent in the browser' }).click();
    await finishInBrowserTab(page, ga, { finished: /Admin consent granted/, link: 'Open Microsoft’s admin consent page' });

    await expect(wizard.getByLabel('Values for the platform')).toBeVisible({ timeout: 60_000 });
    const partner = sandbox.state.directory(sandbox.info.partnerTenantId);
    const bvoip = [...partner.applications.values()].find((a) => a.displayName === 'bvoip SSO')!;
    const sp = partner.findServicePrincipalByAppId(bvoip.appId)!;
    const graph = partner.findServicePrincipalByAppId(GRAPH_APP_ID)!;
    const userReadAll = graph.appRoles.find((r) => r.value === 'User.Read.All')!;
    expect(partner.assignmentsOf(sp.id, graph.id).map((a) => a.appRoleId)).toContain(userReadAll.id);
    // The loopback redirect URI was there only for the consent.
    expect(bvoip.publicClient.redirectUris).toEqual([]);
  });
});
