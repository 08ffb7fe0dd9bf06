import { readFileSync, statSync } from 'node:fs';
import { platformBackends } from '../sandbox/platform/platformBackends';
import { expect, test } from './fixtures/app-fixture';
import { previewAndApply, startWorkspace } from './fixtures/flows';




test.describe('delivering the configuration to the platform', () => {
  test('a platform with no built-in profile: set up from its discovery document, pushed, and its test green', async ({ app, sandbox }) => {
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Acme Dispatch', 'Other platform');
    await expect(wizard.getByText('Connect to your platform')).toBeVisible();
    await wizard.getByLabel('Platform API address').fill(sandbox.info.platform);
    await wizard.getByLabel('API token', { exact: true }).fill('plat_not_the_right_token');
    await wizard.getByRole('button', { name: 'Connect' }).click();
    await expect(wizard.getByRole('alert')).toContainText('The platform refused the API token.');
    await wizard.getByLabel('API token', { exact: true }).fill(sandbox.info.platformTokens.acme);
    await wizard.getByRole('button', { name: 'Connect' }).click();
    await expect(wizard.getByText('Set up Acme Dispatch')).toBeVisible();

    await previewAndApply(page, wizard, sandbox);
    const panel = wizard.getByLabel('Deliver to the platform');
    await expect(panel).toContainText('Connected to Acme Dispatch');
    await expect(panel.getByTestId('platform-change').filter({ hasText: 'Client secret' })).toBeVisible();
    await panel.getByRole('button', { name: 'Push to Acme Dispatch' }).click();
    await expect(panel.getByTestId('push-result')).toContainText('Read back from the platform: it matches.');
    await expect(panel.getByTestId('platform-test')).not.toHaveCount(0); // a loop over none would pass
    for (const check of await panel.getByTestId('platform-test').all()) await expect(check).toHaveAttribute('data-ok', 'true');
    await expect(panel.getByTestId('platform-in-sync')).toBeVisible();

    const backend = platformBackends.get(sandbox.runtime)!;
    const org = backend.organisationForToken(sandbox.info.platformTokens.acme)!;
    const stored = backend.store().getConfiguration(org.id)!;
    const acme = [...sandbox.state.directory(sandbox.info.partnerTenantId).applications.values()].find((a) => a.displayName === 'Acme Dispatch')!;
    expect(stored.clientId).toBe(acme.appId);
    expect(stored.tenantId).toBe(sandbox.info.partnerTenantId);
    expect(acme.web.redirectUris).toEqual(['https://contosomsp.acme-dispatch.example/auth/microsoft/callback']);
    expect(acme.spa.redirectUris).toEqual(['https://app.acme-dispatch.example/contosomsp']);
  });

  test('SonicSaaS: the .env file, owner-only, with the four variables and nothing else', async ({ app, sandbox }) => {
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – SonicSaaS', 'SonicSaaS');
    await wizard.getByLabel('SonicSaaS host name').fill('sonic.contosomsp.com');
    await previewAndApply(page, wizard, sandbox);
    const panel = wizard.getByLabel('Deliver to the platform');
    await panel.getByRole('button', { name: 'Write the .env file' }).click();
    const path = (await panel.getByTestId('env-path').textContent())!.match(/Written to (\S+\.env)/)![1]!;
    expect(path.startsWith(app.dataDir)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines.map((l) => l.split('=')[0])).toEqual(['MICROSOFT_ENTRA_ID_CLIENT_ID', 'MICROSOFT_ENTRA_ID_CLIENT_SECRET', 'AUTH_MODE', 'ENTRA_DEFAULT_ROLE']);
    expect(lines).toContain('AUTH_MODE=hybrid');

    // The copy sheet remembers what the admin has pasted.
    await wizard.getByLabel('MICROSOFT_ENTRA_ID_CLIENT_ID pasted into the platform').check();
    await page.reload();
    await page.getByRole('button', { name: 'Open Contoso – SonicSaaS' }).click();
    await expect(page.getByLabel('MICROSOFT_ENTRA_ID_CLIENT_ID pasted into the platform')).toBeChecked();
  });
});
