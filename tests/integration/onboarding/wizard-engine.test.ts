import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/create-core';
import { uniqueNameFor } from '../../../src/main/core/onboarding/desired-app';
import { createApplication } from '../../sandbox/model/createApplication';
import type { SandboxHandle } from '../../sandbox/startSandbox';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';

let env: SignedInCore;
let sandbox: SandboxHandle;
let core: Core;
let homeAccountId: string;

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

beforeAll(async () => {
  env = await startSignedInCore('eo-wizard-');
  ({ sandbox, core } = env);
  homeAccountId = await env.signIn('globalAdmin', ['findExistingApps', 'registerApp', 'grantAdminConsent']);
});

afterAll(() => env?.close());

const partner = () => sandbox.state.directory(sandbox.info.partnerTenantId);
const appOf = (workspaceId: string) => [...partner().applications.values()].find((a) => a.uniqueName === uniqueNameFor(workspaceId, 'main'));

async function applyAndWait(workspaceId: string) {
  await core.services.onboarding.apply(workspaceId, homeAccountId);
  await core.services.onboarding.settled(workspaceId);
  return core.services.onboarding.runView(workspaceId);
}

describe('the wizard engine against the sandbox', () => {
  it('sets up Clment from nothing, then finds nothing to do, then repairs drift', async () => {
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment', platformId: 'clment', partnerTenant: null });
    expect(core.services.onboarding.saveAnswers(ws.id, { region: 'eu' })).toEqual({ valid: true, issues: [] });

    const preview = await core.services.onboarding.preview(ws.id, homeAccountId);
    expect(preview.map((p) => [p.stepId, p.action])).toEqual([
      ['main:registration', 'create'],
      ['main:secret', 'create'],
      ['main:service-principal', 'create'],
      ['main:admin-consent', 'create'],
      ['verify', 'update'],
    ]);
    expect(preview[0]?.details).toContain('Add Web redirect URI https://identity.eu.clment.com/auth/sso/microsoft/callback');
    expect(appOf(ws.id)).toBeUndefined(); // a preview writes nothing

    const run = await applyAndWait(ws.id);
    expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
    const app = appOf(ws.id)!;
    expect(app.signInAudience).toBe('AzureADMyOrg');
    expect(app.web.redirectUris).toEqual(['https://identity.eu.clment.com/auth/sso/microsoft/callback']);
    expect(app.passwordCredentials).toHaveLength(1);
    const sp = partner().findServicePrincipalByAppId(app.appId)!;
    const graphSp = partner().findServicePrincipalByAppId(GRAPH_APP_ID)!;
    const grant = partner().grantsFor(sp.id, graphSp.id)[0]!;
    expect(grant.consentType).toBe('AllPrincipals');
    expect(grant.scope.split(' ').sort()).toEqual(['User.Read', 'email', 'openid', 'profile']);

    // The handover: the client ID as created, the secret only by reference until revealed.
    const fields = core.services.onboarding.handover(ws.id);
    expect(fields.find((f) => f.key === 'clientId')?.value).toBe(app.appId);
    expect(fields.find((f) => f.key === 'tenantId')?.value).toBe(sandbox.info.partnerTenantId);
    const secretField = fields.find((f) => f.key === 'clientSecret')!;
    expect(secretField.value).toBeNull();
    expect(secretField.secretOf?.hint).toBe(app.passwordCredentials[0]?.hint);
    const { value } = await core.services.onboarding.revealSecret(ws.id, 'main');
    expect(value.length).toBeGreaterThanOrEqual(16);
    // The secret is in the vault only: not in the database, not in the settings.
    for (const file of ['entra-onboard.sqlite', 'entra-onboard.sqlite-wal', 'settings.json', 'vault.json']) {
      let bytes = '';
      try {
        bytes = readFileSync(join(env.dataDir, file), 'latin1');
      } catch {
        continue;
      }
      expect(bytes, file).not.toContain(value);
    }

    // Run again: everything matches.
    const again = await core.services.onboarding.preview(ws.id, homeAccountId);
    expect(again.filter((p) => p.stepId !== 'verify').every((p) => p.action === 'keep')).toBe(true);

    // Drift: someone removed the redirect URI and the User.Read permission in the portal.
    app.web.redirectUris = [];
    app.requiredResourceAccess = [];
    const drift = await core.services.onboarding.preview(ws.id, homeAccountId);
    expect(drift[0]?.action).toBe('update');
    expect(drift[0]?.details).toEqual(
      expect.arrayContaining(['Add Web redirect URI https://identity.eu.clment.com/auth/sso/microsoft/callback', 'Add delegated permission User.Read']),
    );
    expect((await applyAndWait(ws.id))?.status).toBe('succeeded');
    expect(appOf(ws.id)?.web.redirectUris).toEqual(['https://identity.eu.clment.com/auth/sso/microsoft/callback']);
    expect(appOf(ws.id)?.passwordCredentials).toHaveLength(1); // the secret we hold was kept, not replaced
  });

  it('offers an existing app of the same name for reuse, and updates it instead of creating another', async () => {
    const handMade = createApplication(sandbox.state, sandbox.info.partnerTenantId, {
      displayName: 'Clment',
      signInAudience: 'AzureADMyOrg',
      web: { redirectUris: ['https://identity.us.clment.com/auth/sso/microsoft/callback'] },
    });
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment (adopt)', platformId: 'clment', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { region: 'us' });
    const first = await core.services.onboarding.preview(ws.id, homeAccountId);
    expect(first[0]?.action).toBe('create');
    expect(first[0]?.adoptable?.apps.map((a) => a.appId)).toContain(handMade.appId);

    const adopt = { main: handMade.appId };
    const clmentCount = () => [...partner().applications.values()].filter((a) => a.displayName === 'Clment').length;
    const before = clmentCount();
    const adopting = await core.services.onboarding.preview(ws.id, homeAccountId, adopt);
    expect(adopting[0]?.action).toBe('update');
    expect(adopting[0]?.summary).toContain(handMade.appId);
    await core.services.onboarding.apply(ws.id, homeAccountId, adopt);
    await core.services.onboarding.settled(ws.id);
    expect(core.services.onboarding.runView(ws.id)?.status).toBe('succeeded');
    expect(clmentCount()).toBe(before); // updated in place: no new app
    expect(handMade.uniqueName).toBe(uniqueNameFor(ws.id, 'main')); // adopted: now findable by our key
    expect(handMade.requiredResourceAccess.length).toBeGreaterThan(0);
    expect(handMade.passwordCredentials).toHaveLength(1);
  });

  it('waits for an app picked for reuse that Microsoft has listed but cannot read by its client ID yet', async () => {
    // facts §4.2: a new app can be in the list before the replica serving reads by key has it.
    const fresh = createApplication(sandbox.state, sandbox.info.partnerTenantId, { displayName: 'Clment', signInAudience: 'AzureADMyOrg' });
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment (adopt fresh)', platformId: 'clment', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { region: 'us' });
    const adopting = await core.services.onboarding.preview(ws.id, homeAccountId, { main: fresh.appId });
    expect(adopting[0]?.action).toBe('update');
    expect(adopting[0]?.summary).toContain(fresh.appId);
  });

  it('sets up bvoip (application permission) through replication delays and throttling', async () => {
    sandbox.patchSettings({
      replication: { applicationDelayMs: 1500, secretDelayMs: 1500 },
      faults: { graph: { throttle: { capacity: 8, refillPerSecond: 4 } } },
    });
    try {
      const ws = core.services.workspaces.create({ name: 'Contoso – bvoip', platformId: 'bvoip-partner-portal', partnerTenant: null });
      const pasted = ['https://mtp.bvoip.net/users', 'https://contoso.bvoip.net/users', 'https://contoso.bvoip.net/sso/webclient'].join('\n');
      expect(core.services.onboarding.saveAnswers(ws.id, { portalRedirectUris: pasted }).valid).toBe(true);
      const run = await applyAndWait(ws.id);
      expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
      const app = appOf(ws.id)!;
      expect(app.spa.redirectUris).toEqual(['https://mtp.bvoip.net/users', 'https://contoso.bvoip.net/users', 'https://contoso.bvoip.net/sso/webclient']);
      const sp = partner().findServicePrincipalByAppId(app.appId)!;
      const graphSp = partner().findServicePrincipalByAppId(GRAPH_APP_ID)!;
      const userReadAll = graphSp.appRoles.find((r) => r.value === 'User.Read.All')!;
      expect(partner().assignmentsOf(sp.id, graphSp.id).map((a) => a.appRoleId)).toEqual([userReadAll.id]);
    } finally {
      sandbox.reset();
    }
  });
});
