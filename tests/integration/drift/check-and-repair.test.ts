import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftItem, DriftProgress, WorkspaceDrift } from '../../../src/shared/domain/drift';
import type { Core } from '../../../src/main/core/create-core';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';
import { platformBackends } from '../../sandbox/platform/platformBackends';
import type { SandboxHandle } from '../../sandbox/startSandbox';
import { graphCommandLineToolsAppId } from '../../sandbox/model/wellKnownIds';
import { sandboxHttp } from '../sandbox/helpers/sandboxHttp';

let env: SignedInCore;
let sandbox: SandboxHandle;
let core: Core;
let homeAccountId: string;
let acme: string;
let clment: string;
let portalToken: string;

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/**
 * Another admin's hands in the Entra admin center: Graph calls with their own token (resource owner
 * password grant on the public client the sandbox registers), never through the product.
 */
async function portal(method: string, path: string, body?: unknown): Promise<void> {
  const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers = { authorization: `Bearer ${portalToken}`, 'content-type': 'application/json' };
    const req = request(`${sandbox.info.graph}${path}`, { method, agent: new Agent({ ca: readFileSync(sandbox.info.caFile) }), headers }, (r) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (text += c));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
  expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
}

async function portalGet<T>(path: string): Promise<T> {
  const res = await sandboxHttp(sandbox).get(`${sandbox.info.graph}${path}`, { authorization: `Bearer ${portalToken}` });
  expect(res.status, res.text).toBe(200);
  return res.json<T>();
}

async function setUp(workspaceId: string): Promise<void> {
  await core.services.onboarding.apply(workspaceId, homeAccountId);
  await core.services.onboarding.settled(workspaceId);
  const run = core.services.onboarding.runView(workspaceId);
  expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
}

const backend = () => platformBackends.get(sandbox.runtime)!;
const acmeOrg = () => backend().organisationForToken(sandbox.info.platformTokens.acme)!;
const of = (report: { workspaces: WorkspaceDrift[] }, workspaceId: string) => report.workspaces.find((w) => w.workspaceId === workspaceId)!;
const drifted = (w: WorkspaceDrift) => w.items.filter((i) => i.state === 'drifted');
const item = (w: WorkspaceDrift, key: string): DriftItem => {
  const found = w.items.find((i) => i.key === key);
  if (!found) throw new Error(`no ${key} in ${w.items.map((i) => i.key).join(', ')}`);
  return found;
};

