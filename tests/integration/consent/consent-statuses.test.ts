import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientTenant, TenantStatus } from '../../../src/shared/domain/client-tenants';
import { addAccessAssignment } from '../../sandbox/control/gdapControl';
import { roleTemplateIds } from '../../sandbox/model/wellKnownIds';
import { startConsentEnv, type ConsentEnv } from './consent-env';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
let env: ConsentEnv;
let ws: string;

beforeAll(async () => {
  env = await startConsentEnv('eo-consent-');
  ws = await env.setUp('bvoip');
  await env.core.services.clientTenants.discover(ws, env.homeAccountId, ['gdap', 'partnerCenter']);
  // Three browser sign-ins and a whole setup with Microsoft's replication delays: under a full parallel suite on two
  // cores this has taken over three minutes.
}, 360_000);
afterAll(() => env?.close());

const tenantOfKind = (kind: string) => env.sandbox.info.clientTenants.filter((c) => c.kind === kind).map((c) => c.tenantId);
const rows = (): ClientTenant[] =>
  env.core.services.clientTenants.list(ws, { offset: 0, limit: 100, sort: { by: 'name', direction: 'asc' }, filter: {} }).rows;
const statusOf = (tenantId: string): TenantStatus => rows().find((r) => r.tenantId === tenantId)!.status;
const appId = () => env.core.services.clientTenants.app(ws).appId!;
/**
 * The kinds where the partner admin gets in and consents (tests/sandbox/README.md, "Client tenants at scale"): GDAP
 * access with the roles, by GUID where the domain does not resolve, through the active one of two relationships, and
 * Conditional Access requiring MFA (of everyone or of service provider users), which the admin's MFA sign-in satisfies.
 */
const consentedKinds = ['gdapFull', 'unresolvableDomain', 'gdapMultiple', 'mfaRequired', 'caMfaForServiceProviders', 'gdapTerminationRequested'];

/** Read from the sandbox's own directory: the app's service principal and its Graph app roles in a tenant. */
function sandboxConsent(tenantId: string) {
  const dir = env.sandbox.state.directory(tenantId);
  const sps = [...dir.servicePrincipals.values()].filter((s) => s.appId === appId());
  const graph = dir.findServicePrincipalByAppId(GRAPH_APP_ID)!;
  const roles = sps.flatMap((sp) => dir.assignmentsOf(sp.id, graph.id).map((a) => graph.appRoles.find((r) => r.id === a.appRoleId)?.value));
  return { sps: sps.length, roles };
}

async function runAndWait(input: { mode?: 'consent' | 'verify'; tenantIds?: string[] } = {}) {
  const { runId } = await env.core.services.consentRuns.start({
    workspaceId: ws,
    homeAccountId: env.homeAccountId,
    mode: input.mode ?? 'consent',
    ...(input.tenantIds ? { selection: { tenantIds: input.tenantIds } } : {}),
  });
  await env.core.services.consentRuns.settled(ws);
  return env.core.services.consentRuns.run(ws, runId)!;
}

