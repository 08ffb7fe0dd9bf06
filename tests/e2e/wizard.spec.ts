import type { Locator, Page } from '@playwright/test';
import { graphStoreFor } from '../sandbox/graph/GraphStore';
import type { SandboxHandle } from '../sandbox/startSandbox';
import { Effort } from './fixtures/effort';
import { expect, test } from './fixtures/app-fixture';
import { grantedRoles, signInIfAsked, startWorkspace } from './fixtures/flows';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const PARTNER_CENTER_APP_ID = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';



/**
 * Preview, then apply. Preview asks once, listing each permission the plan needs; after that one
 * consent, apply runs with no further trip to the browser.
 */
async function previewAndApply(page: Page, wizard: Locator, effort: Effort, sandbox: SandboxHandle) {
  await effort.click(wizard.getByRole('button', { name: 'Preview changes' }));
  const ask = wizard.getByRole('button', { name: 'Sign in to allow this' });
  // Preview and its consent read the tenant through Graph (with replication delays and throttling on):
  // give them the time a run's requests take, not the default for an element to appear.
  await expect(ask).toBeVisible({ timeout: 30_000 });
  const listed = await wizard.getByTestId('plan-permission').evaluateAll((items) => items.map((i) => i.getAttribute('data-scope')));
  expect(listed.length).toBeGreaterThan(0);
  expect(new Set(listed).size, 'each permission listed once').toBe(listed.length);
  expect(listed).toContain('Application.ReadWrite.All'); // what apply writes with is asked for now
  await signInIfAsked(page, wizard, sandbox, { effort });
  await expect(wizard.getByTestId('preview-item').first()).toBeVisible({ timeout: 30_000 });
  await expect(wizard.getByTestId('preview-item').filter({ has: page.getByText('Blocked') })).toHaveCount(0);
  await effort.click(wizard.getByRole('button', { name: 'Apply changes' }));
  await expect(wizard.getByLabel('Progress')).toBeVisible();
  await expect(wizard.getByLabel('Values for the platform')).toBeVisible({ timeout: 60_000 });
  await expect(ask).toHaveCount(0);
  const steps = await wizard.getByTestId('run-step').all();
  expect(steps.length).toBeGreaterThan(0);
  for (const step of steps) await expect(step).toHaveAttribute('data-status', 'done');
}

/** Copy the secret, as the admin does to paste it into the platform: straight from the vault, unshown. */
async function copySecret(wizard: Locator, effort: Effort, label: string) {
  await effort.click(wizard.getByRole('button', { name: `Copy ${label}` }));
  await expect(wizard.getByRole('button', { name: `Copy ${label}` })).toHaveText('Copied');
  await expect(wizard.getByRole('button', { name: `Reveal ${label}` })).toBeVisible(); // still masked on screen
}

function partner(sandbox: SandboxHandle) {
  return sandbox.state.directory(sandbox.info.partnerTenantId);
}

function appNamed(sandbox: SandboxHandle, displayName: string) {
  const apps = [...partner(sandbox).applications.values()].filter((a) => a.displayName === displayName);
  expect(apps, `exactly one "${displayName}" app`).toHaveLength(1);
  return apps[0]!;
}

function grantedScopes(sandbox: SandboxHandle, appId: string, resourceAppId: string): string[] {
  const dir = partner(sandbox);
  const sp = dir.findServicePrincipalByAppId(appId)!;
  const resource = dir.findServicePrincipalByAppId(resourceAppId)!;
  return (dir.grantsFor(sp.id, resource.id).find((g) => g.consentType === 'AllPrincipals')?.scope ?? '').split(' ').filter(Boolean).sort();
}


