import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/create-core';
import { ChecklistRepository } from '../../../src/main/core/onboarding/checklist-repository';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { createDispatch } from '../../../src/main/rpc/dispatch';
import { createHandlerTable } from '../../../src/main/rpc/handler-table';
import { startTestCore } from '../../helpers/start-test-core';
import { makeTempDir } from '../../helpers/temp-dir';

describe('checklist ticks (migration 0005)', () => {
  function withWorkspace() {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO workspaces (id, name, name_key, platform_id, created_at, updated_at) VALUES ('w1', 'A', 'a', 'bvoip-phone-systems', 'x', 'x')").run();
    return { db, ticks: new ChecklistRepository(db) };
  }

  it('are kept per workspace, ticked once, and gone when unticked', () => {
    const { db, ticks } = withWorkspace();
    ticks.setTicked('w1', 'sync', true, '2026-01-01T00:00:00.000Z');
    ticks.setTicked('w1', 'sync', true, '2026-02-01T00:00:00.000Z');
    ticks.setTicked('w1', 'activateIntegration', true, '2026-01-01T00:00:00.000Z');
    expect(ticks.ticked('w1')).toEqual(['activateIntegration', 'sync']);
    expect(db.prepare("SELECT ticked_at FROM checklist_ticks WHERE item_key = 'sync'").pluck().get()).toBe('2026-01-01T00:00:00.000Z');
    ticks.setTicked('w1', 'sync', false, 'x');
    ticks.setTicked('w1', 'never-ticked', false, 'x');
    expect(ticks.ticked('w1')).toEqual(['activateIntegration']);
    db.close();
  });

  it('belong to an existing workspace and go with it', () => {
    const { db, ticks } = withWorkspace();
    expect(() => ticks.setTicked('nope', 'sync', true, 'x')).toThrow(/FOREIGN KEY/);
    ticks.setTicked('w1', 'sync', true, 'x');
    db.prepare("DELETE FROM workspaces WHERE id = 'w1'").run();
    expect(ticks.ticked('w1')).toEqual([]);
    db.close();
  });

  it('live in a STRICT table', () => {
    const { db } = withWorkspace();
    expect(() =>
      db.prepare('INSERT INTO checklist_ticks (workspace_id, item_key, ticked_at) VALUES (?, ?, ?)').run('w1', 'k', Buffer.from('not text')),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
  });
});

describe('the checklist channels, through the handler table', () => {
  const dirs: Array<{ remove(): void }> = [];
  const cores: Core[] = [];
  afterEach(() => {
    cores.splice(0).forEach((c) => c.close());
    dirs.splice(0).forEach((d) => d.remove());
  });

  function start(dataDir: string) {
    const core = startTestCore(dataDir);
    cores.push(core);
    const dispatch = createDispatch(createHandlerTable(core.services));
    return { core, call: (channel: string, input: unknown) => dispatch(channel, input, { host: 'web' }) };
  }

  const nested = { purpose: 'resale', domainModel: 'perCustomer', structure: 'nested', phoneSystemName: 'Acme Dental', portalRedirectUris: '' };

  it('list the phone system’s steps from its answers, tick and untick them, and keep the ticks across a restart', async () => {
    const dir = makeTempDir('eo-checklist-');
    dirs.push(dir);
    const first = start(dir.path);
    const ws = first.core.services.workspaces.create({ name: 'Acme – phone system', platformId: 'bvoip-phone-systems', partnerTenant: null });
    expect(await first.call('onboarding.saveAnswers', { workspaceId: ws.id, answers: nested })).toMatchObject({ ok: true, value: { valid: true } });

    const listed = await first.call('onboarding.checklist', { workspaceId: ws.id });
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const items = listed.value as { items: { key: string; text: string; done: boolean }[] };
    expect(items.items.map((i) => i.key)).toEqual(['openCustomer', 'customerSubdomain', 'customerMtpAccount', 'activateIntegration', 'sync', 'checkSynced']);
    expect(items.items.every((i) => !i.done)).toBe(true);

    await first.call('onboarding.tickChecklist', { workspaceId: ws.id, itemKey: 'openCustomer', done: true });
    await first.call('onboarding.tickChecklist', { workspaceId: ws.id, itemKey: 'sync', done: true });
    const unticked = await first.call('onboarding.tickChecklist', { workspaceId: ws.id, itemKey: 'openCustomer', done: false });
    expect(unticked).toMatchObject({ ok: true });
    if (!unticked.ok) return;
    const doneKeys = (v: unknown) => (v as { items: { key: string; done: boolean }[] }).items.filter((i) => i.done).map((i) => i.key);
    expect(doneKeys(unticked.value)).toEqual(['sync']);

    first.core.close();
    cores.splice(cores.indexOf(first.core), 1);
    const second = start(dir.path);
    const again = await second.call('onboarding.checklist', { workspaceId: ws.id });
    expect(again.ok && doneKeys(again.value)).toEqual(['sync']);
  });

  it('follow the answers: another path lists its own steps, and a tick of a step not on it is refused', async () => {
    const dir = makeTempDir('eo-checklist-');
    dirs.push(dir);
    const { core, call } = start(dir.path);
    const ws = core.services.workspaces.create({ name: 'Contoso – own phones', platformId: 'bvoip-phone-systems', partnerTenant: null });
    core.services.onboarding.saveAnswers(ws.id, { ...nested, purpose: 'internal' });
    const listed = await call('onboarding.checklist', { workspaceId: ws.id });
    expect(listed.ok && (listed.value as { items: { key: string }[] }).items.map((i) => i.key)).toEqual([
      'partnerSubdomain',
      'partnerMtpAccount',
      'activateIntegration',
      'sync',
      'checkSynced',
    ]);
    expect(await call('onboarding.tickChecklist', { workspaceId: ws.id, itemKey: 'openCustomer', done: true })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', message: 'That step is not on this workspace’s checklist.' },
    });
    expect(await call('onboarding.tickChecklist', { workspaceId: ws.id, itemKey: '', done: true })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await call('onboarding.tickChecklist', { workspaceId: ws.id, itemKey: 'sync' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('say why when the answers are at the guide’s dead end', async () => {
    const dir = makeTempDir('eo-checklist-');
    dirs.push(dir);
    const { core, call } = start(dir.path);
    const ws = core.services.workspaces.create({ name: 'Flat partner', platformId: 'bvoip-phone-systems', partnerTenant: null });
    const saved = await call('onboarding.saveAnswers', { workspaceId: ws.id, answers: { ...nested, structure: 'flat' } });
    expect(saved).toMatchObject({ ok: true, value: { valid: false, issues: [{ path: 'structure', message: expect.stringMatching(/nested structure/) }] } });
    expect(await call('onboarding.checklist', { workspaceId: ws.id })).toMatchObject({
      ok: false,
      error: { code: 'wizard_answers_invalid', message: expect.stringMatching(/support ticket/) },
    });
  });

  it('are empty for a platform without a checklist, and refuse an unknown workspace', async () => {
    const dir = makeTempDir('eo-checklist-');
    dirs.push(dir);
    const { core, call } = start(dir.path);
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment', platformId: 'clment', partnerTenant: null });
    expect(await call('onboarding.checklist', { workspaceId: ws.id })).toEqual({ ok: true, value: { items: [] } });
    const custom = core.services.workspaces.create({ name: 'Contoso – other', platformId: 'custom', partnerTenant: null });
    expect(await call('onboarding.checklist', { workspaceId: custom.id })).toEqual({ ok: true, value: { items: [] } });
    expect(await call('onboarding.checklist', { workspaceId: 'nope' })).toMatchObject({ ok: false, error: { code: 'workspace_not_found' } });
  });
});
