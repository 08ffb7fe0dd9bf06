import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { buildScenarioPlan } from '../../sandbox/scenario/buildScenarioPlan';
import { defaultSettings } from '../../sandbox/settings/SandboxSettings';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'scenario', tenants: 5000 });
  http = sandboxHttp(sandbox);
});
afterAll(() => sandbox?.close());

describe('default scenario', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const now = Date.now();
    const a = buildScenarioPlan('seed-a', 20, now);
    expect(buildScenarioPlan('seed-a', 20, now)).toEqual(a);
    const b = buildScenarioPlan('seed-b', 20, now);
    expect(b.partner.id).not.toBe(a.partner.id);
    expect(b.partnerUsers[0]?.password).not.toBe(a.partnerUsers[0]?.password);
  });

  it('covers every kind of client tenant, with GDAP state on the model', () => {
    const kinds = sandbox.info.clientTenants.slice(0, 7).map((t) => t.kind);
    expect(kinds).toEqual(['gdapFull', 'gdapMissingRoles', 'gdapExpired', 'noGdap', 'mfaRequired', 'unresolvableDomain', 'gdapPending']);
    const byKind = Object.fromEntries(sandbox.info.clientTenants.slice(0, 7).map((t) => [t.kind, t]));
    expect(byKind.gdapFull).toMatchObject({ gdapStatus: 'active', gdapRoles: ['Application Administrator', 'Privileged Role Administrator'] });
    expect(byKind.gdapMissingRoles).toMatchObject({ gdapStatus: 'active', gdapRoles: ['Directory Readers'] });
    expect(byKind.gdapExpired?.gdapStatus).toBe('expired');
    expect(byKind.gdapPending?.gdapStatus).toBe('approvalPending');
    expect(byKind.noGdap?.gdapStatus).toBeNull();
    expect(sandbox.info.users.map((u) => [u.key, u.roles])).toEqual([
      ['globalAdmin', ['Global Administrator']],
      ['applicationAdmin', ['Application Administrator']],
      ['member', []],
    ]);
  });

  it('handles 5000 client tenants lazily: only touched tenants are materialised', async () => {
    expect(sandbox.info.clientTenantsTotal).toBe(5000);
    const before = [...sandbox.state.materializedDirectories()].length;
    expect(before).toBeLessThanOrEqual(3);
    const last = sandbox.info.clientTenants[4999];
    const res = await http.get(`${sandbox.info.authority}/${last?.domain ?? ''}/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(last?.kind === 'unresolvableDomain' ? 400 : 200);
    const directory = sandbox.state.directory(last?.tenantId ?? '');
    expect(directory.findServicePrincipalByAppId('00000003-0000-0000-c000-000000000000')?.oauth2PermissionScopes.length).toBeGreaterThan(500);
    expect([...sandbox.state.materializedDirectories()].length).toBe(before + 1);
  });

  // How fast it starts is measured in bench/sandbox-throughput.ts, not asserted with a timer here.
  it('starts with 5000 tenants and lists every one of them', async () => {
    const other = await startSandbox({ seed: 'timing', tenants: 5000 });
    try {
      expect(other.info.clientTenants).toHaveLength(5000);
    } finally {
      await other.close();
    }
  });
});

describe('control API', () => {
  it('requires the control token', async () => {
    const res = await http.get(`${sandbox.info.control}/info`);
    expect(res.status).toBe(401);
    expect((await http.get(`${sandbox.info.control}/info`, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await http.control('GET', '/info')).json()).toMatchObject({ partnerTenantId: sandbox.info.partnerTenantId });
  });

  it('moves the clock forward', async () => {
    const before = sandbox.clock.now();
    const res = await http.control('POST', '/clock', { advanceSeconds: 3600 });
    expect(res.json<{ nowMs: number }>().nowMs - before).toBeGreaterThanOrEqual(3600_000);
  });

  it('dumps state with secrets redacted', async () => {
    const created = (await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications`, { displayName: 'Dumped', createServicePrincipal: true })).json<{ appId: string }>();
    const secret = (await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications/${created.appId}/addPassword`, {})).json<{ secretText: string }>().secretText;
    const dump = await http.control('GET', `/state?tenant=${sandbox.info.partnerTenantId}`);
    expect(dump.status).toBe(200);
    for (const user of sandbox.info.users) expect(dump.text).not.toContain(user.password);
    expect(dump.text).not.toContain(secret);
    expect(dump.text).not.toContain('secretHash');
    expect(dump.text).toContain('"hint":"' + secret.slice(0, 3) + '"');
  });

  it('validates input and reports unknown settings', async () => {
    expect((await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications`, { signInAudience: 'nope' })).status).toBe(400);
    expect((await http.control('PATCH', '/settings', { nope: 1 })).status).toBe(400);
    expect((await http.control('POST', '/tenants/nosuch.onmicrosoft.com/users', { userPrincipalName: 'a@b', displayName: 'a', password: 'p' })).status).toBe(400);
  });

  it('resets to the scenario', async () => {
    await http.control('POST', `/tenants/${sandbox.info.partnerTenantId}/applications`, { displayName: 'Gone after reset' });
    await http.control('PATCH', '/settings', { replication: { secretDelayMs: 5000 } });
    expect((await http.control('POST', '/reset')).status).toBe(200);
    const apps = [...sandbox.state.directory(sandbox.info.partnerTenantId).applications.values()];
    expect(apps).toHaveLength(0);
    // Back to the settings the sandbox started with (here the defaults, where the secret delay is on), not the patch.
    expect(sandbox.settings.replication.secretDelayMs).toBe(defaultSettings().replication.secretDelayMs);
    expect(sandbox.settings.replication.secretDelayMs).not.toBe(5000);
  });
});