test.describe('the guided setup, end to end, for each platform', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  test('ClientOne / PanelOne, with the Partner Center app', async ({ app, sandbox }) => {
    const effort = new Effort();
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – PanelOne', 'ClientOne / PanelOne', { effort });
    const callback = 'https://panel.contosomsp.com/auth-clientone-sso-callback';
    await effort.paste(wizard.getByLabel('Redirect URI from PanelOne'), callback);
    await effort.click(wizard.getByLabel('Also create the Partner Center app?'));
    await previewAndApply(page, wizard, effort, sandbox);
    await copySecret(wizard, effort, 'Azure client secret');
    await copySecret(wizard, effort, 'Partner Center client secret');

    const main = appNamed(sandbox, 'ClientOne SSO');
    expect(main.signInAudience).toBe('AzureADMultipleOrgs');
    expect(main.web.redirectUris).toEqual([callback]);
    expect(main.passwordCredentials).toHaveLength(1);
    expect(grantedScopes(sandbox, main.appId, GRAPH_APP_ID)).toEqual(['User.Read', 'email', 'openid', 'profile']);
    const pc = appNamed(sandbox, 'PanelOne Partner Center');
    expect(pc.signInAudience).toBe('AzureADMyOrg');
    expect(pc.passwordCredentials).toHaveLength(1);
    expect(grantedScopes(sandbox, pc.appId, PARTNER_CENTER_APP_ID)).toEqual(['user_impersonation']);
    await expect(wizard.getByTestId('handover-field').filter({ hasText: 'Azure client ID' })).toContainText(main.appId);
    await expect(wizard.getByTestId('handover-field').filter({ hasText: 'Partner tenant ID' })).toContainText(sandbox.info.partnerTenantId);
    // Last, once everything above has passed: the README's effort table is generated from this.
    effort.record('ClientOne / PanelOne, with the Partner Center app', 18, { typed: 'the workspace name', pasted: 'PanelOne’s redirect URI' });
  });

  test('bvoip partner portal: twelve redirect URIs pasted once, User.Read.All granted', async ({ app, sandbox }) => {
    const effort = new Effort();
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – bvoip', 'bvoip partner portal', { effort });
    const fromPortal = [
      'https://mtp.bvoip.net/users',
      ...['users', 'sso/webclient', 'sso/1stream', 'sso/mtp', 'sso/cp'].map((p) => `https://mtp.bvoip.net/${p}`.replace('/users', '/sso/users')),
      ...['users', 'sso/webclient', 'sso/1stream', 'sso/mtp', 'sso/cp', 'login'].map((p) => `https://contosomsp.bvoip.net/${p}`),
    ];
    expect(fromPortal).toHaveLength(12);
    await effort.paste(wizard.getByLabel('Redirect URIs from the MTP portal'), fromPortal.join('\n'));
    await expect(wizard.getByText('12 redirect URIs ready.')).toBeVisible();
    await previewAndApply(page, wizard, effort, sandbox);
    await copySecret(wizard, effort, 'Client secret');

    const bvoip = appNamed(sandbox, 'bvoip SSO');
    expect(bvoip.spa.redirectUris).toEqual(fromPortal);
    expect(bvoip.signInAudience).toBe('AzureADMultipleOrgs');
    expect(grantedRoles(sandbox, bvoip.appId)).toEqual(['User.Read.All']);
    expect(bvoip.passwordCredentials).toHaveLength(1);
    const end = Date.parse(bvoip.passwordCredentials[0]!.endDateTime);
    const months = (end - Date.parse(bvoip.passwordCredentials[0]!.startDateTime)) / (30.4 * 24 * 3600 * 1000);
    expect(Math.round(months)).toBe(24);
    effort.record('bvoip partner portal', 29, {
      guide: 'including "click Add URI 11 times and paste 12 redirect URIs"',
      typed: 'the workspace name',
      pasted: 'the MTP portal’s whole list, once',
    });
  });

  test('SonicSaaS: group claims, Group.Read.All, and the four variables', async ({ app, sandbox }) => {
    const effort = new Effort();
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – SonicSaaS', 'SonicSaaS', { effort });
    await effort.type(wizard.getByLabel('SonicSaaS host name'), 'sonic.contosomsp.com');
    await effort.click(wizard.getByLabel('Do some users belong to more than 150 groups?'));
    await previewAndApply(page, wizard, effort, sandbox);
    await copySecret(wizard, effort, 'MICROSOFT_ENTRA_ID_CLIENT_SECRET');

    const sonic = appNamed(sandbox, 'SonicSaaS');
    expect(sonic.web.redirectUris).toEqual(['https://sonic.contosomsp.com/api/auth/callback/microsoft-entra-id']);
    expect(sonic.groupMembershipClaims).toBe('SecurityGroup');
    // Graph keeps optionalClaims beside the model's application (tests/sandbox/graph/GraphStore.ts).
    const extras = graphStoreFor(sandbox.state).tenant(sandbox.info.partnerTenantId).applicationExtras.get(sonic.id);
    expect(extras?.['optionalClaims']).toMatchObject({ idToken: [{ name: 'groups' }] });
    expect(grantedRoles(sandbox, sonic.appId)).toEqual(['Group.Read.All']);
    expect(grantedScopes(sandbox, sonic.appId, GRAPH_APP_ID)).toEqual(['GroupMember.Read.All']);
    const fields = wizard.getByTestId('handover-field');
    await expect(fields.filter({ hasText: 'MICROSOFT_ENTRA_ID_CLIENT_ID' })).toContainText(sonic.appId);
    await expect(fields.filter({ hasText: 'AUTH_MODE' })).toContainText('hybrid');
    await expect(fields.filter({ hasText: 'ENTRA_DEFAULT_ROLE' })).toContainText('member');
    effort.record('SonicSaaS, the platform app', 16, { typed: 'name and host name' });
  });

  test('Clment: EU region, single tenant, assignment required', async ({ app, sandbox }) => {
    const effort = new Effort();
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Clment', 'Clment', { effort });
    await effort.click(wizard.getByLabel('European Union'));
    await effort.click(wizard.getByLabel('Only let assigned users and groups sign in?'));
    const member = sandbox.info.users.find((u) => u.key === 'member')!;
    await effort.type(wizard.getByLabel('Who may sign in'), member.username);
    await previewAndApply(page, wizard, effort, sandbox);
    await copySecret(wizard, effort, 'Client Secret');

    // The guide's troubleshooting table, for when users report a problem later.
    await wizard.getByRole('button', { name: 'If users report a problem' }).click();
    await expect(wizard.getByTestId('troubleshooting-entry').filter({ hasText: 'Redirect URI mismatch at sign-in' })).toContainText('Check the region');

    const clment = appNamed(sandbox, 'Clment');
    expect(clment.signInAudience).toBe('AzureADMyOrg');
    expect(clment.web.redirectUris).toEqual(['https://identity.eu.clment.com/auth/sso/microsoft/callback']);
    expect(grantedScopes(sandbox, clment.appId, GRAPH_APP_ID)).toEqual(['User.Read', 'email', 'openid', 'profile']);
    const sp = partner(sandbox).findServicePrincipalByAppId(clment.appId)!;
    expect(sp.appRoleAssignmentRequired).toBe(true);
    // The member listed, and the signed-in admin so they are not locked out (facts §12.2).
    const admin = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    const assigned = [...partner(sandbox).appRoleAssignments.values()].filter((a) => a.resourceId === sp.id).map((a) => a.principalId);
    expect(assigned.sort()).toEqual([partner(sandbox).findUserByUpn(member.username)!.id, partner(sandbox).findUserByUpn(admin.username)!.id].sort());
    effort.record('Clment, assignment required for one user', 14, { typed: 'the workspace name and the user’s user principal name' });
  });
});

