import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/create-core';
import { DirectoryRole } from '../../../src/main/core/preflight/directory-roles';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';
import type { SandboxHandle } from '../../sandbox/startSandbox';

let env: SignedInCore;
let sandbox: SandboxHandle;
let core: Core;

beforeAll(async () => {
  env = await startSignedInCore('eo-admin-consent-route-');
  ({ sandbox, core } = env);
});
afterAll(() => env?.close());

const upnOf = (key: string) => sandbox.info.users.find((u) => u.key === key)!.username;

describe('preview for an admin whose roles cannot consent (AADSTS90094)', () => {
  it('shows the steps as needing an administrator’s consent, with Microsoft’s admin consent URL, instead of promising them; once a Global Administrator accepts, they preview', async () => {
    // A Conditional Access Administrator: allowed to make the policy, not to consent to Policy.ReadWrite.ConditionalAccess.
    const partner = sandbox.state.directory(sandbox.info.partnerTenantId);
    partner.findUserByUpn(upnOf('member'))!.sandbox.directoryRoleTemplateIds = [DirectoryRole.ConditionalAccessAdministrator];
    const homeAccountId = await env.signIn('member', []);
    const ws = core.services.workspaces.create({ name: 'Contoso – SonicSaaS CA admin', platformId: 'sonicsaas', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { domain: 'ca-admin.contosomsp.com', authMode: 'entra-only', groupPrefix: 'CA-' });

    const opened = env.openedUrls.length;
    const { items, permissions } = await core.services.onboarding.previewPlan(ws.id, homeAccountId);
    // No consent page was opened: Entra would only have answered "Need admin approval".
    expect(env.openedUrls).toHaveLength(opened);
    const ca = items.find((i) => i.stepId === 'conditional-access:mfa:main')!;
    expect(ca).toMatchObject({ action: 'blocked', summary: 'Needs an administrator’s consent first' });
    expect(ca.details.join(' ')).toMatch(/AADSTS90094/);
    expect(ca.adminConsent?.roles).toMatch(/Global Administrator/);
    const url = new URL(ca.adminConsent!.url);
    expect(url.pathname).toBe(`/${sandbox.info.partnerTenantId}/v2.0/adminconsent`);
    // The sign-in app's own consent (the app the admin signed in with).
    expect(url.searchParams.get('client_id')).toBe(new URL(env.openedUrls[0]!).searchParams.get('client_id'));
    expect(url.searchParams.get('scope')).toContain('Policy.ReadWrite.ConditionalAccess');
    expect(ca.adminConsent!.steps).toContain('conditionalAccess');
    // Nothing in this plan is promised: preview itself reads with a permission awaiting consent.
    expect(items.every((i) => i.action === 'blocked')).toBe(true);
    expect(permissions.map((p) => p.scope)).toEqual(['User.Read']);
    await expect(core.services.onboarding.apply(ws.id, homeAccountId)).rejects.toMatchObject({ code: 'step_blocked' });

    // A Global Administrator at the same machine accepts on Microsoft's admin consent page.
    env.actAs('globalAdmin');
    await core.services.browserConsent.grantForSteps(homeAccountId, ca.adminConsent!.steps);
    expect(env.openedUrls.at(-1)).toContain('/v2.0/adminconsent');

    const again = await core.services.onboarding.previewPlan(ws.id, homeAccountId);
    expect(again.items.find((i) => i.stepId === 'conditional-access:mfa:main')).toMatchObject({ action: 'create' });
    expect(again.items.some((i) => i.adminConsent)).toBe(false);
  });
});
