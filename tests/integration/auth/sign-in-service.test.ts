import { type Browser } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignInService } from '../../../src/main/core/auth/sign-in-service';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import { AppError } from '../../../src/main/core/errors/app-error';
import { AesGcmCipher, loadWebHostVaultKey } from '../../../src/main/core/vault/aes-gcm-cipher';
import { EncryptedFileVault } from '../../../src/main/core/vault/encrypted-file-vault';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { completeSandboxDeviceLogin, openInOnePage, type Credentials } from '../../helpers/sandbox-sign-in';
import { makeTempDir } from '../../helpers/temp-dir';
import { launchChromium } from '../../helpers/launch-chromium';

let sandbox: SandboxHandle;
let browser: Browser;
let dir: ReturnType<typeof makeTempDir>;
let globalAdmin: Credentials;

beforeAll(async () => {
  dir = makeTempDir('eo-auth-');
  sandbox = await startSandbox({
    dataDir: join(dir.path, 'sandbox'),
    settings: { deviceCode: { intervalSeconds: 1 } },
  });
  const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin');
  if (!ga) throw new Error('the sandbox scenario has no Global Administrator');
  globalAdmin = ga;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  dir?.remove();
});

afterEach(() => {
  vi.useRealTimers();
});

function tokenClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A SignInService on its own vault, whose browser is a scripted Chromium page. */
async function setup(name: string, signInAs?: Credentials, timeoutMs?: number) {
  const vaultDir = join(dir.path, name);
  const vault = new EncryptedFileVault(join(vaultDir, 'vault.json'), new AesGcmCipher(loadWebHostVaultKey(join(vaultDir, 'vault.key'), {})));
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const opened: string[] = [];
  let who = signInAs;
  const open = openInOnePage(page, () => who);
  const service = new SignInService({
    cloud: sandboxCloud(sandbox.info),
    vault,
    ...(timeoutMs ? { interactiveTimeoutMs: timeoutMs } : {}),
    openUrl: async (url) => {
      opened.push(url);
      if (who) await open(url);
    },
  });
  return { service, page, opened, vaultDir, setUser: (c: Credentials | undefined) => (who = c), close: () => context.close() };
}

