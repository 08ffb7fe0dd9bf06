import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopNotice } from '../../../src/main/core/secrets/notification-decisions';
import type { SecretRotation } from '../../../src/main/core/secrets/secret-rotation';
import { SecretService } from '../../../src/main/core/secrets/secret-service';
import { openDatabase } from '../../../src/main/core/store/open-database';
import type { Vault } from '../../../src/main/core/vault/vault';
import { makeTempDir } from '../../helpers/temp-dir';

const dirs: ReturnType<typeof makeTempDir>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const vault: Vault = {
  protection: 'test',
  put: async () => {},
  get: async () => undefined,
  delete: async () => {},
  refs: async () => ['workspace:ws-1:app:main:secret:key-1'],
};

/** A data folder with one workspace holding one secret that ends on 1 March 2027. */
function dataFolder() {
  const dir = makeTempDir('eo-secret-notices-');
  dirs.push(dir);
  const file = join(dir.path, 'app.sqlite');
  const db = openDatabase(file);
  db.prepare("INSERT INTO workspaces (id, name, name_key, platform_id, partner_tenant, created_at, updated_at) VALUES ('ws-1', 'Contoso – Clment', 'contoso – clment', 'clment', NULL, 'x', 'x')").run();
  db.prepare(
    "INSERT INTO app_secrets (workspace_id, role, key_id, hint, start_date_time, end_date_time, vault_ref, created_at) VALUES ('ws-1', 'main', 'key-1', 'Q8~', '2025-03-01T00:00:00Z', '2027-03-01T00:00:00Z', 'workspace:ws-1:app:main:secret:key-1', 'x')",
  ).run();
  db.close();
  return file;
}

function service(file: string, now: Date) {
  const db = openDatabase(file);
  const s = new SecretService({ db, vault, rotation: {} as SecretRotation, graph: () => { throw new Error('no Graph here'); }, choosePath: async () => undefined, now: () => now });
  return { s, close: () => db.close() };
}

describe('desktop notices for expiring secrets', () => {
  it('are shown once per band, remembered across restarts, and again when the secret enters the next band', async () => {
    const file = dataFolder();
    const shown: DesktopNotice[] = [];
    const at = async (iso: string) => {
      const { s, close } = service(file, new Date(iso));
      try {
        return await s.notify((n) => shown.push(n));
      } finally {
        close();
      }
    };
    expect(await at('2026-12-01T00:00:00Z')).toBe(0);
    expect(await at('2027-01-02T00:00:00Z')).toBe(1);
    expect(shown.at(-1)!.title).toBe('Contoso – Clment: client secret expires in 58 days');
    // The app restarts twice the same week: nothing new to say.
    expect(await at('2027-01-03T00:00:00Z')).toBe(0);
    expect(await at('2027-01-09T00:00:00Z')).toBe(0);
    expect(await at('2027-02-20T00:00:00Z')).toBe(1);
    expect(shown.at(-1)!.title).toBe('Contoso – Clment: client secret expires in 9 days');
    expect(await at('2027-02-23T00:00:00Z')).toBe(1);
    expect(await at('2027-03-02T00:00:00Z')).toBe(1);
    expect(shown.at(-1)!.title).toBe('Contoso – Clment: client secret expired');
    expect(await at('2027-03-05T00:00:00Z')).toBe(0);
    expect(shown).toHaveLength(4);
  });
});
