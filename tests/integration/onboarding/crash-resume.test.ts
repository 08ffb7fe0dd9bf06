import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import { createCloudFetch } from '../../../src/main/core/net/cloud-fetch';
import { uniqueNameFor } from '../../../src/main/core/onboarding/desired-app';
import type { RunView } from '../../../src/shared/domain/onboarding';
import type { PlatformId } from '../../../src/shared/domain/platforms';
import { startWebHostProcess } from '../../e2e/fixtures/web-host-process';
import { connectHostRpc } from '../../helpers/host-rpc';
import { buildWebHostBundle } from '../../helpers/web-host-bundle';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';
import { startTestCore } from '../../helpers/start-test-core';
import type { SandboxRequestEvent } from '../../sandbox/http/SandboxRequestLog';

/**
 * Crash and resume, the way a crash happens: the web host process is killed from outside with SIGKILL
 * at seeded random moments (while a Graph write is in flight, after Graph has written but before the
 * host heard of it, or at a random time), then started again on the same data until the run is done.
 * The end state, read through the sandbox's control API, must hold no second app, service principal,
 * grant, app role assignment or secret. CRASH_SEED=<n> replays a failing sequence.
 */
const seed = Number(process.env['CRASH_SEED'] ?? 20261201);
const minimumKills = 20;

