import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCloud } from '../../../src/main/core/clouds/sandbox-cloud';
import type { Core } from '../../../src/main/core/create-core';
import { AppError } from '../../../src/main/core/errors/app-error';
import { startTestCore } from '../../helpers/start-test-core';
import { makeTempDir } from '../../helpers/temp-dir';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';

let sandbox: SandboxHandle;
let core: Core;
let dir: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  dir = makeTempDir('eo-sources-');
  sandbox = await startSandbox({ dataDir: join(dir.path, 'sandbox') });
  core = startTestCore(join(dir.path, 'data'), sandboxCloud(sandbox.info));
}, 60_000);

afterAll(async () => {
  core?.close();
  await sandbox?.close();
  dir?.remove();
});

const newWorkspace = () => core.services.workspaces.create({ name: `ws ${randomUUID().slice(0, 8)}`, platformId: 'clientone', partnerTenant: null }).id;
const all = (ws: string) => core.services.clientTenants.list(ws, { offset: 0, limit: 1000, sort: { by: 'tenantId', direction: 'asc' }, filter: {} });

describe('CSV import', () => {
  it('imports 10,000 rows: keeps the good ones, reports each bad one with its line, imports nothing twice', async () => {
    const ws = newWorkspace();
    const known = sandbox.info.clientTenants.filter((c) => c.kind !== 'unresolvableDomain');
    const lines: string[] = ['Tenant ID,Name'];
    const expected = new Map<number, RegExp>();
    const goodIds = new Set<string>();
    for (let i = 0; lines.length < 10_001; i++) {
      const line = lines.length + 1;
      if (i === 10) lines.push('72f988bf-86f1-41af-91ab-2d7cd011db4,Bad Co'), expected.set(line, /Not a valid tenant ID/);
      else if (i === 20) lines.push('contoso-typo.onmicrosoft.com,Typo Inc'), expected.set(line, /No Microsoft Entra tenant uses this domain/);
      else if (i === 30) lines.push(`${[...goodIds][0]},Again`), expected.set(line, /Duplicate of line 2\b/);
      else if (i === 40) lines.push(''); // an empty line: skipped, not an error
      else if (i === 50) lines.push(`${known[0]!.domain},By domain`), goodIds.add(known[0]!.tenantId);
      else if (i === 60) lines.push(`${known[0]!.tenantId.toUpperCase()},Same tenant by ID`), expected.set(line, /Same tenant as line/);
      else if (i === 70) lines.push('just words'), expected.set(line, /Neither a tenant ID/);
      else {
        const id = randomUUID();
        goodIds.add(id);
        lines.push(`${id},"Customer ${i}, Ltd"`);
      }
    }
    const text = `\uFEFF${lines.join('\r\n')}\r\n`;
    const result = await core.services.clientTenants.importCsv(ws, text, 'clients.csv');
    expect(result.problems.map((p) => p.line)).toEqual([...expected.keys()]);
    for (const p of result.problems) expect(p.reason).toMatch(expected.get(p.line)!);
    expect(result.rows).toBe(9_999); // 10,000 lines after the header, one of them empty
    expect(result.imported).toBe(goodIds.size);
    const listed = all(ws);
    expect(listed.total).toBe(goodIds.size);
    const byDomain = core.services.clientTenants.repo.get(ws, known[0]!.tenantId);
    expect(byDomain?.sources[0]).toMatchObject({ kind: 'csv', detail: expect.stringMatching(/^clients\.csv line \d+$/) });
    const quoted = core.services.clientTenants.list(ws, { offset: 0, limit: 1, sort: { by: 'name', direction: 'asc' }, filter: { text: 'Customer 1, Ltd' } });
    expect(quoted.rows[0]?.name).toBe('Customer 1, Ltd');

    const again = await core.services.clientTenants.importCsv(ws, text, 'clients.csv');
    expect(again.imported).toBe(0);
    expect(again.alreadyListed).toBe(goodIds.size);
    expect(all(ws).total).toBe(goodIds.size);
  }, 120_000);

  it('accepts a file without a header, with semicolons', async () => {
    const ws = newWorkspace();
    const id = randomUUID();
    const result = await core.services.clientTenants.importCsv(ws, `${id};Fabrikam\n\n`);
    expect(result).toMatchObject({ rows: 1, imported: 1, problems: [] });
    expect(all(ws).rows[0]).toMatchObject({ tenantId: id, name: 'Fabrikam' });
  });
});