function filesUnder(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('SignInService against the sandbox', () => {
  it('signs in interactively with PKCE through the browser and a loopback redirect', async () => {
    const { service, opened, close } = await setup('interactive', globalAdmin);
    const account = await service.signInInteractive();
    expect(account.tenantId).toBe(sandbox.info.partnerTenantId);
    expect(account.username).toBe(globalAdmin.username);
    const authorize = new URL(opened[0] ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('response_mode')).toBe('form_post');
    expect(authorize.searchParams.get('scope')).toContain('https://graph.microsoft.com/User.Read');
    expect(authorize.searchParams.get('scope')).not.toContain('Application.ReadWrite.All');

    const token = await service.tokenFor(account.homeAccountId, 'signIn');
    const claims = tokenClaims(token);
    expect(claims['tid']).toBe(sandbox.info.partnerTenantId);
    expect(String(claims['scp'])).toContain('User.Read');
    await close();
  });

  it('refreshes silently once the access token has expired', async () => {
    const { service, close } = await setup('refresh', globalAdmin);
    const account = await service.signInInteractive();
    const first = await service.tokenFor(account.homeAccountId, 'signIn');
    expect(await service.tokenFor(account.homeAccountId, 'signIn')).toBe(first); // cached

    // Two hours on, for MSAL (which judges expiry by the process clock) and for the sandbox alike.
    const twoHours = 2 * 60 * 60 * 1000;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + twoHours });
    sandbox.clock.advance(twoHours);
    const second = await service.tokenFor(account.homeAccountId, 'signIn');
    expect(second).not.toBe(first);
    expect(Number(tokenClaims(second)['exp'])).toBeGreaterThan(Number(tokenClaims(first)['exp']));
    await close();
  });

  it('keeps two accounts in two tenants apart, and signs out one without touching the other', async () => {
    const { service, setUser, close } = await setup('two-accounts', globalAdmin);
    const partner = await service.signInInteractive();
    const client = sandbox.info.clientTenants[0];
    if (!client) throw new Error('no client tenant in the scenario');
    setUser({ username: sandbox.info.clientAdmin.usernameTemplate.replace('{domain}', client.domain), password: sandbox.info.clientAdmin.password });
    const customer = await service.signInInteractive({ tenant: client.tenantId });
    expect(customer.tenantId).toBe(client.tenantId);

    expect((await service.accounts()).map((a) => a.tenantId).sort()).toEqual([partner.tenantId, client.tenantId].sort());
    expect(tokenClaims(await service.tokenFor(partner.homeAccountId, 'signIn'))['tid']).toBe(partner.tenantId);
    expect(tokenClaims(await service.tokenFor(customer.homeAccountId, 'signIn'))['tid']).toBe(client.tenantId);

    await service.signOut(customer.homeAccountId);
    expect((await service.accounts()).map((a) => a.homeAccountId)).toEqual([partner.homeAccountId]);
    await expect(service.tokenFor(customer.homeAccountId, 'signIn')).rejects.toMatchObject({ code: 'account_not_found' });
    expect(tokenClaims(await service.tokenFor(partner.homeAccountId, 'signIn'))['tid']).toBe(partner.tenantId);
    await close();
  });

  it('persists the token cache only through the vault: no token readable on disk', async () => {
    const { service, vaultDir, close } = await setup('on-disk', globalAdmin);
    const account = await service.signInInteractive();
    const token = await service.tokenFor(account.homeAccountId, 'signIn');
    const files = filesUnder(vaultDir);
    expect(files.length).toBeGreaterThan(0);
    const signature = token.split('.')[2] ?? '';
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(text, file).not.toContain(signature);
      expect(text, file).not.toContain(token.slice(0, 60));
    }
    // And the cache really is there: a new service on the same vault finds the account.
    const again = await setup('on-disk');
    expect((await again.service.accounts()).map((a) => a.homeAccountId)).toEqual([account.homeAccountId]);
    await again.close();
    await close();
  });

  it('switches to the admin’s own app registration with a cache of its own, and back', async () => {
    const { service, close } = await setup('own-app', globalAdmin);
    const account = await service.signInInteractive();
    service.useClientId('11111111-2222-3333-4444-555555555555');
    expect(service.clientId).toBe('11111111-2222-3333-4444-555555555555');
    expect(await service.accounts()).toEqual([]);
    service.useClientId(null);
    expect(service.clientId).toBe('14d82eec-204b-4c2f-b7e8-296a70dab67e');
    expect((await service.accounts()).map((a) => a.homeAccountId)).toEqual([account.homeAccountId]);
    await close();
  });

  it('signs in with a device code', async () => {
    const { service, page, close } = await setup('device');
    const account = await service.signInWithDeviceCode({
      onPrompt: (prompt) => {
        void completeSandboxDeviceLogin(page, prompt.verificationUri, prompt.userCode, globalAdmin).catch(() => {});
      },
    });
    expect(account.username).toBe(globalAdmin.username);
    await close();
  });

  it('cancels a sign-in left open in the browser, and frees the loopback port', async () => {
    const { service, opened, close } = await setup('cancel');
    // Handle the outcome from the start: it settles while cancel() is being awaited.
    const outcome = service.signInInteractive().catch((e: unknown) => e);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    await service.cancel();
    const error = await outcome;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('sign_in_cancelled');
    const loopback = new URL(new URL(opened[0] ?? '').searchParams.get('redirect_uri') ?? '');
    await expect(fetch(`http://127.0.0.1:${loopback.port}/`)).rejects.toThrow();
    await close();
  });

  it('times out a sign-in left open, with a message that says what to do', async () => {
    const { service, close } = await setup('timeout', undefined, 1500);
    const error = await service.signInInteractive().catch((e: unknown) => e);
    expect((error as AppError).code).toBe('sign_in_timed_out');
    expect((error as AppError).fix).toMatch(/Start sign-in again/);
    await close();
  });

  it('cancels a device code sign-in', async () => {
    const { service, close } = await setup('device-cancel');
    let prompted = false;
    const outcome = service.signInWithDeviceCode({ onPrompt: () => (prompted = true) }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(prompted).toBe(true));
    await service.cancel();
    expect(((await outcome) as AppError).code).toBe('sign_in_cancelled');
    await close();
  });
});