beforeAll(async () => {
  env = await startSignedInCore('eo-drift-');
  ({ sandbox, core } = env);
  homeAccountId = await env.signIn('globalAdmin', ['findExistingApps', 'registerApp', 'grantAdminConsent', 'assignUsers']);
  // A platform on the Platform Onboarding API, set up and pushed: the platform's side can drift too.
  acme = core.services.workspaces.create({ name: 'Contoso – Acme Dispatch', platformId: 'custom', partnerTenant: null }).id;
  await core.services.delivery.connect(acme, sandbox.info.platform, sandbox.info.platformTokens.acme);
  await setUp(acme);
  expect((await core.services.delivery.push(acme)).test.ok).toBe(true);
  // Clment with assignment required: only a member (and the admin) may sign in.
  clment = core.services.workspaces.create({ name: 'Contoso – Clment', platformId: 'clment', partnerTenant: null }).id;
  core.services.onboarding.saveAnswers(clment, { region: 'eu', assignmentRequired: true, principals: sandbox.info.users.find((u) => u.key === 'member')!.username });
  await setUp(clment);
  core.services.workspaces.create({ name: 'Contoso – not set up', platformId: 'clment', partnerTenant: null });

  const ga = sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
  const token = await sandboxHttp(sandbox).postForm(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/token`, {
    grant_type: 'password',
    client_id: graphCommandLineToolsAppId,
    username: ga.username,
    password: ga.password,
    scope: 'https://graph.microsoft.com/.default',
  });
  expect(token.status, token.text).toBe(200);
  portalToken = token.json<{ access_token: string }>().access_token;
}, 240_000);

afterAll(async () => {
  const b = sandbox ? platformBackends.get(sandbox.runtime) : undefined;
  // The last test stops the sandbox itself; closing it twice is not an error worth failing on.
  await env?.close().catch(() => {});
  b?.dispose();
});

describe('drift across every workspace', () => {
  it('finds every set-up workspace in sync, skips the one not set up, and reports progress', async () => {
    const progress: DriftProgress[] = [];
    const stop = core.events.subscribe((name, p) => {
      if (name === 'drift.progress') progress.push(p as DriftProgress);
    });
    const report = await core.services.drift.checkAll();
    stop();
    expect(report.skipped.map((s) => s.workspaceName)).toEqual(['Contoso – not set up']);
    expect(report.workspaces.map((w) => [w.workspaceName, w.state, drifted(w).map((i) => i.key)])).toEqual(
      expect.arrayContaining([
        ['Contoso – Acme Dispatch', 'inSync', []],
        ['Contoso – Clment', 'inSync', []],
      ]),
    );
    const acmeKinds = new Set(of(report, acme).items.map((i) => i.kind));
    expect([...acmeKinds].sort()).toEqual(['adminConsent', 'permission', 'platformConfiguration', 'redirectUri', 'secret', 'servicePrincipal']);
    expect(of(report, clment).items.map((i) => i.kind)).toContain('assignmentRequired');
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['0/2', '1/2', '2/2']);
    expect(progress.at(-1)?.workspace?.workspaceId).toBeDefined();
  }, 120_000);

  it('finds each change made behind its back, repairs each item, and the re-check is clean', async () => {
    const partner = sandbox.info.partnerTenantId;
    const acmeApp = [...sandbox.state.directory(partner).applications.values()].find((a) => a.displayName === 'Acme Dispatch')!;
    const clmentAppId = core.services.onboarding.handover(clment).find((f) => f.key === 'clientId')!.value!;
    const acmeSp = await portalGet<{ id: string }>(`/servicePrincipals(appId='${acmeApp.appId}')?$select=id`);
    const clmentSp = await portalGet<{ id: string }>(`/servicePrincipals(appId='${clmentAppId}')?$select=id`);
    const graphSp = await portalGet<{ id: string }>(`/servicePrincipals(appId='${GRAPH_APP_ID}')?$select=id`);
    const callback = acmeApp.web.redirectUris[0]!;
    const otherWeb = acmeApp.web.redirectUris.slice(1);

    // Someone tidies up in the Entra admin center, and the platform's copy goes stale.
    await portal('PATCH', `/applications/${acmeApp.id}`, { web: { redirectUris: otherWeb } });
    await portal('PATCH', `/servicePrincipals/${acmeSp.id}`, { accountEnabled: false });
    const grants = await portalGet<{ value: { id: string; consentType: string }[] }>(`/oauth2PermissionGrants?$filter=clientId eq '${clmentSp.id}' and resourceId eq '${graphSp.id}'`);
    const grant = grants.value.find((g) => g.consentType === 'AllPrincipals')!;
    await portal('DELETE', `/oauth2PermissionGrants/${grant.id}`);
    const heldKeyId = acmeApp.passwordCredentials[0]!.keyId;
    await portal('POST', `/applications/${acmeApp.id}/removePassword`, { keyId: heldKeyId });
    await portal('PATCH', `/servicePrincipals/${clmentSp.id}`, { appRoleAssignmentRequired: false });
    const stored = backend().store().getConfiguration(acmeOrg().id)!;
    backend().store().saveConfiguration({ ...stored, clientId: '00000000-0000-0000-0000-00000000000a', version: stored.version + 1 });

    const report = await core.services.drift.checkAll();
    const a = of(report, acme);
    const c = of(report, clment);
    expect(a.state).toBe('drifted');
    expect(item(a, `main:redirect:web:${callback}`)).toMatchObject({ state: 'drifted', actual: expect.stringMatching(/^Missing/) });
    expect(item(a, 'main:sp-enabled')).toMatchObject({ state: 'drifted', actual: expect.stringMatching(/^Disabled/) });
    expect(item(a, 'main:secret')).toMatchObject({ state: 'drifted', actual: expect.stringMatching(/^Removed from the app registration in Entra/) });
    expect(item(a, 'platform:client-id')).toMatchObject({ state: 'drifted', expected: acmeApp.appId, actual: '00000000-0000-0000-0000-00000000000a' });
    const lostScopes = drifted(c).filter((i) => i.kind === 'adminConsent');
    expect(lostScopes.length).toBeGreaterThan(0);
    expect(lostScopes.every((i) => i.actual === 'Not granted (the grant was revoked or removed)')).toBe(true);
    expect(item(c, 'main:assignment-required')).toMatchObject({ state: 'drifted', actual: 'Not required: anyone in your tenant can sign in' });
    // Each drifted item says what Repair will do.
    expect([...drifted(a), ...drifted(c)].every((i) => typeof i.repair === 'string' && i.repair.length > 0)).toBe(true);

    // Repair each, one item at a time: each comes back in sync when re-read.
    let lastRepair: WorkspaceDrift | undefined;
    for (const key of [`main:redirect:web:${callback}`, 'main:sp-enabled', 'main:secret']) {
      const { item: after, workspace } = await core.services.drift.repair(acme, key);
      expect(after, key).toMatchObject({ key, state: 'inSync' });
      lastRepair = workspace;
    }
    expect(acmeApp.web.redirectUris).toEqual(expect.arrayContaining([callback, ...otherWeb]));
    expect(sandbox.state.directory(partner).findServicePrincipalByAppId(acmeApp.appId)?.accountEnabled).toBe(true);
    expect(acmeApp.passwordCredentials.map((p) => p.keyId)).not.toContain(heldKeyId);
    expect(acmeApp.passwordCredentials).toHaveLength(1);
    // The new secret is not on the platform yet: its secret version is drift now, shown with the repair.
    expect(item(lastRepair!, 'platform:client-secret')).toMatchObject({ state: 'drifted', expected: `secret ${acmeApp.passwordCredentials[0]!.hint}…` });
    const platformAfterSecret = (await core.services.drift.repair(acme, 'platform:client-id')).workspace;
    expect(drifted(platformAfterSecret).filter((i) => i.kind === 'platformConfiguration')).toEqual([]);
    expect(backend().store().getConfiguration(acmeOrg().id)?.clientId).toBe(acmeApp.appId);

    for (const lost of lostScopes) expect((await core.services.drift.repair(clment, lost.key)).item?.state).toBe('inSync');
    expect((await core.services.drift.repair(clment, 'main:assignment-required')).item?.state).toBe('inSync');

    const again = await core.services.drift.checkAll();
    for (const w of again.workspaces) expect(drifted(w).map((i) => i.key), w.workspaceName).toEqual([]);
    expect(again.workspaces.every((w) => w.state === 'inSync')).toBe(true);
  }, 180_000);

  it('one workspace that cannot be checked does not stop the others', async () => {
    // Clment's setup now says it ran in another partner tenant, one nobody is signed in to.
    const db = openDatabase(join(env.dataDir, 'entra-onboard.sqlite'));
    const row = db.prepare('SELECT id, plan_json FROM runs WHERE workspace_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').get(clment) as { id: string; plan_json: string };
    const other = { ...JSON.parse(row.plan_json), partnerTenantId: '6d0a1c2b-0000-4000-8000-00000000abcd', homeAccountId: 'someone-else' };
    db.prepare('UPDATE runs SET plan_json = ? WHERE id = ?').run(JSON.stringify(other), row.id);
    try {
      const report = await core.services.drift.checkAll();
      expect(of(report, clment)).toMatchObject({ state: 'notChecked', items: [], problem: { code: 'sign_in_required', message: expect.stringContaining('6d0a1c2b-0000-4000-8000-00000000abcd') } });
      expect(of(report, acme).state).toBe('inSync');
      expect(of(report, acme).items.length).toBeGreaterThan(5);
    } finally {
      db.prepare('UPDATE runs SET plan_json = ? WHERE id = ?').run(row.plan_json, row.id);
      db.close();
    }
  }, 120_000);

  it('a workspace whose partner tenant is not signed in is "could not check", and the others are still checked', async () => {
    await core.services.auth.signOut(homeAccountId);
    try {
      const report = await core.services.drift.checkAll();
      for (const w of report.workspaces) {
        expect(w.state).toBe('notChecked');
        expect(w.problem).toMatchObject({ code: 'sign_in_required', message: expect.stringMatching(/Not signed in to this workspace’s partner tenant/), fix: expect.stringMatching(/sign in/) });
      }
      expect(report.workspaces).toHaveLength(2);
      await expect(core.services.drift.repair(acme, 'main:secret')).rejects.toMatchObject({ code: 'sign_in_required' });
    } finally {
      homeAccountId = await env.signIn('globalAdmin', []);
    }
  }, 120_000);

  it('with the cloud unreachable (sandbox stopped), each part says it could not check, why, and what to do', async () => {
    await sandbox.close();
    const report = await core.services.drift.checkAll();
    const a = of(report, acme);
    expect(a.state).toBe('notChecked');
    expect(a.items.length).toBeGreaterThan(0);
    for (const i of a.items) {
      expect(i.state, i.key).toBe('notChecked');
      expect(i.problem?.fix, i.key).toBeTruthy();
      // Microsoft's side names the host and the cause code (a kept-alive connection may be dropped rather than refused); the platform's side is delivery's own words.
      if (i.kind !== 'platformConfiguration') {
        expect(i.problem?.message, i.key).toMatch(/Can't reach Microsoft \(127\.0\.0\.1:\d+\): .*\((ECONNREFUSED|UND_ERR_SOCKET|ECONNRESET)\)\.$/);
        expect(i.problem?.fix, i.key).toMatch(/network or VPN/);
      } else {
        expect(i.problem?.message, i.key).toMatch(/could not be reached/);
      }
    }
  }, 120_000);
});
