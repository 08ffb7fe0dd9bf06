import { describe, expect, it } from 'vitest';
import { ManagedObjectRepository } from '../../../src/main/core/onboarding/managed-object-repository';
import { openDatabase } from '../../../src/main/core/store/open-database';

function withWorkspace() {
  const db = openDatabase(':memory:');
  db.prepare("INSERT INTO workspaces (id, name, name_key, platform_id, created_at, updated_at) VALUES ('w1', 'A', 'a', 'sonicsaas', 'x', 'x')").run();
  return { db, objects: new ManagedObjectRepository(db) };
}

describe('managed objects (migration 0003)', () => {
  it('remember an object ID per workspace, kind and key', () => {
    const { db, objects } = withWorkspace();
    objects.put('w1', { kind: 'group', key: 'admin', objectId: 'g-1' }, '2026-01-01T00:00:00.000Z');
    objects.put('w1', { kind: 'conditionalAccessPolicy', key: 'admin', objectId: 'p-1' }, '2026-01-01T00:00:00.000Z');
    expect(objects.get('w1', 'group', 'admin')).toEqual({ kind: 'group', key: 'admin', objectId: 'g-1', updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(objects.get('w1', 'conditionalAccessPolicy', 'admin')?.objectId).toBe('p-1');
    expect(objects.get('w1', 'group', 'viewer')).toBeUndefined();
    db.close();
  });

  it('keep the first time for an unchanged ID (replication waits count from the create), and replace a changed one', () => {
    const { db, objects } = withWorkspace();
    objects.put('w1', { kind: 'group', key: 'admin', objectId: 'g-1' }, '2026-01-01T00:00:00.000Z');
    objects.put('w1', { kind: 'group', key: 'admin', objectId: 'g-1' }, '2026-02-01T00:00:00.000Z');
    expect(objects.get('w1', 'group', 'admin')?.updatedAt).toBe('2026-01-01T00:00:00.000Z');
    objects.put('w1', { kind: 'group', key: 'admin', objectId: 'g-2' }, '2026-03-01T00:00:00.000Z');
    expect(objects.get('w1', 'group', 'admin')).toMatchObject({ objectId: 'g-2', updatedAt: '2026-03-01T00:00:00.000Z' });
    db.close();
  });

  it('go with their workspace, and belong to an existing one', () => {
    const { db, objects } = withWorkspace();
    objects.put('w1', { kind: 'group', key: 'admin', objectId: 'g-1' }, '2026-01-01T00:00:00.000Z');
    expect(() => objects.put('nope', { kind: 'group', key: 'admin', objectId: 'g-1' }, 'x')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM workspaces WHERE id = 'w1'").run();
    expect(objects.get('w1', 'group', 'admin')).toBeUndefined();
    db.close();
  });
});