describe('add by domain (OpenID discovery)', () => {
  it('resolves the tenant ID and warns when the tenant is not a known customer', async () => {
    const ws = newWorkspace();
    const client = sandbox.info.clientTenants.find((c) => c.kind === 'gdapFull')!;
    const added = await core.services.clientTenants.addByDomain(ws, client.domain.toUpperCase(), 'VanArsdel');
    expect(added.tenant).toMatchObject({ tenantId: client.tenantId, domain: client.domain, name: 'VanArsdel', included: true });
    expect(added.tenant.sources).toEqual([expect.objectContaining({ kind: 'manual', detail: `added by domain ${client.domain}` })]);
    expect(added.warning).toMatch(/not one of your GDAP or Partner Center customers/);
    const again = await core.services.clientTenants.addByDomain(ws, client.tenantId, undefined);
    expect(again.alreadyListed).toBe(true);
    expect(all(ws).total).toBe(1);
  });

  it('catches a typo and a domain that does not resolve, with a fix', async () => {
    const ws = newWorkspace();
    const unresolvable = sandbox.info.clientTenants.find((c) => c.kind === 'unresolvableDomain')!;
    for (const domain of ['vanarsdell.onmicrosoft.com', unresolvable.domain]) {
      const error = await core.services.clientTenants.addByDomain(ws, domain, undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('tenant_not_found');
      expect((error as AppError).message).toMatch(/AADSTS90002/);
      expect((error as AppError).fix).toBeTruthy();
    }
    const bad = await core.services.clientTenants.addByDomain(ws, 'not a domain', undefined).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe('tenant_invalid');
    expect(all(ws).total).toBe(0);
  });
});

describe('include, exclude and strategy, one by one or by filter', () => {
  it('keeps the choice and shows excluded tenants as excluded', async () => {
    const ws = newWorkspace();
    const ids = Array.from({ length: 5 }, () => randomUUID());
    await core.services.clientTenants.importCsv(ws, ids.map((id, i) => `${id},Tenant ${i}`).join('\n'));
    expect(core.services.clientTenants.setIncluded(ws, { tenantIds: [ids[0]!] }, false)).toBe(1);
    expect(core.services.clientTenants.setIncluded(ws, { filter: { text: 'Tenant 3' } }, false)).toBe(1);
    const excluded = core.services.clientTenants.list(ws, { offset: 0, limit: 10, sort: { by: 'name', direction: 'asc' }, filter: { statuses: ['excluded'] } });
    expect(excluded.rows.map((r) => r.name)).toEqual(['Tenant 0', 'Tenant 3']);
    expect(excluded.rows.every((r) => r.status.kind === 'excluded' && !r.included)).toBe(true);
    expect(core.services.clientTenants.summary(ws)).toMatchObject({ total: 5, included: 3, counts: { excluded: 2, notStarted: 3 } });

    expect(core.services.clientTenants.setStrategy(ws, { filter: { included: true } }, 'cpv')).toBe(3);
    expect(all(ws).rows.filter((r) => r.strategy.chosen === 'cpv' && !r.strategy.isDefault)).toHaveLength(3);
    expect(core.services.clientTenants.setStrategy(ws, { tenantIds: ids }, 'default')).toBe(3);
    expect(all(ws).rows.every((r) => r.strategy.isDefault && r.strategy.chosen === 'adminConsentLink')).toBe(true);

    // Kept in SQLite: a new core on the same folder sees the same choices.
    const reopened = startTestCore(join(dir.path, 'data'), sandboxCloud(sandbox.info));
    try {
      expect(reopened.services.clientTenants.summary(ws)).toMatchObject({ total: 5, included: 3 });
    } finally {
      reopened.close();
    }
  });
});
