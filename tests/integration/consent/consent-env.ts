import { type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import type { Core, CoreOptions } from '../../../src/main/core/create-core';
import { openInOnePage } from '../../helpers/sandbox-sign-in';
import { makeTempDir } from '../../helpers/temp-dir';
import { startTestCore } from '../../helpers/start-test-core';
import type { SandboxInfo, SandboxUserInfo } from '../../sandbox/SandboxInfo';
import { startSandbox, type SandboxHandle, type StartSandboxOptions } from '../../sandbox/startSandbox';
import { launchChromium } from '../../helpers/launch-chromium';

/** The steps a partner admin consents to before working with client tenants (Graph; Partner Center separately). */
export const CLIENT_TENANT_STEPS = ['listGdapCustomers', 'registerApp', 'grantAdminConsent', 'findExistingApps'] as const;

/** What the env needs of a sandbox: its info (URLs, users, CA) and a way to stop it. */
export interface ConsentSandbox {
  info: SandboxInfo;
  close(): Promise<void>;
}

export interface ConsentEnv<S extends ConsentSandbox = SandboxHandle> {
  sandbox: S;
  core: Core;
  dataDir: string;
  homeAccountId: string;
  /** Who the scripted browser signs in as from now on (default: the partner's Global Administrator). */
  signInAs(who: { username: string; password: string; mfaCode?: string }): void;
  /** Runs the guided setup of a multi-tenant workspace; returns its id. */
  setUp(kind: 'bvoip' | 'clment'): Promise<string>;
  close(): Promise<void>;
}

/**
 * A sandbox, the core on it (a data folder another process can open too), and the sandbox's Global
 * Administrator signed in with the client-tenant steps and Partner Center, through a scripted browser.
 */
export async function startConsentEnv(
  prefix: string,
  sandboxOptions: Omit<StartSandboxOptions, 'dataDir'> = {},
  coreExtra: Pick<CoreOptions, 'platformEnabler'> = {},
): Promise<ConsentEnv> {
  return startConsentEnvOn(prefix, async (dataDir) => {
    const sandbox = await startSandbox({ dataDir, ...sandboxOptions });
    requirePartnerAdminMfa(sandbox);
    return sandbox;
  }, coreExtra);
}

/**
 * Partner Center requires MFA of every partner user and refuses App+User tokens without it (401 900421,
 * learn.microsoft.com/partner-center/security/partner-security-requirements-mandating-mfa): the partner's
 * Global Administrator signs in with MFA, as a real partner admin must (per-user MFA in the partner tenant).
 */
export function requirePartnerAdminMfa(sandbox: SandboxHandle): void {
  const globalAdmin = sandbox.info.users.find((u) => u.key === 'globalAdmin') as SandboxUserInfo;
  const partnerUser = sandbox.state.directory(sandbox.info.partnerTenantId).findUserByUpn(globalAdmin.username);
  if (!partnerUser) throw new Error(`No partner user ${globalAdmin.username}`);
  partnerUser.sandbox.requireMfa = true;
}

/**
 * As startConsentEnv, on a sandbox the caller starts (in another process, say) in the given folder; it must
 * already require MFA of the partner's Global Administrator (requirePartnerAdminMfa).
 */
export async function startConsentEnvOn<S extends ConsentSandbox>(
  prefix: string,
  startIt: (sandboxDataDir: string) => Promise<S>,
  coreExtra: Pick<CoreOptions, 'platformEnabler'> = {},
): Promise<ConsentEnv<S>> {
  const dir = makeTempDir(prefix);
  const sandbox = await startIt(join(dir.path, 'sandbox'));
  const browser: Browser = await launchChromium();
  const page: Page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  const globalAdmin = sandbox.info.users.find((u) => u.key === 'globalAdmin') as SandboxUserInfo;
  let who: { username: string; password: string; mfaCode?: string } = globalAdmin;
  const dataDir = join(dir.path, 'data');
  const core = startTestCore(dataDir, sandboxCloud(sandbox.info), {
    // One page, each sign-in started only once the previous one's final page has loaded (the race fixed in
    // openInOnePage: a goto while the loopback's redirect is still landing is interrupted, and the page then
    // still shows the previous "You are signed in", so the new sign-in would never be completed).
    openUrl: openInOnePage(page, () => who),
  });
  if (coreExtra.platformEnabler) (core.services.consentRuns as unknown as { o: { platformEnabler: unknown } }).o.platformEnabler = coreExtra.platformEnabler;
  const { homeAccountId } = await core.services.auth.start({ method: 'browser' });
  await core.services.auth.start({ method: 'browser', steps: [...CLIENT_TENANT_STEPS], homeAccountId });
  // Partner Center is another resource: MSAL asks for its consent in a sign-in of its own.
  await core.services.auth.start({ method: 'browser', steps: ['partnerCenter'], homeAccountId });
  return {
    sandbox,
    core,
    dataDir,
    homeAccountId,
    signInAs(next) {
      who = next;
    },
    async setUp(kind) {
      const suffix = Math.random().toString(36).slice(2, 8);
      const ws =
        kind === 'bvoip'
          ? core.services.workspaces.create({ name: `bvoip ${suffix}`, platformId: 'bvoip-partner-portal', partnerTenant: null })
          : core.services.workspaces.create({ name: `Clment ${suffix}`, platformId: 'clment', partnerTenant: null });
      const answers = kind === 'bvoip' ? { portalRedirectUris: 'https://mtp.bvoip.net/users' } : { region: 'eu', multiTenant: true };
      const saved = core.services.onboarding.saveAnswers(ws.id, answers);
      if (!saved.valid) throw new Error(JSON.stringify(saved.issues));
      await core.services.onboarding.apply(ws.id, homeAccountId);
      await core.services.onboarding.settled(ws.id);
      const run = core.services.onboarding.runView(ws.id);
      if (run?.status !== 'succeeded') throw new Error(`setup failed: ${JSON.stringify(run?.steps)}`);
      return ws.id;
    },
    async close() {
      await core.services.consentRuns.settled('*');
      core.close();
      await browser.close();
      await sandbox.close();
      dir.remove();
    },
  };
}