describe('consent in every kind of client tenant (bvoip: an application permission)', () => {
  it('merges GDAP and Partner Center into one list with provenance and explained defaults', () => {
    const list = rows();
    expect(list).toHaveLength(env.sandbox.info.clientTenants.length);
    const full = list.find((r) => r.tenantId === tenantOfKind('gdapFull')[0])!;
    expect(full.sources.map((s) => s.kind).sort()).toEqual(['gdap', 'partnerCenter']);
    expect(full.gdapRelationships[0]?.status).toBe('active');
    expect(full.gdapRelationships[0]?.roles.map((r) => r.name)).toContain('Privileged Role Administrator');
    expect(full.strategy).toMatchObject({ chosen: 'gdapDirect', isDefault: true });
    const none = list.find((r) => r.tenantId === tenantOfKind('noGdap')[0])!;
    expect(none.sources.map((s) => s.kind)).toEqual(['partnerCenter']);
    expect(none.strategy.chosen).toBe('adminConsentLink');
    expect(none.strategy.defaultReason).toMatch(/No GDAP relationship/);
    // Expired and pending relationships are listed through delegatedAdminRelationships, with their state.
    expect(list.find((r) => r.tenantId === tenantOfKind('gdapExpired')[0])!.gdapRelationships[0]?.status).toBe('expired');
    expect(list.find((r) => r.tenantId === tenantOfKind('gdapPending')[0])!.gdapRelationships[0]?.status).toBe('approvalPending');
  });

  it('verifies first without changing anything: nothing is consented yet', async () => {
    const run = await runAndWait({ mode: 'verify' });
    expect(run.state).toBe('succeeded');
    expect(statusOf(tenantOfKind('gdapFull')[0]!).kind).toBe('notStarted');
    expect(sandboxConsent(tenantOfKind('gdapFull')[0]!).sps).toBe(0);
  }, 60_000);

  it('ends each kind of tenant in the right status, read from the tenant', async () => {
    const run = await runAndWait();
    expect(run.state).toBe('succeeded');
    expect(run.done).toBe(run.total);

    for (const id of consentedKinds.flatMap(tenantOfKind)) {
      const status = statusOf(id);
      expect(status.kind, JSON.stringify(status)).toBe('consented');
      expect(status.evidence.find((e) => e.check === 'tokenRoles')).toMatchObject({ ok: true });
      expect(sandboxConsent(id)).toEqual({ sps: 1, roles: ['User.Read.All'] });
    }
    for (const id of tenantOfKind('gdapMissingRoles')) {
      expect(statusOf(id)).toMatchObject({ kind: 'accessNeeded', reason: 'gdapRoleMissing' });
      expect((statusOf(id) as { missingRoles: string[] }).missingRoles.join(' ')).toMatch(/Privileged Role Administrator/);
    }
    expect(statusOf(tenantOfKind('gdapExpired')[0]!)).toMatchObject({ kind: 'accessNeeded', reason: 'relationshipExpired' });
    expect(statusOf(tenantOfKind('gdapPending')[0]!)).toMatchObject({ kind: 'accessNeeded', reason: 'relationshipPending' });
    expect(statusOf(tenantOfKind('caBlocksServiceProviders')[0]!)).toMatchObject({ kind: 'accessNeeded', reason: 'blockedByPolicy' });
    expect(statusOf(tenantOfKind('noGdap')[0]!)).toMatchObject({ kind: 'accessNeeded', reason: 'waitingForClientAdmin' });
    // An active relationship with no access assignment lets nobody in: said as such, not as "no relationship".
    const noAssignment = statusOf(tenantOfKind('gdapNoAccessAssignment')[0]!);
    expect(noAssignment).toMatchObject({ kind: 'accessNeeded', reason: 'accessAssignmentMissing' });
    expect(noAssignment.kind === 'accessNeeded' && noAssignment.message).toMatch(/no access assignment for your security group/);
    expect(noAssignment.kind === 'accessNeeded' && noAssignment.fix).toMatch(/Partner Center/);
    // A deleted tenant (its relationship terminated) is not found, not "relationship expired".
    expect(statusOf(tenantOfKind('deletedTenant')[0]!)).toMatchObject({ kind: 'tenantNotFound', evidence: [expect.objectContaining({ check: 'tenantDiscovery', ok: false })] });
    expect(statusOf(tenantOfKind('gdapTerminated')[0]!)).toMatchObject({ kind: 'accessNeeded', reason: 'relationshipExpired' });
    expect(run.counts.consented).toBe(consentedKinds.flatMap(tenantOfKind).length);

    const history = env.core.services.clientTenants.history(ws, tenantOfKind('gdapFull')[0]!);
    expect(history[0]).toMatchObject({ status: 'consented', strategy: 'gdapDirect' });
    expect(history[0]?.summary).toMatch(/created the service principal/);
    expect(history.at(-1)?.status).toBe('notStarted');
  }, 120_000);

  it('reads the status from the tenant, not from its own table: a grant removed in the tenant shows', async () => {
    const id = tenantOfKind('gdapFull')[0]!;
    const dir = env.sandbox.state.directory(id);
    const sp = [...dir.servicePrincipals.values()].find((s) => s.appId === appId())!;
    const graph = dir.findServicePrincipalByAppId(GRAPH_APP_ID)!;
    for (const a of dir.assignmentsOf(sp.id, graph.id)) dir.appRoleAssignments.delete(a.id);
    await runAndWait({ mode: 'verify', tenantIds: [id] });
    expect(statusOf(id)).toMatchObject({ kind: 'partiallyConsented', missing: [{ value: 'User.Read.All', type: 'application' }] });
  }, 60_000);

  it('turns the fixed tenants green when only the failed ones are retried, without touching the others', async () => {
    const pending = env.sandbox.info.clientTenants.find((c) => c.kind === 'gdapPending')!;
    const missing = tenantOfKind('gdapMissingRoles')[0]!;
    const unassigned = tenantOfKind('gdapNoAccessAssignment')[0]!;
    for (const rel of env.sandbox.state.gdapRelationships.values()) {
      if (rel.customer.tenantId === unassigned) addAccessAssignment(env.sandbox.state, rel, { groupId: env.sandbox.runtime.plan.gdapGroup.id });
      if (rel.customer.tenantId === pending.tenantId) {
        // The client approves; then the partner assigns its security group, which it can only do once the
        // relationship is active (learn.microsoft.com/partner-center/customers/gdap-assign-microsoft-entra-roles).
        rel.status = 'active';
        addAccessAssignment(env.sandbox.state, rel, { groupId: env.sandbox.runtime.plan.gdapGroup.id });
      }
      if (rel.customer.tenantId === missing) {
        const roles = [{ roleDefinitionId: roleTemplateIds.applicationAdministrator }, { roleDefinitionId: roleTemplateIds.privilegedRoleAdministrator }];
        rel.accessDetails.unifiedRoles = roles;
        for (const a of rel.accessAssignments) a.accessDetails.unifiedRoles = roles;
      }
    }
    const before = sandboxConsent(tenantOfKind('unresolvableDomain')[0]!);
    const { runId } = await env.core.services.consentRuns.retryFailed(ws, env.homeAccountId);
    await env.core.services.consentRuns.settled(ws);
    const run = env.core.services.consentRuns.run(ws, runId)!;
    // The consented ones were not in the retry (the first gdapFull tenant lost its grant above, so it is retried).
    expect(run.total).toBe(env.sandbox.info.clientTenants.length - (consentedKinds.flatMap(tenantOfKind).length - 1));
    expect(statusOf(pending.tenantId).kind).toBe('consented');
    expect(statusOf(missing).kind).toBe('consented');
    expect(statusOf(unassigned).kind).toBe('consented');
    expect(statusOf(tenantOfKind('gdapFull')[0]!).kind).toBe('consented');
    expect(sandboxConsent(tenantOfKind('unresolvableDomain')[0]!)).toEqual(before);
  }, 120_000);
});

