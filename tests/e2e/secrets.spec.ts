import ICAL from 'ical.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures/app-fixture';
import { expectNoSeriousAxeViolations } from './fixtures/accessibility';
import { previewAndApply, startWorkspace } from './fixtures/flows';

test.describe('secret lifecycle: expiry across workspaces, reminders and rotation', () => {
  test('a rotation succeeds end to end; a rotation whose push fails leaves exactly the old secret in Entra and in the vault', async ({ app, sandbox, hostKind }) => {
    // A whole setup, two rotations (each waits for Microsoft to replicate the new secret) and three axe runs.
    test.setTimeout(300_000);
    const { page } = app;
    const acme = () => [...sandbox.state.directory(sandbox.info.partnerTenantId).applications.values()].find((a) => a.displayName === 'Acme Dispatch')!;
    const keyIdsInEntra = () => acme().passwordCredentials.map((p) => p.keyId);
    // The vault file holds references in the clear and values sealed; counting references counts secrets.
    const vaultFile = join(app.dataDir, 'vault.json');
    const secretRefsInVault = () =>
      existsSync(vaultFile) ? Object.keys((JSON.parse(readFileSync(vaultFile, 'utf8')) as { entries: Record<string, string> }).entries).filter((r) => /:app:main:secret:/.test(r)) : [];

    // A finished setup for a platform that takes pushes (the Platform Onboarding API), pushed once.
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Acme Dispatch', 'Other platform');
    await wizard.getByLabel('Platform API address').fill(sandbox.info.platform);
    await wizard.getByLabel('API token', { exact: true }).fill(sandbox.info.platformTokens.acme);
    await wizard.getByRole('button', { name: 'Connect' }).click();
    await previewAndApply(page, wizard, sandbox);
    const panel = wizard.getByLabel('Deliver to the platform');
    await panel.getByRole('button', { name: 'Push to Acme Dispatch' }).click();
    await expect(panel.getByTestId('platform-in-sync')).toBeVisible();

    await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
    await page.getByRole('navigation', { name: 'Console pages' }).getByRole('button', { name: 'Secrets' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
    const rows = page.getByTestId('secret-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Contoso – Acme Dispatch');
    await expect(rows.first()).toContainText('Valid');
    const firstKey = (await rows.first().getAttribute('data-key-id'))!;
    expect(keyIdsInEntra()).toEqual([firstKey]);
    expect(secretRefsInVault()).toEqual([expect.stringContaining(firstKey)]);
    await expectNoSeriousAxeViolations(page, 'the Secrets page');

    if (hostKind === 'web') {
      // The web host saves exports in its data folder; the desktop app asks with a save dialog.
      await page.getByRole('button', { name: 'Export reminders (.ics)' }).click();
      const saved = (await page.getByTestId('ics-exported').textContent())!.match(/to (\S+\.ics)/)![1]!;
      expect(saved.startsWith(app.dataDir)).toBe(true);
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(saved, 'utf8')) as unknown[]);
      const uids = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
      expect(uids.sort()).toEqual(['d30', 'd60', 'd7', 'expired'].map((b) => `${firstKey}-${b}@entra-onboard`));
      for (const v of calendar.getAllSubcomponents('vevent')) expect(v.getFirstSubcomponent('valarm')).not.toBeNull();
    }

    const rotate = page.getByRole('button', { name: 'Rotate the secret of Contoso – Acme Dispatch' });
    const rotation = page.getByTestId('rotation');
    const stepStatuses = async () => rotation.getByTestId('rotation-step').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-status')}`));

    await test.step('rotation succeeds: new secret pushed and tested, old one removed', async () => {
      await rotate.click();
      await expect(rotation).toHaveAttribute('data-outcome', 'rotated', { timeout: 120_000 });
      expect(await stepStatuses()).toEqual(['create:done', 'deliver:done', 'verify:done', 'removeOld:done']);
      await expect(rotation.getByTestId('rotation-message')).toContainText('Rotated: the platform uses the new client secret, and the old one is gone');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).not.toHaveAttribute('data-key-id', firstKey);
    });
    const secondKey = (await rows.first().getAttribute('data-key-id'))!;
    expect(keyIdsInEntra()).toEqual([secondKey]);
    expect(secretRefsInVault()).toEqual([expect.stringContaining(secondKey)]);
    await expectNoSeriousAxeViolations(page, 'the Secrets page after a rotation');

    await test.step('the platform answers 503: the new secret is removed again and the old one keeps working', async () => {
      sandbox.patchSettings({ faults: { platform: { errorRate: 1, errorStatus: 503 } } });
      try {
        await rotate.click();
        await expect(rotation).toHaveAttribute('data-outcome', 'rolledBack', { timeout: 120_000 });
      } finally {
        sandbox.patchSettings({ faults: { platform: { errorRate: 0 } } });
      }
      expect(await stepStatuses()).toEqual(['create:undone', 'deliver:failed', 'verify:skipped', 'removeOld:skipped']);
      const told = rotation.getByRole('alert');
      await expect(told).toContainText('Rotation undone: the old secret keeps working');
      await expect(told).toContainText('The platform did not take the new secret');
      await expect(told).toContainText('The new secret was removed again from Entra and the vault. The old secret was kept and keeps working.');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toHaveAttribute('data-key-id', secondKey);
    });
    expect(keyIdsInEntra()).toEqual([secondKey]);
    expect(secretRefsInVault()).toEqual([expect.stringContaining(secondKey)]);
    await expectNoSeriousAxeViolations(page, 'the Secrets page after a rotation was undone');
  });

  test('a secret 7 days from expiry is flagged: a warning bar, a badge in the navigation, reminders only for what is ahead', async ({ app, sandbox, hostKind }) => {
    test.setTimeout(240_000);
    const { page } = app;
    // The tenant's app management policy caps secrets at 7 days (a real policy setting: passwordLifetimeDays), so
    // setup creates one that is already in the 7-day band.
    sandbox.patchSettings({ tenantPolicies: { [sandbox.info.partnerTenantId]: { appManagementPolicy: { passwordLifetimeDays: 7 } } } });
    try {
      const wizard = await startWorkspace(page, sandbox, 'Contoso – Acme Dispatch', 'Other platform');
      await wizard.getByLabel('Platform API address').fill(sandbox.info.platform);
      await wizard.getByLabel('API token', { exact: true }).fill(sandbox.info.platformTokens.acme);
      await wizard.getByRole('button', { name: 'Connect' }).click();
      await previewAndApply(page, wizard, sandbox);
    } finally {
      sandbox.patchSettings({ tenantPolicies: {} });
    }

    await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
    // Opened again, the workspace says so on its own pages too.
    await page.getByRole('button', { name: 'Open Contoso – Acme Dispatch' }).click();
    await expect(page.getByTestId('workspace-secret-warning')).toContainText('A client secret expires soon');
    await expect(page.getByTestId('workspace-secret-warning')).toContainText('expires within 7 days');
    await expectNoSeriousAxeViolations(page, 'a workspace with a secret expiring');
    await page.getByRole('button', { name: 'Workspaces', exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'Console pages' });
    await expect(nav.getByTestId('secrets-badge')).toHaveText('1');
    await nav.getByRole('button', { name: /^Secrets/ }).click();
    const row = page.getByTestId('secret-row');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-band', 'd7');
    await expect(row).toContainText('Expires within 7 days');
    await expect(page.getByTestId('secrets-warning')).toContainText('1 secret needs rotating');
    await expect(page.getByTestId('secrets-warning')).toContainText('Contoso – Acme Dispatch (expires within 7 days)');
    await expectNoSeriousAxeViolations(page, 'the Secrets page with a warning');

    if (hostKind === 'web') {
      const keyId = (await row.getAttribute('data-key-id'))!;
      await page.getByRole('button', { name: 'Export reminders (.ics)' }).click();
      const saved = (await page.getByTestId('ics-exported').textContent())!.match(/to (\S+\.ics)/)![1]!;
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(saved, 'utf8')) as unknown[]);
      // The secret entered the 7-day band when it was made, so that reminder's moment has passed with the 60- and
      // 30-day ones; only the expiry itself is still ahead.
      const uids = calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
      expect(uids).toEqual([`${keyId}-expired@entra-onboard`]);
    }
  });
});