/** mulberry32: small, seedable, good enough to pick kill moments. */
function seededRandom(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Trigger =
  | { kind: 'received' | 'answered'; nth: number; path?: RegExp }
  | { kind: 'time'; ms: number };

const isGraphWrite = (e: SandboxRequestEvent) => e.path.startsWith('/graph/') && e.method !== 'GET';

let env: SignedInCore;
let homeAccountId: string;
let rendererDir: string;
let hostEntry: string[];
const workspaces: { id: string; platform: PlatformId; roles: ('main' | 'partnerCenter')[] }[] = [];
const controlFetch = () => createCloudFetch(sandboxCloud(env.sandbox.info));

beforeAll(async () => {
  hostEntry = buildWebHostBundle();
  // Graph answers after a delay, so a kill lands while requests are in flight; new apps and secrets replicate.
  env = await startSignedInCore('eo-crash-', {
    settings: {
      faults: { graph: { latency: { kind: 'uniform', minMs: 10, maxMs: 100 } } },
      replication: { applicationDelayMs: 300, secretDelayMs: 300 },
    },
  });
  homeAccountId = await env.signIn('globalAdmin', ['findExistingApps', 'registerApp', 'grantAdminConsent']);
  const { workspaces: ws, onboarding } = env.core.services;
  const add = (name: string, platform: PlatformId, answers: Record<string, unknown>, roles: ('main' | 'partnerCenter')[]) => {
    const id = ws.create({ name, platformId: platform, partnerTenant: null }).id;
    expect(onboarding.saveAnswers(id, answers).valid).toBe(true);
    workspaces.push({ id, platform, roles });
  };
  add('Contoso – Clment', 'clment', { region: 'eu' }, ['main']);
  const clientOne = { redirectUri: 'https://panel.contosomsp.example/auth-clientone-sso-callback', partnerCenterApp: true };
  add('Contoso – ClientOne', 'clientone', clientOne, ['main', 'partnerCenter']);
  add('Contoso – bvoip', 'bvoip-partner-portal', { portalRedirectUris: 'https://mtp.bvoip.net/users\nhttps://contoso.bvoip.net/users' }, ['main']);
  add('Contoso – ClientOne (2)', 'clientone', clientOne, ['main', 'partnerCenter']);
  add('Contoso – Clment (2)', 'clment', { region: 'us' }, ['main']);
  // Spares: how many kills a workspace's run takes before it finishes depends on timing (a "received" trigger
  // for a third write never fires in a resumed run with two left), so the random test may need more runs than
  // four to reach its kills on a slow machine. An unused spare costs a row in the store.
  add('Contoso – bvoip (2)', 'bvoip-partner-portal', { portalRedirectUris: 'https://mtp.bvoip.net/users' }, ['main']);
  add('Contoso – ClientOne (3)', 'clientone', clientOne, ['main', 'partnerCenter']);
  add('Contoso – Clment (3)', 'clment', { region: 'eu' }, ['main']);
  add('Contoso – bvoip (3)', 'bvoip-partner-portal', { portalRedirectUris: 'https://contoso.bvoip.net/users' }, ['main']);
  // From here on only host processes touch the data folder.
  env.core.close();
  rendererDir = join(env.dataDir, '..', 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>not used: this test speaks the contract</title>');
}, 120_000);

afterAll(async () => {
  await env?.close();
  if (hostEntry) rmSync(join(hostEntry[0]!, '..', '..', '..', '..'), { recursive: true, force: true });
});

/**
 * One life of the host: start it on the data folder, apply or resume the workspace's run, and kill it
 * when the trigger fires. Returns the step that was running when it died, or null if the run ended.
 */
async function life(workspaceId: string, trigger: Trigger | null, events: string[]): Promise<{ killed: boolean; run: RunView | null }> {
  const host = await startWebHostProcess(env.dataDir, ['--renderer-dir', rendererDir], { ENTRA_ONBOARD_SANDBOX: JSON.stringify(env.sandbox.info) }, hostEntry);
  const rpc = await connectHostRpc(host.url);
  let killed = false;
  const kill = (why: string) => {
    if (killed) return;
    killed = true;
    events.push(why);
    host.process.kill('SIGKILL');
  };
  let seen = 0;
  const stopListening = env.sandbox.requests.listen((e) => {
    if (!trigger || trigger.kind === 'time' || e.phase !== trigger.kind || !isGraphWrite(e)) return;
    if (trigger.path && !trigger.path.test(e.path)) return;
    // Runs synchronously: for "answered", Graph has written and its answer has not left yet.
    if (++seen === trigger.nth) kill(`${e.phase} ${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, '{id}')}`);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const before = await rpc.call<RunView | null>('onboarding.run', { workspaceId });
    if (trigger?.kind === 'time') timer = setTimeout(() => kill(`after ${trigger.ms} ms`), trigger.ms);
    if (before?.status === 'running') await rpc.call('onboarding.resume', { workspaceId });
    else if (before?.status !== 'succeeded') await rpc.call('onboarding.apply', { workspaceId, homeAccountId, adopt: {} });
    for (;;) {
      const run = await rpc.call<RunView | null>('onboarding.run', { workspaceId });
      if (run && run.status !== 'running') return { killed, run };
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    if (!killed) throw error;
    return { killed, run: null };
  } finally {
    clearTimeout(timer);
    stopListening();
    rpc.close();
    if (killed) await host.exited;
    else await host.stop();
  }
}

/** The partner tenant as the sandbox's control API reports it. */
async function partnerTenant() {
  const response = await controlFetch()(`${env.sandbox.info.control}/tenants/${env.sandbox.info.partnerTenantId}`, {
    headers: { Authorization: `Bearer ${env.sandbox.info.controlToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    applications: { id: string; appId: string; uniqueName: string | null; passwordCredentials: { keyId: string; displayName: string | null; hint: string }[] }[];
    servicePrincipals: { id: string; appId: string }[];
    oauth2PermissionGrants: { clientId: string; resourceId: string; consentType: string; principalId: string | null }[];
    appRoleAssignments: { principalId: string; resourceId: string; appRoleId: string }[];
  };
}

async function runUntilDone(workspaceId: string, events: string[]): Promise<RunView> {
  for (let lives = 0; lives < 5; lives++) {
    const { run } = await life(workspaceId, null, events);
    if (run) return run;
  }
  throw new Error('The run did not finish in five lives without a kill');
}

describe('the host killed with SIGKILL and started again', () => {
  it('removes a client secret Microsoft created whose value died with the process', async () => {
    const ws = workspaces[0]!;
    const events: string[] = [];
    // Killed after Graph created the secret and before its answer (the only copy of the value) left.
    const first = await life(ws.id, { kind: 'answered', nth: 1, path: /\/addPassword$/ }, events);
    expect(first.killed, events.join('\n')).toBe(true);
    const orphan = (await partnerTenant()).applications.find((a) => a.uniqueName === uniqueNameFor(ws.id, 'main'))!.passwordCredentials;
    expect(orphan).toHaveLength(1);

    const removed: string[] = [];
    const stop = env.sandbox.requests.listen((e) => e.phase === 'answered' && e.path.endsWith('/removePassword') && removed.push(e.path));
    const run = await runUntilDone(ws.id, events);
    stop();
    expect(run.status, JSON.stringify(run.steps)).toBe('succeeded');
    expect(removed).toHaveLength(1);
    const app = (await partnerTenant()).applications.find((a) => a.uniqueName === uniqueNameFor(ws.id, 'main'))!;
    expect(app.passwordCredentials).toHaveLength(1);
    expect(app.passwordCredentials[0]!.keyId).not.toBe(orphan[0]!.keyId);
    await expectSecretHeld(ws.id, 'main', app.passwordCredentials[0]!.hint);
  }, 180_000);

  it(`resumes after at least ${minimumKills} kills at random moments (seed ${seed}) with no duplicate anywhere`, async () => {
    const random = seededRandom(seed);
    const pick = (): Trigger => {
      const r = random();
      if (r < 0.4) return { kind: 'received', nth: 1 + Math.floor(random() * 3) };
      if (r < 0.8) return { kind: 'answered', nth: 1 + Math.floor(random() * 3) };
      return { kind: 'time', ms: 200 + Math.floor(random() * 2500) };
    };
    const events: string[] = [];
    const interruptedSteps = new Set<string>();
    let kills = 0;
    const done: typeof workspaces = [];
    for (const ws of workspaces.slice(1)) {
      if (kills >= minimumKills) break;
      for (let lives = 0; ; lives++) {
        expect(lives, `seed ${seed}: ${ws.platform} never finished\n${events.join('\n')}`).toBeLessThan(40);
        const { killed, run } = await life(ws.id, kills < minimumKills ? pick() : null, events);
        if (killed) {
          kills++;
          continue;
        }
        expect(run?.status, `seed ${seed}: ${JSON.stringify(run?.steps)}\n${events.join('\n')}`).toBe('succeeded');
        for (const step of run!.steps) if (step.attempts > 1) interruptedSteps.add(step.stepId.replace(/^(main|partnerCenter):/, ''));
        break;
      }
      done.push(ws);
    }
    expect(kills, events.join('\n')).toBeGreaterThanOrEqual(minimumKills);
    // The kills landed across the steps, not all in one.
    expect([...interruptedSteps].length, [...interruptedSteps].join(', ')).toBeGreaterThanOrEqual(4);

    const tenant = await partnerTenant();
    const noDuplicates = <T>(items: T[], key: (item: T) => string, what: string) => {
      const keys = items.map(key);
      expect(keys.length, `${what}: ${keys.join(', ')}`).toBe(new Set(keys).size);
    };
    noDuplicates(tenant.servicePrincipals, (sp) => sp.appId, 'service principals per app');
    noDuplicates(tenant.oauth2PermissionGrants, (g) => `${g.clientId}|${g.resourceId}|${g.consentType}|${g.principalId}`, 'grants');
    noDuplicates(tenant.appRoleAssignments, (a) => `${a.principalId}|${a.resourceId}|${a.appRoleId}`, 'app role assignments');
    for (const ws of done) {
      for (const role of ws.roles) {
        const apps = tenant.applications.filter((a) => a.uniqueName === uniqueNameFor(ws.id, role));
        expect(apps, `${ws.platform} ${role}: one app`).toHaveLength(1);
        const app = apps[0]!;
        expect(tenant.servicePrincipals.filter((sp) => sp.appId === app.appId), `${ws.platform} ${role}: one service principal`).toHaveLength(1);
        expect(app.passwordCredentials, `${ws.platform} ${role}: one secret`).toHaveLength(1);
        await expectSecretHeld(ws.id, role, app.passwordCredentials[0]!.hint);
      }
    }
  }, 300_000);
});

/** The one secret on the app is the one the vault holds (its value starts with the hint Graph shows). */
async function expectSecretHeld(workspaceId: string, role: 'main' | 'partnerCenter', hint: string): Promise<void> {
  const core = startTestCore(env.dataDir);
  try {
    const { value } = await core.services.onboarding.revealSecret(workspaceId, role);
    expect(value.slice(0, hint.length)).toBe(hint);
  } finally {
    core.close();
  }
}
