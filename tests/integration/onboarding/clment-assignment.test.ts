import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';
import type { Core } from '../../../src/main/core/create-core';
import { uniqueNameFor } from '../../../src/main/core/onboarding/desired-app';
import type { Group } from '../../sandbox/model/directoryTypes';
import type { SandboxHandle } from '../../sandbox/startSandbox';

const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';

let env: SignedInCore;
let sandbox: SandboxHandle;
let core: Core;
let homeAccountId: string;

beforeAll(async () => {
  env = await startSignedInCore('eo-clment-assign-');
  ({ sandbox, core } = env);
  // The admin consents, in one sign-in, to what the wizard asks for, assigning users included.
  homeAccountId = await env.signIn('globalAdmin', ['findExistingApps', 'registerApp', 'grantAdminConsent', 'assignUsers']);
});

afterAll(() => env?.close());

const partner = () => sandbox.state.directory(sandbox.info.partnerTenantId);
const upnOf = (key: string) => sandbox.info.users.find((u) => u.key === key)!.username;
const userId = (key: string) => partner().findUserByUpn(upnOf(key))!.id;
const appOf = (workspaceId: string) => [...partner().applications.values()].find((a) => a.uniqueName === uniqueNameFor(workspaceId, 'main'));

/** A security group made in the partner tenant as an admin would in the portal (the sandbox's model). */
function addSecurityGroup(id: string, displayName: string): Group {
  const group: Group = { id, displayName, securityEnabled: true, mailEnabled: false, createdDateTime: new Date().toISOString(), members: [userId('member')] };
  partner().groups.set(group.id, group);
  return group;
}

async function applyAndWait(workspaceId: string) {
  await core.services.onboarding.apply(workspaceId, homeAccountId);
  await core.services.onboarding.settled(workspaceId);
  return core.services.onboarding.runView(workspaceId);
}

