import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { sandboxHttp } from '../sandbox/helpers/sandboxHttp';
import { plantRefreshToken, refreshForm } from './tenantTokens';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;

const tenantOf = (kind: string) => {
  const t = sandbox.info.clientTenants.find((c) => c.kind === kind);
  if (!t) throw new Error(`no ${kind} tenant`);
  return t;
};
const adminUpn = () => sandbox.info.users.find((u) => u.key === 'globalAdmin')?.username ?? '';

async function redeemAt(tenantId: string, refreshToken: string) {
  return http.postForm(`${sandbox.info.authority}/${tenantId}/oauth2/v2.0/token`, refreshForm(refreshToken));
}

beforeAll(async () => {
  sandbox = await startSandbox({ dataDir: join(tmpdir(), 'entra-onboard-sandbox-tenants-tests') });
  http = sandboxHttp(sandbox);
});
afterAll(() => sandbox?.close());

describe('Conditional Access for service provider (GDAP) users in a client tenant', () => {
  it('a policy that blocks service provider users answers AADSTS53003 in Entra’s error shape', async () => {
    const target = tenantOf('caBlocksServiceProviders');
    expect(target.conditionalAccess).toEqual({ requireMfa: false, serviceProviderUsers: 'block' });
    const res = await redeemAt(target.tenantId, plantRefreshToken(sandbox, { homeTenantId: sandbox.info.partnerTenantId, upn: adminUpn(), amr: ['pwd', 'mfa'] }));
    expect(res.status).toBe(400);
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [53003] });
    expect(String(body.error_description)).toMatch(/^AADSTS53003: Access has been blocked by Conditional Access policies\. The access policy does not allow token issuance\.\r\nTrace ID: /);
  });

  it('a policy that requires MFA of service provider users answers AADSTS50076 unless the sign-in did MFA', async () => {
    const target = tenantOf('caMfaForServiceProviders');
    const withoutMfa = await redeemAt(target.tenantId, plantRefreshToken(sandbox, { homeTenantId: sandbox.info.partnerTenantId, upn: adminUpn(), amr: ['pwd'] }));
    expect(withoutMfa.json()).toMatchObject({ error: 'interaction_required', error_codes: [50076], suberror: 'basic_action' });
    const withMfa = await redeemAt(target.tenantId, plantRefreshToken(sandbox, { homeTenantId: sandbox.info.partnerTenantId, upn: adminUpn(), amr: ['pwd', 'mfa'] }));
    // Past Conditional Access; what stops it now is the console app's consent in that tenant.
    expect(withMfa.json<{ error_codes: number[] }>().error_codes).toEqual([65001]);
  });

  it('targets only service provider users: the customer’s own admin is not blocked', async () => {
    const target = tenantOf('caBlocksServiceProviders');
    const local = plantRefreshToken(sandbox, { homeTenantId: target.tenantId, upn: `admin@${target.domain}` });
    const res = await redeemAt(target.tenantId, local);
    expect(res.json<{ error_codes: number[] }>().error_codes).not.toContain(53003);
  });

  it('the control API switches the policy per tenant (block on a healthy tenant, off again)', async () => {
    const target = tenantOf('gdapFull');
    const token = () => plantRefreshToken(sandbox, { homeTenantId: sandbox.info.partnerTenantId, upn: adminUpn(), amr: ['pwd', 'mfa'] });
    expect((await redeemAt(target.tenantId, token())).json<{ error_codes: number[] }>().error_codes).toEqual([65001]);
    const patched = await http.control('PATCH', `/tenants/${target.tenantId}`, { conditionalAccess: { serviceProviderUsers: 'block' } });
    expect(patched.json()).toMatchObject({ conditionalAccess: { requireMfa: false, serviceProviderUsers: 'block' } });
    expect((await redeemAt(target.tenantId, token())).json<{ error_codes: number[] }>().error_codes).toEqual([53003]);
    await http.control('PATCH', `/tenants/${target.tenantId}`, { conditionalAccess: { serviceProviderUsers: 'none' } });
    expect((await redeemAt(target.tenantId, token())).json<{ error_codes: number[] }>().error_codes).toEqual([65001]);
    expect((await http.control('PATCH', `/tenants/${target.tenantId}`, { conditionalAccess: { serviceProviderUsers: 'sometimes' } })).status).toBe(400);
  });
});
