import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../src/shared/domain/activity';
import { DATABASE_FILE, type Core } from '../../../src/main/core/create-core';
import { uniqueNameFor } from '../../../src/main/core/onboarding/desired-app';
import { createDispatch } from '../../../src/main/rpc/dispatch';
import { createHandlerTable } from '../../../src/main/rpc/handler-table';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';

let env: SignedInCore;
let core: Core;
let homeAccountId: string;

beforeAll(async () => {
  env = await startSignedInCore('eo-activity-');
  core = env.core;
  homeAccountId = await env.signIn('globalAdmin', ['findExistingApps', 'registerApp', 'grantAdminConsent']);
}, 120_000);

afterAll(() => env?.close());

const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await createDispatch(createHandlerTable(core.services))(channel, input, { host: 'web' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

describe('the activity log of a real setup against the sandbox', () => {
  it('has every write with the signed-in account and both correlation IDs, never the secret, and verify names an edited entry', async () => {
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment log', platformId: 'clment', partnerTenant: null });
    expect(core.services.onboarding.saveAnswers(ws.id, { region: 'eu' })).toEqual({ valid: true, issues: [] });
    await core.services.onboarding.preview(ws.id, homeAccountId);
    await core.services.onboarding.apply(ws.id, homeAccountId);
    await core.services.onboarding.settled(ws.id);
    expect(core.services.onboarding.runView(ws.id)?.status).toBe('succeeded');
    // Through the handler table, as the admin's Reveal does: logged as an event of this workspace.
    const { value: secret } = await call<{ value: string }>('onboarding.revealSecret', { workspaceId: ws.id, role: 'main' });
    expect(secret.length).toBeGreaterThan(20);

    const listed = await call<{ total: number; entries: ActivityEntry[] }>('activity.list', { workspaceId: ws.id, limit: 500 });
    const entries = listed.entries.slice().reverse();
    const admin = env.sandbox.info.users.find((u) => u.key === 'globalAdmin')!;
    const partner = env.sandbox.state.directory(env.sandbox.info.partnerTenantId);
    const app = [...partner.applications.values()].find((a) => a.uniqueName === uniqueNameFor(ws.id, 'main'))!;
    const graphWrites = entries.filter((e) => e.service === 'graph');
    // What a Clment setup writes: the app (upsert by uniqueName), its secret, its service principal, consent.
    expect(graphWrites.map((e) => e.what)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Create or update app registration/),
        `Add client secret to app ${app.id}`,
        expect.stringMatching(/^Create service principal \(enterprise app\) for app /),
        expect.stringMatching(/^Grant admin consent to delegated permissions/),
      ]),
    );
    for (const e of graphWrites) {
      expect(e).toMatchObject({
        workspaceId: ws.id,
        workspaceName: 'Contoso – Clment log',
        operation: 'onboarding.run',
        who: admin.username,
        whoObjectId: partner.findUserByUpn(admin.username)!.id,
        whoTenantId: env.sandbox.info.partnerTenantId,
      });
      expect(e.clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.requestId).toBeTruthy();
      // A write Microsoft refused while replicating (the new service principal not yet everywhere) is
      // logged as it happened, with its error code, and the retry that succeeded comes after it.
      if (e.result === 'failed') {
        expect(e.status).toBeGreaterThanOrEqual(400);
        expect(e.errorCode).toBeTruthy();
      }
    }
    const last = new Map(graphWrites.map((e) => [`${e.method} ${e.target}`, e]));
    for (const e of last.values()) expect(e.result, e.what).toBe('succeeded');
    // The secret the log names is the one Entra holds, by its key ID, not its value.
    const added = graphWrites.find((e) => e.what.startsWith('Add client secret'))!;
    expect(app.passwordCredentials.map((c) => c.keyId)).toContain(added.detail['answer.keyId']);
    expect(entries.map((e) => e.target)).toEqual(expect.arrayContaining(['onboarding.apply', 'onboarding.finished', 'secret.revealed']));
    expect(entries.find((e) => e.target === 'secret.revealed')).toMatchObject({ operation: 'onboarding.revealSecret', service: 'console' });

    // The whole table, every column, holds no trace of the secret.
    const file = join(env.dataDir, DATABASE_FILE);
    const raw = new BetterSqlite3(file);
    try {
      const tableText = JSON.stringify(raw.prepare('SELECT * FROM activity_log').all());
      expect(tableText).toContain(added.clientRequestId!);
      expect(tableText).not.toContain(secret);

      expect(await call('activity.verify', {})).toEqual({ intact: true, entries: listed.total });

      // Done when: a test edits one activity-log row in SQLite and verification names that entry.
      const victim = added.id;
      raw.prepare("UPDATE activity_log SET what = 'Nothing changed here' WHERE id = ?").run(victim);
    } finally {
      raw.close();
    }
    expect(await call('activity.verify', {})).toEqual({
      intact: false,
      entries: expect.any(Number),
      broken: { id: added.id, at: added.at, what: 'Nothing changed here', reason: 'changed' },
    });
  }, 180_000);
});