describe('Clment: assignment required, with the users and groups the admin chose', () => {
  it('assigns the member, the group and the admin, requires assignment, then has nothing to do', async () => {
    const group = addSecurityGroup('c1e40000-0000-4000-8000-000000000001', 'Clment users');
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment assigned', platformId: 'clment', partnerTenant: null });
    const principals = `${upnOf('member')}\n\n  clment USERS \n`;
    expect(core.services.onboarding.saveAnswers(ws.id, { region: 'eu', assignmentRequired: true, principals })).toEqual({ valid: true, issues: [] });

    const preview = await core.services.onboarding.preview(ws.id, homeAccountId);
    const step = preview.find((p) => p.stepId === 'main:assignment-required')!;
    expect(step).toMatchObject({ action: 'create', summary: 'Require assignment and assign who may sign in' });
    expect(step.details).toEqual([
      `Assign you (${upnOf('globalAdmin')})`,
      `Assign Diego Siciliani (${upnOf('member')})`,
      'Assign the group "Clment users"',
      'Assigning groups needs Microsoft Entra ID P1 or P2; on the Free plan, list the users instead',
      'Require assignment: anyone not assigned gets AADSTS50105 at sign-in',
    ]);

    const run = await applyAndWait(ws.id);
    expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
    const sp = partner().findServicePrincipalByAppId(appOf(ws.id)!.appId)!;
    expect(sp.appRoleAssignmentRequired).toBe(true);
    const assignments = [...partner().appRoleAssignments.values()].filter((a) => a.resourceId === sp.id);
    expect(assignments.map((a) => [a.principalType, a.principalId, a.appRoleId]).sort()).toEqual(
      [
        ['User', userId('member'), DEFAULT_ACCESS],
        ['Group', group.id, DEFAULT_ACCESS],
        ['User', userId('globalAdmin'), DEFAULT_ACCESS],
      ].sort(),
    );

    const again = await core.services.onboarding.preview(ws.id, homeAccountId);
    expect(again.find((p) => p.stepId === 'main:assignment-required')).toMatchObject({
      action: 'keep',
      summary: 'Assignment is required and everyone you chose is assigned',
      details: [],
    });
    // Run again: nothing is assigned twice.
    expect((await applyAndWait(ws.id))?.status).toBe('succeeded');
    expect([...partner().appRoleAssignments.values()].filter((a) => a.resourceId === sp.id)).toHaveLength(3);
  });

  it('on the Entra ID Free plan, ends at the group with the cause and the fix, before requiring assignment', async () => {
    const group = addSecurityGroup('c1e40000-0000-4000-8000-000000000004', 'Clment free');
    sandbox.patchSettings({ tenantPolicies: { [sandbox.info.partnerTenantId]: { entraIdPlan: 'free' } } });
    try {
      const ws = core.services.workspaces.create({ name: 'Contoso – Clment free plan', platformId: 'clment', partnerTenant: null });
      core.services.onboarding.saveAnswers(ws.id, { region: 'eu', assignmentRequired: true, principals: `${upnOf('member')}\nClment free` });
      await core.services.onboarding.preview(ws.id, homeAccountId);
      const run = await applyAndWait(ws.id);
      expect(run?.status).toBe('failed');
      const failed = run?.steps.find((st) => st.status === 'failed');
      expect(failed?.stepId).toBe('main:assignment-required');
      expect(failed?.error).toMatchObject({ code: 'step_blocked' });
      expect(failed?.error?.message).toMatch(/assigning groups needs Microsoft Entra ID P1 or P2, and your tenant has the Free plan/);
      expect(failed?.error?.fix).toMatch(/replace the group with its members’ user principal names/);
      const sp = partner().findServicePrincipalByAppId(appOf(ws.id)!.appId)!;
      // Users went in; the group did not, and assignment is still not required, so nobody is shut out.
      expect(sp.appRoleAssignmentRequired).toBe(false);
      const principals = [...partner().appRoleAssignments.values()].filter((a) => a.resourceId === sp.id).map((a) => a.principalId);
      expect(principals).toContain(userId('member'));
      expect(principals).not.toContain(group.id);

      // The way out the fix names: the same people as users. Then it finishes.
      core.services.onboarding.saveAnswers(ws.id, { region: 'eu', assignmentRequired: true, principals: upnOf('member') });
      await core.services.onboarding.preview(ws.id, homeAccountId);
      expect((await applyAndWait(ws.id))?.status).toBe('succeeded');
      expect(partner().findServicePrincipalByAppId(appOf(ws.id)!.appId)!.appRoleAssignmentRequired).toBe(true);
    } finally {
      sandbox.patchSettings({ tenantPolicies: {} });
    }
  });

  it('fails the step on a user the tenant does not have, naming the line, before requiring assignment', async () => {
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment typo', platformId: 'clment', partnerTenant: null });
    const typo = 'deigo@contosomsp.onmicrosoft.com';
    expect(core.services.onboarding.saveAnswers(ws.id, { region: 'us', assignmentRequired: true, principals: `${upnOf('member')}\n${typo}` }).valid).toBe(true);

    const preview = (await core.services.onboarding.preview(ws.id, homeAccountId)).find((p) => p.stepId === 'main:assignment-required')!;
    expect(preview.action).toBe('blocked');
    expect(preview.details).toEqual([`"${typo}": Your tenant has no user "${typo}". ${'Check the spelling; the user must be in your tenant.'} A guest goes by the user principal name Entra gave them (name_domain#EXT#@yourtenant.onmicrosoft.com).`]);

    const run = await applyAndWait(ws.id);
    expect(run?.status).toBe('failed');
    const failed = run?.steps.find((s) => s.status === 'failed');
    expect(failed?.stepId).toBe('main:assignment-required');
    expect(failed?.error).toMatchObject({ code: 'resource_missing', message: `Who may sign in, "${typo}": Your tenant has no user "${typo}".` });
    expect(failed?.error?.fix).toMatch(/^Check the spelling; the user must be in your tenant\./);
    // Nothing was written: nobody assigned, assignment not required (no one is shut out by a typo).
    const sp = partner().findServicePrincipalByAppId(appOf(ws.id)!.appId)!;
    expect(sp.appRoleAssignmentRequired).toBe(false);
    expect([...partner().appRoleAssignments.values()].filter((a) => a.resourceId === sp.id)).toEqual([]);
  });

  it('blocks on two security groups with the same name, naming both', async () => {
    const first = addSecurityGroup('c1e40000-0000-4000-8000-000000000002', 'Clment admins');
    const second = addSecurityGroup('c1e40000-0000-4000-8000-000000000003', 'Clment admins');
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment twins', platformId: 'clment', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { region: 'au', assignmentRequired: true, principals: 'Clment admins' });
    const preview = (await core.services.onboarding.preview(ws.id, homeAccountId)).find((p) => p.stepId === 'main:assignment-required')!;
    expect(preview.action).toBe('blocked');
    expect(preview.details[0]).toContain(`2 security groups are named "Clment admins" (object IDs ${first.id}, ${second.id})`);
    const run = await applyAndWait(ws.id);
    expect(run?.steps.find((s) => s.status === 'failed')?.error).toMatchObject({ code: 'step_blocked' });
  });
});
