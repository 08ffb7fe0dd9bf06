import { type Browser } from '@playwright/test';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import type { Core } from '../../../src/main/core/create-core';
import { createCloudFetch } from '../../../src/main/core/net/cloud-fetch';
import { requestClientCredentialsToken } from '../../../src/main/core/secrets/client-credentials-check';
import { platformBackends } from '../../sandbox/platform/platformBackends';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { openInOnePage } from '../../helpers/sandbox-sign-in';
import { startTestCore } from '../../helpers/start-test-core';
import { makeTempDir } from '../../helpers/temp-dir';
import { launchChromium } from '../../helpers/launch-chromium';

let sandbox: SandboxHandle;
let browser: Browser;
let core: Core;
let dir: ReturnType<typeof makeTempDir>;
let workspaceId: string;

const acme = () => [...sandbox.state.directory(sandbox.info.partnerTenantId).applications.values()].find((a) => a.displayName === 'Acme Dispatch')!;
const keyIdsInEntra = () => acme().passwordCredentials.map((p) => p.keyId);
const secretRefsInVault = async () => (await core.vault.refs()).filter((r) => r.startsWith(`workspace:${workspaceId}:app:main:secret:`));
const platformSecretHint = () => {
  const backend = platformBackends.get(sandbox.runtime)!;
  return backend.store().getConfiguration(backend.organisationForToken(sandbox.info.platformTokens.acme)!.id)!.clientSecret.hint;
};
const tokenWith = async (secret: string) =>
  requestClientCredentialsToken(createCloudFetch(sandboxCloud(sandbox.info)), sandboxCloud(sandbox.info), {
    tenantId: sandbox.info.partnerTenantId,
    clientId: acme().appId,
    secret,
  }).then(
    () => 'issued',
    (e: unknown) => `refused: ${String(e)}`,
  );

beforeAll(async () => {
  dir = makeTempDir('eo-secrets-');
  sandbox = await startSandbox({ dataDir: join(dir.path, 'sandbox') });
  browser = await launchChromium();
  const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
  core = startTestCore(join(dir.path, 'data'), sandboxCloud(sandbox.info), { openUrl: openInOnePage(page, () => ga) });
  const homeAccountId = (await core.services.auth.start({ method: 'browser' })).homeAccountId;
  await core.services.auth.start({ method: 'browser', steps: ['findExistingApps', 'registerApp', 'grantAdminConsent'], homeAccountId });
  workspaceId = core.services.workspaces.create({ name: 'Contoso – Acme Dispatch', platformId: 'custom', partnerTenant: null }).id;
  await core.services.delivery.connect(workspaceId, sandbox.info.platform, sandbox.info.platformTokens.acme);
  await core.services.onboarding.apply(workspaceId, homeAccountId);
  await core.services.onboarding.settled(workspaceId);
  expect(core.services.onboarding.runView(workspaceId)?.status).toBe('succeeded');
  await core.services.delivery.push(workspaceId);
}, 180_000);

afterAll(async () => {
  core?.close();
  await browser?.close();
  const backend = sandbox ? platformBackends.get(sandbox.runtime) : undefined;
  await sandbox?.close();
  backend?.dispose();
  dir?.remove();
});

afterEach(() => {
  sandbox.patchSettings({ faults: { platform: { errorRate: 0 } } });
});

describe('rotating a workspace’s client secret', () => {
  it('creates the new secret, pushes it, tests it and only then removes the old one', async () => {
    const [before] = await core.services.secrets.list();
    expect(keyIdsInEntra()).toEqual([before!.keyId]);

    const result = await core.services.secrets.rotate(workspaceId, 'main');
    expect(result.outcome, result.message).toBe('rotated');
    expect(result.delivery).toBe('push');
    expect(result.steps.map((s) => [s.key, s.status])).toEqual([
      ['create', 'done'],
      ['deliver', 'done'],
      ['verify', 'done'],
      ['removeOld', 'done'],
    ]);
    // Exactly one secret left, the new one, in Entra, in the vault and on the platform.
    expect(keyIdsInEntra()).toEqual([result.newSecret!.keyId]);
    expect(result.newSecret!.keyId).not.toBe(before!.keyId);
    expect(await secretRefsInVault()).toEqual([`workspace:${workspaceId}:app:main:secret:${result.newSecret!.keyId}`]);
    expect(platformSecretHint()).toBe(result.newSecret!.hint);
    expect((await core.services.secrets.list()).map((s) => s.keyId)).toEqual([result.newSecret!.keyId]);
    expect(await tokenWith((await core.vault.get((await secretRefsInVault())[0]!))!)).toBe('issued');
    // Nothing is left pending that a later run would have to clean up.
    expect(acme().passwordCredentials.every((p) => p.keyId === result.newSecret!.keyId)).toBe(true);
  }, 180_000);

  it('a push the platform fails (503) removes the new secret again and keeps exactly the old one, which still works', async () => {
    const [before] = await core.services.secrets.list();
    const oldValue = (await core.vault.get((await secretRefsInVault())[0]!))!;
    const platformHintBefore = platformSecretHint();
    // The platform's backend is down: every request answers 503, as a real backend behind a load balancer does.
    sandbox.patchSettings({ faults: { platform: { errorRate: 1, errorStatus: 503 } } });

    const result = await core.services.secrets.rotate(workspaceId, 'main');
    expect(result.outcome, result.message).toBe('rolledBack');
    expect(result.error?.code).toBe('platform_unavailable');
    expect(result.steps.map((s) => [s.key, s.status])).toEqual([
      ['create', 'undone'],
      ['deliver', 'failed'],
      ['verify', 'skipped'],
      ['removeOld', 'skipped'],
    ]);
    expect(result.message).toMatch(/^The platform did not take the new secret: .+ The new secret was removed again from Entra and the vault\. The old secret was kept and keeps working\./);

    expect(keyIdsInEntra()).toEqual([before!.keyId]);
    expect(await secretRefsInVault()).toEqual([`workspace:${workspaceId}:app:main:secret:${before!.keyId}`]);
    expect((await core.services.secrets.list()).map((s) => s.keyId)).toEqual([before!.keyId]);
    sandbox.patchSettings({ faults: { platform: { errorRate: 0 } } });
    expect(platformSecretHint()).toBe(platformHintBefore);
    expect(await tokenWith(oldValue)).toBe('issued');
  }, 180_000);

  it('a secret removed in Entra (seen on the next read) leaves the vault too', async () => {
    const [held] = await core.services.secrets.list();
    // Someone removes it in the Entra admin center.
    const app = acme();
    app.passwordCredentials = app.passwordCredentials.filter((p) => p.keyId !== held!.keyId);

    const { forgotten } = await core.services.secrets.checkInEntra(workspaceId);
    expect(forgotten).toEqual([held!.hint]);
    expect(await secretRefsInVault()).toEqual([]);
    expect(await core.services.secrets.list()).toEqual([]);
  }, 60_000);
});

