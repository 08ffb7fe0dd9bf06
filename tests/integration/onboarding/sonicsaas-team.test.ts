import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';
import type { Core } from '../../../src/main/core/create-core';
import { uniqueNameFor } from '../../../src/main/core/onboarding/desired-app';
import { graphStoreFor } from '../../sandbox/graph/GraphStore';
import type { SandboxHandle } from '../../sandbox/startSandbox';

let sandbox: SandboxHandle;
let env: SignedInCore;
let core: Core;
let globalAdmin: string;

const steps = ['findExistingApps', 'registerApp', 'grantAdminConsent', 'securityGroups', 'conditionalAccess'] as const;
const roles = ['admin', 'operator', 'viewer', 'auditor'] as const;

/** Signs in as a sandbox user and consents to the wizard's permissions; returns the homeAccountId. */
const signIn = (userKey: string) => env.signIn(userKey, [...steps]);

beforeAll(async () => {
  env = await startSignedInCore('eo-sonic-team-');
  ({ sandbox, core } = env);
  globalAdmin = await signIn('globalAdmin');
});

afterAll(() => env?.close());

const partner = () => sandbox.state.directory(sandbox.info.partnerTenantId);
const groupsNamed = (name: string) => [...partner().groups.values()].filter((g) => g.displayName === name);
const policies = () => [...graphStoreFor(sandbox.state).tenant(sandbox.info.partnerTenantId).conditionalAccessPolicies.values()];
const policiesNamed = (name: string) => policies().filter((p) => p.displayName === name);
const appOf = (workspaceId: string) => [...partner().applications.values()].find((a) => a.uniqueName === uniqueNameFor(workspaceId, 'main'));

async function applyAndWait(workspaceId: string, homeAccountId = globalAdmin) {
  await core.services.onboarding.apply(workspaceId, homeAccountId);
  await core.services.onboarding.settled(workspaceId);
  return core.services.onboarding.runView(workspaceId);
}

const actionsOf = async (workspaceId: string, homeAccountId = globalAdmin) =>
  Object.fromEntries((await core.services.onboarding.preview(workspaceId, homeAccountId)).map((p) => [p.stepId, p.action]));

