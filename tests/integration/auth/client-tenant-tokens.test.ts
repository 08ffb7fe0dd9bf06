import { type Browser } from '@playwright/test';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInService } from '../../../src/main/core/auth/sign-in-service';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import { AesGcmCipher, loadWebHostVaultKey } from '../../../src/main/core/vault/aes-gcm-cipher';
import { EncryptedFileVault } from '../../../src/main/core/vault/encrypted-file-vault';
import { launchChromium } from '../../helpers/launch-chromium';
import { openInOnePage } from '../../helpers/sandbox-sign-in';
import { makeTempDir } from '../../helpers/temp-dir';
import type { Middleware } from '../../sandbox/http/Mount';
import type { SandboxUserInfo } from '../../sandbox/SandboxInfo';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';

let sandbox: SandboxHandle;
let browser: Browser;
let dir: ReturnType<typeof makeTempDir>;
let service: SignInService;
let homeAccountId: string;
/** What the sandbox's Entra received: OpenID configuration reads, and the tenant of each token request. */
const discovery: string[] = [];
const tokenRequests: string[] = [];

beforeAll(async () => {
  dir = makeTempDir('eo-tenant-tokens-');
  sandbox = await startSandbox({ dataDir: join(dir.path, 'sandbox'), tenants: 220 });
  const counter: Middleware = async (req, next) => {
    if (req.method === 'GET' && req.path.endsWith('/.well-known/openid-configuration')) discovery.push(req.path);
    if (req.method === 'POST' && req.path.endsWith('/oauth2/v2.0/token')) tokenRequests.push(req.path.split('/')[1] ?? '');
    return next();
  };
  sandbox.mounts.identity.middleware.unshift(counter);
  browser = await launchChromium();
  const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  const globalAdmin = sandbox.info.users.find((u) => u.key === 'globalAdmin') as SandboxUserInfo;
  const vault = new EncryptedFileVault(join(dir.path, 'vault.json'), new AesGcmCipher(loadWebHostVaultKey(join(dir.path, 'vault.key'), {})));
  service = new SignInService({ cloud: sandboxCloud(sandbox.info), vault, openUrl: openInOnePage(page, () => globalAdmin) });
  ({ homeAccountId } = await service.signInInteractive({ steps: ['listGdapCustomers', 'grantAdminConsent'] }));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  dir?.remove();
});

/**
 * Each customer has not consented to the sign-in app yet (a consent run first consents it through Partner Center,
 * process-tenant.ts), so Entra answers each tenant's token request with AADSTS65001: enough to see that every
 * request went to its own tenant's authority, with a refresh token the copy holds.
 */
async function askFor(tenantIds: string[]): Promise<void> {
  const answers = await Promise.allSettled(tenantIds.map((tenantId) => service.tokenForTenant(homeAccountId, 'grantAdminConsent', tenantId)));
  for (const answer of answers) expect(answer.status === 'rejected' ? String(answer.reason) : 'a token').toMatch(/AADSTS65001/);
}

describe('client-tenant tokens for more tenants than one in-memory MSAL copy serves', () => {
  it('asks each tenant’s own authority across fresh copies, each copy made once and reading the OpenID configuration once', async () => {
    // Customers whose GDAP relationship gives the partner admin a way in without MFA (tests/sandbox/README.md).
    const tenants = sandbox.info.clientTenants.filter((t) => t.kind === 'gdapFull').map((t) => t.tenantId);
    expect(tenants.length).toBeGreaterThanOrEqual(95);
    const some = tenants.slice(0, 55);
    discovery.length = 0;
    tokenRequests.length = 0;
    for (const tenantId of some) await askFor([tenantId]);
    expect(tokenRequests).toEqual(some);
    // 55 tenants, 25 per copy: three copies, each reading the authority's metadata once.
    expect(discovery).toHaveLength(3);

    // 30 at once share the third copy (it has read the metadata already); a copy serves more than 25 when
    // that many ask together, and the next ask starts a fresh one.
    discovery.length = 0;
    tokenRequests.length = 0;
    const more = tenants.slice(55, 85);
    await askFor(more);
    expect([...tokenRequests].sort()).toEqual([...more].sort());
    expect(discovery).toHaveLength(0);

    // 10 at once on that fresh copy: one copy made for all of them, whose first call reads the metadata while
    // the other 9 wait for it rather than each read it too.
    discovery.length = 0;
    tokenRequests.length = 0;
    const last = tenants.slice(85, 95);
    await askFor(last);
    expect([...tokenRequests].sort()).toEqual([...last].sort());
    expect(discovery).toHaveLength(1);
  });
});