describe('rotating where the admin hands the secret over (Clment: copy sheet)', () => {
  let clment: string;
  const clmentApp = () => [...sandbox.state.directory(sandbox.info.partnerTenantId).applications.values()].find((a) => a.displayName === 'Clment')!;
  const clmentRefs = async () => (await core.vault.refs()).filter((r) => r.startsWith(`workspace:${clment}:app:main:secret:`)).sort();

  beforeAll(async () => {
    clment = core.services.workspaces.create({ name: 'Contoso – Clment', platformId: 'clment', partnerTenant: null }).id;
    expect(core.services.onboarding.saveAnswers(clment, { region: 'eu', assignmentRequired: false }).valid).toBe(true);
    const homeAccountId = (await core.services.auth.state()).accounts[0]!.homeAccountId;
    await core.services.onboarding.apply(clment, homeAccountId);
    await core.services.onboarding.settled(clment);
    expect(core.services.onboarding.runView(clment)?.status).toBe('succeeded');
  }, 180_000);

  it('waits with both secrets valid until the admin confirms, then tests the new one and removes the old', async () => {
    const [old] = clmentApp().passwordCredentials.map((p) => p.keyId);
    const waiting = await core.services.secrets.rotate(clment, 'main');
    expect(waiting.delivery).toBe('copySheet');
    expect(waiting.outcome, waiting.message).toBe('awaitingHandover');
    // Both work while the admin pastes the new one: the platform is never without a valid secret.
    expect(clmentApp().passwordCredentials.map((p) => p.keyId).sort()).toEqual([old, waiting.newSecret!.keyId].sort());
    expect(await clmentRefs()).toHaveLength(2);
    // What Copy (the existing reveal path) hands out now is the new secret.
    const copied = (await core.services.onboarding.revealSecret(clment, 'main')).value;
    expect(copied.startsWith(waiting.newSecret!.hint)).toBe(true);
    // Rotate again (another day, after a restart): the waiting rotation comes back, no third secret is made.
    const again = await core.services.secrets.rotate(clment, 'main');
    expect(again).toMatchObject({ rotationId: waiting.rotationId, outcome: 'awaitingHandover', message: expect.stringMatching(/^This rotation was already waiting for you\./) });
    expect(clmentApp().passwordCredentials).toHaveLength(2);

    const done = await core.services.secrets.finishRotation(waiting.rotationId);
    expect(done.outcome, done.message).toBe('rotated');
    expect(done.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(clmentApp().passwordCredentials.map((p) => p.keyId)).toEqual([waiting.newSecret!.keyId]);
    expect(await clmentRefs()).toEqual([`workspace:${clment}:app:main:secret:${waiting.newSecret!.keyId}`]);
  }, 120_000);

  it('cancelled before hand-over: the new secret goes from Entra and the vault, the old one stays', async () => {
    const before = clmentApp().passwordCredentials.map((p) => p.keyId);
    const waiting = await core.services.secrets.rotate(clment, 'main');
    expect(waiting.outcome).toBe('awaitingHandover');
    const undone = await core.services.secrets.cancelRotation(waiting.rotationId);
    expect(undone.outcome).toBe('rolledBack');
    expect(undone.message).toContain('The new secret was removed again from Entra and the vault. The old secret was kept and keeps working.');
    expect(clmentApp().passwordCredentials.map((p) => p.keyId)).toEqual(before);
    expect(await clmentRefs()).toEqual(before.map((k) => `workspace:${clment}:app:main:secret:${k}`));
    await expect(core.services.secrets.finishRotation(waiting.rotationId)).rejects.toMatchObject({ code: 'step_blocked' });
  }, 120_000);
});