test.describe('drift and recovery', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'Electron opens the system browser, which Playwright cannot drive');

  test('a re-run finds a removed redirect URI and permission and repairs them', async ({ app, sandbox }) => {
    const effort = new Effort();
    const { page } = app;
    const wizard = await startWorkspace(page, sandbox, 'Contoso – Clment', 'Clment', { effort });
    await effort.click(wizard.getByLabel('United States'));
    await previewAndApply(page, wizard, effort, sandbox);

    const clment = appNamed(sandbox, 'Clment');
    clment.web.redirectUris = [];
    clment.requiredResourceAccess = [];
    await wizard.getByRole('button', { name: 'Check for drift' }).click();
    const registration = wizard.locator('[data-step="main:registration"]');
    await expect(registration).toHaveAttribute('data-action', 'update');
    await expect(registration).toContainText('Add Web redirect URI https://identity.us.clment.com/auth/sso/microsoft/callback');
    await expect(registration).toContainText('Add delegated permission User.Read');
    await wizard.getByRole('button', { name: 'Repair' }).click();
    await expect(wizard.getByLabel('Values for the platform')).toBeVisible({ timeout: 60_000 });
    await wizard.getByRole('button', { name: 'Check for drift' }).click();
    await expect(wizard.getByTestId('everything-matches')).toBeVisible();
    expect(appNamed(sandbox, 'Clment').web.redirectUris).toEqual(['https://identity.us.clment.com/auth/sso/microsoft/callback']);
  });

  // Killed from outside with SIGKILL when the sandbox sees a given request: "answered" is after Graph
  // wrote and before its answer left (the host never hears of the write), "received" is in flight.
  const killPoints = [
    // The product creates its app by upsert: PATCH /applications(uniqueName='…') with Prefer: create-if-missing.
    { name: 'after Graph created the app', phase: 'answered', method: 'PATCH', path: /\/v1\.0\/applications(\(|%28)uniqueName=/i },
    { name: 'after Graph created the secret (its value lost)', phase: 'answered', method: 'POST', path: /\/addPassword$/ },
    { name: 'with the app role assignment in flight', phase: 'received', method: 'POST', path: /\/appRoleAssignedTo$/ },
  ] as const;
  for (const point of killPoints) {
    test(`the host killed ${point.name} resumes after a restart with no duplicate (replication delay and 429s on)`, async ({ app, sandbox }) => {
      // Two host processes, three sign-ins, and throttled Graph calls with replication delays on.
      test.setTimeout(240_000);
      sandbox.patchSettings({
        replication: { applicationDelayMs: 1000, secretDelayMs: 1000 },
        faults: { graph: { throttle: { capacity: 10, refillPerSecond: 5 }, latency: { kind: 'uniform', minMs: 20, maxMs: 200 } } },
      });
      const effort = new Effort();
      let page = app.page;
      const wizard = () => page.getByLabel('Guided setup');
      let killed = false;
      const stopListening = sandbox.requests.listen((e) => {
        if (killed || e.phase !== point.phase || e.method !== point.method || !point.path.test(e.path)) return;
        killed = true;
        app.kill();
      });
      try {
        await startWorkspace(page, sandbox, 'Contoso – bvoip', 'bvoip partner portal', { effort });
        await wizard().getByRole('button', { name: 'Preview changes' }).click();
        await signInIfAsked(page, wizard(), sandbox, { effort });
        await wizard().getByRole('button', { name: 'Apply changes' }).click();
        // The kill may land while Microsoft's page is still handing the sign-in back to the host, which
        // then never says "You are signed in": whichever comes first, the host's end is what counts.
        const exited = app.exited();
        await Promise.race([signInIfAsked(page, wizard(), sandbox, { effort, after: 'apply' }).catch((error: unknown) => (killed ? undefined : Promise.reject(error))), exited]);
        expect(await exited).toBeNull(); // ended by the signal, not by itself
        expect(killed).toBe(true);
      } finally {
        stopListening();
      }

      page = await app.restart();
      await page.getByRole('button', { name: 'Open Contoso – bvoip' }).click();
      await expect(wizard().getByText('This setup was interrupted')).toBeVisible();
      await wizard().getByRole('button', { name: 'Resume' }).click();
      await expect(wizard().getByLabel('Values for the platform')).toBeVisible({ timeout: 60_000 });

      const bvoip = appNamed(sandbox, 'bvoip SSO'); // exactly one app
      expect(bvoip.passwordCredentials).toHaveLength(1); // exactly one secret, and it is the one we hold
      await wizard().getByRole('button', { name: 'Reveal Client secret' }).click();
      const secret = wizard().locator('[data-testid="handover-field"][data-key="clientSecret"] [data-testid="handover-value"]');
      await expect(secret).not.toContainText('•');
      expect((await secret.innerText()).startsWith(bvoip.passwordCredentials[0]!.hint)).toBe(true);
      expect(grantedRoles(sandbox, bvoip.appId)).toEqual(['User.Read.All']);
      const sps = [...partner(sandbox).servicePrincipals.values()].filter((sp) => sp.appId === bvoip.appId);
      expect(sps).toHaveLength(1);
    });
  }
});
