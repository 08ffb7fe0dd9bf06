import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/create-core';
import { uniqueNameFor } from '../../../src/main/core/onboarding/desired-app';
import type { SandboxHandle } from '../../sandbox/startSandbox';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';

let env: SignedInCore;
let sandbox: SandboxHandle;
let core: Core;
let homeAccountId: string;

beforeAll(async () => {
  env = await startSignedInCore('eo-secret-vault-');
  ({ sandbox, core } = env);
  homeAccountId = await env.signIn('globalAdmin', ['findExistingApps', 'registerApp', 'grantAdminConsent']);
});
afterAll(() => env?.close());

/** The vault file's references (kept in clear; only the values are encrypted) for one workspace. */
function vaultRefs(workspaceId: string): string[] {
  const file = JSON.parse(readFileSync(join(env.dataDir, 'vault.json'), 'utf8')) as { entries: Record<string, string> };
  return Object.keys(file.entries).filter((ref) => ref.startsWith(`workspace:${workspaceId}:`));
}

const partner = () => sandbox.state.directory(sandbox.info.partnerTenantId);
const appOf = (workspaceId: string) => [...partner().applications.values()].find((a) => a.uniqueName === uniqueNameFor(workspaceId, 'main'))!;

async function applyAndWait(workspaceId: string) {
  await core.services.onboarding.apply(workspaceId, homeAccountId);
  await core.services.onboarding.settled(workspaceId);
  const run = core.services.onboarding.runView(workspaceId);
  expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
}

describe('client secrets leave the vault when they are of no more use', () => {
  it('removed in Entra, replaced, or their workspace deleted: counted in the vault', async () => {
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment secrets', platformId: 'clment', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { region: 'eu' });
    expect(vaultRefs(ws.id)).toHaveLength(0);
    await applyAndWait(ws.id);
    const [first] = vaultRefs(ws.id);
    expect(vaultRefs(ws.id)).toHaveLength(1);
    expect(first).toContain(appOf(ws.id).passwordCredentials[0]!.keyId);

    // Removed in the Entra admin center: the next look at the app forgets it; the run makes a new one.
    appOf(ws.id).passwordCredentials = [];
    const preview = await core.services.onboarding.preview(ws.id, homeAccountId);
    expect(preview.find((p) => p.stepId === 'main:secret')?.action).toBe('create');
    expect(vaultRefs(ws.id)).toHaveLength(0);
    await applyAndWait(ws.id);
    const [second] = vaultRefs(ws.id);
    expect(vaultRefs(ws.id)).toHaveLength(1);
    expect(second).not.toBe(first);

    // Replaced: the secret we hold is about to expire, so the run creates another; the old value goes.
    const db = new Database(join(env.dataDir, 'entra-onboard.sqlite'));
    db.prepare('UPDATE app_secrets SET end_date_time = ? WHERE workspace_id = ?').run(new Date(Date.now() + 5 * 86_400_000).toISOString(), ws.id);
    db.close();
    await applyAndWait(ws.id);
    expect(appOf(ws.id).passwordCredentials).toHaveLength(2); // the old one stays on the app until it expires
    const [third] = vaultRefs(ws.id);
    expect(vaultRefs(ws.id)).toHaveLength(1);
    expect(third).not.toBe(second);

    // Deleted workspace: nothing of it is left in the vault.
    const other = core.services.workspaces.create({ name: 'Contoso – untouched', platformId: 'clment', partnerTenant: null });
    core.services.onboarding.saveAnswers(other.id, { region: 'eu' });
    await applyAndWait(other.id);
    await core.services.workspaces.delete(ws.id);
    expect(vaultRefs(ws.id)).toHaveLength(0);
    expect(vaultRefs(other.id)).toHaveLength(1);
  }, 120_000);
});
