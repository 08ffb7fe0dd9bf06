import { type Browser, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { StepId } from '../../src/shared/domain/steps';
import { sandboxCloud } from '../../src/main/core/clouds/sandbox-cloud';
import type { Core } from '../../src/main/core/create-core';
import type { SandboxUserInfo } from '../sandbox/SandboxInfo';
import { startSandbox, type SandboxHandle, type StartSandboxOptions } from '../sandbox/startSandbox';
import { openInOnePage } from './sandbox-sign-in';
import { startTestCore } from './start-test-core';
import { makeTempDir } from './temp-dir';
import { launchChromium } from './launch-chromium';

/** An in-process sandbox and the product's core on it, with a scripted browser for sign-ins. */
export interface SignedInCore {
  sandbox: SandboxHandle;
  core: Core;
  dataDir: string;
  /**
   * Signs in through the browser as a sandbox user, then consents, in one more sign-in, to the
   * steps' permissions, as the wizard asks an admin to. Returns the account's homeAccountId.
   */
  signIn(userKey: string, steps: StepId[]): Promise<string>;
  /** Who completes the browser pages the product opens from now on (another admin at the same machine). */
  actAs(userKey: string): void;
  /** Every Microsoft page the product opened in the browser, in order (one per interactive request). */
  openedUrls: string[];
  close(): Promise<void>;
}

export async function startSignedInCore(prefix: string, sandboxOptions: Omit<StartSandboxOptions, 'dataDir'> = {}): Promise<SignedInCore> {
  const dir = makeTempDir(prefix);
  const sandbox = await startSandbox({ dataDir: join(dir.path, 'sandbox'), ...sandboxOptions });
  const browser: Browser = await launchChromium();
  const page: Page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  let signingIn: SandboxUserInfo | undefined;
  const dataDir = join(dir.path, 'data');
  const openedUrls: string[] = [];
  const openInOne = openInOnePage(page, () => signingIn);
  const core = startTestCore(dataDir, sandboxCloud(sandbox.info), {
    openUrl: async (url) => {
      openedUrls.push(url);
      await openInOne(url);
    },
  });
  return {
    sandbox,
    core,
    dataDir,
    openedUrls,
    async signIn(userKey, steps) {
      signingIn = sandbox.info.users.find((u) => u.key === userKey);
      if (!signingIn) throw new Error(`The sandbox scenario has no user "${userKey}"`);
      const { homeAccountId } = await core.services.auth.start({ method: 'browser' });
      if (steps.length > 0) await core.services.auth.start({ method: 'browser', steps, homeAccountId });
      return homeAccountId;
    },
    actAs(userKey) {
      signingIn = sandbox.info.users.find((u) => u.key === userKey);
      if (!signingIn) throw new Error(`The sandbox scenario has no user "${userKey}"`);
    },
    async close() {
      core.close();
      await browser.close();
      await sandbox.close();
      dir.remove();
    },
  };
}