describe('SonicSaaS part 2 (the MSP team) against the sandbox', () => {
  it('creates the role groups and the MFA policy, hands over the mappings, then finds nothing to do', async () => {
    const ws = core.services.workspaces.create({ name: 'Contoso – SonicSaaS team', platformId: 'sonicsaas', partnerTenant: null });
    const answers = { domain: 'sonic.contosomsp.com', authMode: 'entra-only', groupPrefix: 'Contoso-SonicSaaS-', auditorPriority: '10' };
    expect(core.services.onboarding.saveAnswers(ws.id, answers)).toEqual({ valid: true, issues: [] });

    const preview = await core.services.onboarding.preview(ws.id, globalAdmin);
    expect(preview.map((p) => [p.stepId, p.action])).toEqual([
      ['main:registration', 'create'],
      ['main:secret', 'create'],
      ['main:service-principal', 'create'],
      ['main:admin-consent', 'create'],
      ['group:admin', 'create'],
      ['group:operator', 'create'],
      ['group:viewer', 'create'],
      ['group:auditor', 'create'],
      ['conditional-access:mfa:main', 'create'],
      ['verify', 'update'],
    ]);
    expect(preview.find((p) => p.stepId === 'group:admin')?.summary).toBe('Create the security group "Contoso-SonicSaaS-Admins"');
    expect(groupsNamed('Contoso-SonicSaaS-Admins')).toEqual([]); // a preview writes nothing

    // Conditional Access answers 429 without Retry-After above 1 request/second (facts §9.2): the
    // step reads, then writes at once, so the write is throttled and must be retried.
    const limiter = graphStoreFor(sandbox.state).conditionalAccessLimiter;
    const take = limiter.take.bind(limiter);
    let throttled = 0;
    limiter.take = (...args) => {
      const outcome = take(...args);
      if (!outcome.allowed) throttled++;
      return outcome;
    };
    const run = await applyAndWait(ws.id);
    expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
    expect(throttled).toBeGreaterThan(0);

    const suffixes = { admin: 'Admins', operator: 'Operators', viewer: 'Viewers', auditor: 'Auditors' };
    const groups = roles.map((role) => {
      const named = groupsNamed(`Contoso-SonicSaaS-${suffixes[role]}`);
      expect(named, role).toHaveLength(1);
      return named[0]!;
    });
    expect(groups.every((g) => g.securityEnabled && !g.mailEnabled)).toBe(true);
    const extras = graphStoreFor(sandbox.state).tenant(sandbox.info.partnerTenantId).groupExtras.get(groups[0]!.id);
    expect(extras?.mailNickname).toBe('Contoso-SonicSaaS-Admins');

    const app = appOf(ws.id)!;
    const [policy, ...others] = policiesNamed('Require MFA for SonicSaaS');
    expect(others).toEqual([]);
    expect(policy).toMatchObject({
      state: 'enabled',
      conditions: { applications: { includeApplications: [app.appId] }, users: { includeUsers: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });

    const fields = core.services.onboarding.handover(ws.id);
    expect(fields.find((f) => f.key === 'teamTenantId')).toMatchObject({ value: sandbox.info.partnerTenantId, secret: false });
    expect(fields.filter((f) => f.key.startsWith('groupMapping.')).map((f) => [f.label, f.value])).toEqual([
      ['SSO group mapping: Contoso-SonicSaaS-Admins → admin, priority 100', groups[0]!.id],
      ['SSO group mapping: Contoso-SonicSaaS-Operators → operator, priority 60', groups[1]!.id],
      ['SSO group mapping: Contoso-SonicSaaS-Viewers → viewer, priority 30', groups[2]!.id],
      ['SSO group mapping: Contoso-SonicSaaS-Auditors → auditor, priority 10', groups[3]!.id],
    ]);
    expect(fields.find((f) => f.key === 'MICROSOFT_ENTRA_ID_CLIENT_ID')?.value).toBe(app.appId);

    // Run again: the groups and the policy are kept, and applying creates no second one.
    const again = await actionsOf(ws.id);
    expect(Object.entries(again).filter(([id]) => id !== 'verify').every(([, action]) => action === 'keep'), JSON.stringify(again)).toBe(true);
    expect((await applyAndWait(ws.id))?.status).toBe('succeeded');
    for (const role of roles) expect(groupsNamed(`Contoso-SonicSaaS-${suffixes[role]}`), role).toHaveLength(1);
    expect(policiesNamed('Require MFA for SonicSaaS')).toHaveLength(1);

    // Drift: someone put the policy in report-only and pointed it at another app; the wizard repairs it.
    policy!['state'] = 'enabledForReportingButNotEnforced';
    (policy!['conditions'] as { applications: { includeApplications: string[] } }).applications.includeApplications = ['00000000-0000-0000-0000-00000000beef'];
    const drift = (await core.services.onboarding.preview(ws.id, globalAdmin)).find((p) => p.stepId === 'conditional-access:mfa:main')!;
    expect(drift.action).toBe('update');
    expect(drift.details).toEqual([`Add the SonicSaaS app (client ID ${app.appId}) to the policy’s target apps`, 'Turn the policy on (it is report-only)']);
    expect((await applyAndWait(ws.id))?.status).toBe('succeeded');
    const repaired = policiesNamed('Require MFA for SonicSaaS');
    expect(repaired).toHaveLength(1);
    expect(repaired[0]).toMatchObject({ state: 'enabled', conditions: { applications: { includeApplications: ['00000000-0000-0000-0000-00000000beef', app.appId] } } });
  });

  it('reuses a security group that already has the name, and never makes a second one', async () => {
    const handMade = { id: '5a1c0000-0000-4000-8000-000000000001', displayName: 'SonicSaaS-Admins', securityEnabled: true, mailEnabled: false, createdDateTime: new Date().toISOString(), members: [] };
    partner().groups.set(handMade.id, handMade);
    const ws = core.services.workspaces.create({ name: 'Contoso – SonicSaaS reuse', platformId: 'sonicsaas', partnerTenant: null });
    expect(core.services.onboarding.saveAnswers(ws.id, { domain: 'reuse.contosomsp.com' }).valid).toBe(true);

    const preview = await core.services.onboarding.preview(ws.id, globalAdmin);
    const admin = preview.find((p) => p.stepId === 'group:admin')!;
    expect(admin.action).toBe('keep');
    expect(admin.summary).toBe(`Reuse the existing security group "SonicSaaS-Admins" (object ID ${handMade.id})`);
    expect(preview.find((p) => p.stepId === 'group:operator')?.action).toBe('create');
    expect(preview.some((p) => p.stepId.startsWith('conditional-access:'))).toBe(false); // hybrid: SonicSaaS keeps its own MFA

    expect((await applyAndWait(ws.id))?.status).toBe('succeeded');
    expect(groupsNamed('SonicSaaS-Admins').map((g) => g.id)).toEqual([handMade.id]);
    expect(groupsNamed('SonicSaaS-Operators')).toHaveLength(1);
    const mapping = core.services.onboarding.handover(ws.id).find((f) => f.key === 'groupMapping.admin');
    expect(mapping?.value).toBe(handMade.id);
    expect((await actionsOf(ws.id))['group:admin']).toBe('keep');

    // A new prefix means new groups; the ones used before are named, not touched.
    core.services.onboarding.saveAnswers(ws.id, { domain: 'reuse.contosomsp.com', groupPrefix: 'Renamed-' });
    const renamed = (await core.services.onboarding.preview(ws.id, globalAdmin)).find((p) => p.stepId === 'group:admin')!;
    expect(renamed.action).toBe('create');
    expect(renamed.details).toContain(`"SonicSaaS-Admins" (object ID ${handMade.id}) was used for this role before and is left as it is: change its mapping in the platform too.`);
  });

  it('blocks, before anything is written, a group name taken by a group that is not a security group', async () => {
    const m365 = { id: '5a1c0000-0000-4000-8000-000000000002', displayName: 'Fabrikam-Viewers', securityEnabled: false, mailEnabled: true, createdDateTime: new Date().toISOString(), members: [] };
    partner().groups.set(m365.id, m365);
    const ws = core.services.workspaces.create({ name: 'Contoso – SonicSaaS M365 clash', platformId: 'sonicsaas', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { domain: 'clash.contosomsp.com', groupPrefix: 'Fabrikam-' });
    const viewers = (await core.services.onboarding.preview(ws.id, globalAdmin)).find((p) => p.stepId === 'group:viewer')!;
    expect(viewers).toMatchObject({ action: 'blocked', summary: 'A group named "Fabrikam-Viewers" exists but is not a security group' });
  });

  for (const [name, policy, expected] of [
    ['without Entra ID P1', { entraIdPlan: 'free' }, /no Microsoft Entra ID P1 or P2 licence/],
    ['with security defaults on', { securityDefaults: true }, /Security defaults are on in your tenant/],
  ] as const) {
    it(`ends the Conditional Access step in a tenant ${name} with the cause and the fix`, async () => {
      sandbox.patchSettings({ tenantPolicies: { [sandbox.info.partnerTenantId]: policy } });
      try {
        const ws = core.services.workspaces.create({ name: `Contoso – SonicSaaS ${name}`, platformId: 'sonicsaas', partnerTenant: null });
        core.services.onboarding.saveAnswers(ws.id, { domain: `${name.length}.contosomsp.com`, authMode: 'entra-only', groupPrefix: `T${name.length}-` });
        await core.services.onboarding.preview(ws.id, globalAdmin);
        const run = await applyAndWait(ws.id);
        const ca = run?.steps.find((st) => st.stepId === 'conditional-access:mfa:main');
        expect(run?.status).toBe('failed');
        expect(ca?.error?.message, JSON.stringify(ca)).toMatch(expected);
        expect(ca?.error?.fix).toBeTruthy();
      } finally {
        sandbox.patchSettings({ tenantPolicies: {} });
      }
    });
  }

  it('shows an Application Administrator the Conditional Access step as blocked, with who can do it', async () => {
    const appAdmin = await signIn('applicationAdmin');
    const ws = core.services.workspaces.create({ name: 'Contoso – SonicSaaS app admin', platformId: 'sonicsaas', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { domain: 'appadmin.contosomsp.com', authMode: 'entra-only' });
    const before = policies().length;
    const ca = (await core.services.onboarding.preview(ws.id, appAdmin)).find((p) => p.stepId === 'conditional-access:mfa:main')!;
    expect(ca.action).toBe('blocked');
    expect(ca.summary).toBe('Your roles cannot create Conditional Access policies');
    expect(ca.details[0]).toMatch(/^A Global Administrator, Conditional Access Administrator or Security Administrator can/);
    expect(policies()).toHaveLength(before);
  });
});