describe('the other strategies', () => {
  it('CPV: "already exists" is success, and a reset deletes and re-adds', async () => {
    const { consentViaCpv, resetCpvConsent } = await import('../../../src/main/core/consent/strategies/cpv-consent');
    const { HttpClient } = await import('../../../src/main/core/consent/http-client');
    const { createCloudFetch } = await import('../../../src/main/core/net/cloud-fetch');
    const { sandboxCloud } = await import('../../../src/main/core/clouds/sandbox-cloud');
    const cloud = sandboxCloud(env.sandbox.info);
    const http = new HttpClient({ fetchFn: createCloudFetch(cloud) });
    const auth = (env.core.services.auth as unknown as { signIn: { tokenFor(h: string, s: string): Promise<string>; clientId: string } }).signIn;
    const customer = tenantOfKind('gdapFull')[0]!;
    const input = {
      partnerCenterBaseUrl: cloud.partnerCenterBaseUrl!,
      customerTenantId: customer,
      // Partner Center consents the app that calls it: here the console's own sign-in app.
      applicationId: auth.clientId,
      displayName: 'Entra Onboard',
      grants: [{ enterpriseApplicationId: GRAPH_APP_ID, scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All', 'openid', 'profile', 'offline_access'] }],
      token: await auth.tokenFor(env.homeAccountId, 'partnerCenter'),
    };
    const dir = env.sandbox.state.directory(customer);
    const cli = dir.findServicePrincipalByAppId(auth.clientId)!;
    const graph = dir.findServicePrincipalByAppId(GRAPH_APP_ID)!;
    // The run already consented the console here (bootstrap): a second POST is "already exists", i.e. success.
    expect(dir.grantsFor(cli.id, graph.id)).toHaveLength(1);
    await expect(consentViaCpv(http, input)).resolves.toEqual({ created: false });
    const before = dir.grantsFor(cli.id, graph.id)[0]!.id;
    await resetCpvConsent(http, input);
    const after = dir.grantsFor(cli.id, graph.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before);
  }, 60_000);

  it('CPV bootstrap: an older consent of the console with fewer scopes is reset, not left refusing every token', async () => {
    const { resetCpvConsent } = await import('../../../src/main/core/consent/strategies/cpv-consent');
    const { HttpClient } = await import('../../../src/main/core/consent/http-client');
    const { createCloudFetch } = await import('../../../src/main/core/net/cloud-fetch');
    const { sandboxCloud } = await import('../../../src/main/core/clouds/sandbox-cloud');
    const cloud = sandboxCloud(env.sandbox.info);
    const auth = (env.core.services.auth as unknown as { signIn: { tokenFor(h: string, s: string): Promise<string>; clientId: string; tenantTokens: { reset(): void } } }).signIn;
    const customer = tenantOfKind('gdapMultiple')[0]!;
    const dir = env.sandbox.state.directory(customer);
    const cli = dir.findServicePrincipalByAppId(auth.clientId)!;
    const graph = dir.findServicePrincipalByAppId(GRAPH_APP_ID)!;
    const full = dir.grantsFor(cli.id, graph.id)[0]!.scope.split(' ');
    // As an older console left it: consented through Partner Center without DelegatedPermissionGrant.ReadWrite.All.
    const older = full.filter((s) => s !== 'DelegatedPermissionGrant.ReadWrite.All');
    await resetCpvConsent(new HttpClient({ fetchFn: createCloudFetch(cloud) }), {
      partnerCenterBaseUrl: cloud.partnerCenterBaseUrl!,
      customerTenantId: customer,
      applicationId: auth.clientId,
      displayName: 'Entra Onboard',
      grants: [{ enterpriseApplicationId: GRAPH_APP_ID, scopes: older }],
      token: await auth.tokenFor(env.homeAccountId, 'partnerCenter'),
    });
    expect(dir.grantsFor(cli.id, graph.id)[0]!.scope.split(' ')).not.toContain('DelegatedPermissionGrant.ReadWrite.All');
    auth.tenantTokens.reset(); // no access token from before in the console's cache: Entra is asked afresh

    const run = await runAndWait({ tenantIds: [customer], mode: 'verify' });
    expect(run.counts.consented).toBe(1);
    expect(statusOf(customer).kind).toBe('consented');
    expect(dir.grantsFor(dir.findServicePrincipalByAppId(auth.clientId)!.id, graph.id)[0]!.scope.split(' ')).toContain('DelegatedPermissionGrant.ReadWrite.All');
    const evidence = env.core.services.clientTenants.history(ws, customer)[0]!.evidence.map((e) => e.detail).join(' ');
    expect(evidence).toMatch(/older consent for Entra Onboard without all its scopes: removed it and consented again/);
  }, 60_000);

  it('admin consent link: exported with a message, then granted in the browser by the client’s Global Administrator and seen', async () => {
    const noGdap = tenantOfKind('noGdap')[0]!;
    const links = env.core.services.consentRuns.exportLinks(ws);
    expect(links.count).toBe(1);
    expect(links.csv.split('\r\n')[0]).toBe('Tenant ID,Domain,Name,Admin consent link');
    expect(links.csv).toContain(`/${noGdap}/adminconsent?client_id=${appId()}`);
    expect(links.message).toMatch(/Microsoft Graph: User\.Read\.All \(application permission\)/);

    const client = env.sandbox.info.clientTenants.find((c) => c.tenantId === noGdap)!;
    env.signInAs({ username: env.sandbox.info.clientAdmin.usernameTemplate.replace('{domain}', client.domain), password: env.sandbox.info.clientAdmin.password });
    try {
      await env.core.services.consentRuns.consentInBrowser(ws, env.homeAccountId, noGdap);
    } finally {
      env.signInAs(env.sandbox.info.users.find((u) => u.key === 'globalAdmin')!);
    }
    expect(sandboxConsent(noGdap)).toEqual({ sps: 1, roles: ['User.Read.All'] });
    // Recognised from the tenant: the app's own token there carries the role.
    expect(statusOf(noGdap)).toMatchObject({ kind: 'consented', evidence: [expect.objectContaining({ check: 'tokenRoles', ok: true })] });
  }, 120_000);
});

describe('per-client SSO enablement hook', () => {
  it('hands consented and verified tenants to the platform enabler and shows its answer beside the tenant', async () => {
    const seen: string[][] = [];
    const enabler = {
      enable: async (_ws: string, tenants: readonly { tenantId: string }[]) => {
        seen.push(tenants.map((t) => t.tenantId));
        return tenants.map((t) => ({ tenantId: t.tenantId, state: 'enabled' as const, message: 'SSO enabled for this client.' }));
      },
    };
    (env.core.services.consentRuns as unknown as { o: { platformEnabler?: unknown } }).o.platformEnabler = enabler;
    try {
      const full = tenantOfKind('gdapFull')[0]!;
      const expired = tenantOfKind('gdapExpired')[0]!;
      await runAndWait({ mode: 'verify', tenantIds: [full, expired] });
      expect(seen).toEqual([[full]]);
      expect(rows().find((r) => r.tenantId === full)?.platform).toMatchObject({ state: 'enabled', message: 'SSO enabled for this client.' });
      expect(rows().find((r) => r.tenantId === expired)?.platform).toBeNull();
      // Already enabled: not sent again.
      await runAndWait({ mode: 'verify', tenantIds: [full] });
      expect(seen).toHaveLength(1);
    } finally {
      (env.core.services.consentRuns as unknown as { o: { platformEnabler?: unknown } }).o.platformEnabler = undefined;
    }
  }, 60_000);
});
