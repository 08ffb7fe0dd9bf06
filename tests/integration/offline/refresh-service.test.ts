import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors/app-error';
import { EventBus } from '../../../src/main/core/events/event-bus';
import { Connectivity } from '../../../src/main/core/net/connectivity';
import { ConnectivityMonitor } from '../../../src/main/core/net/connectivity-monitor';
import { observeConnectivity } from '../../../src/main/core/net/observe-connectivity';
import { RefreshService } from '../../../src/main/core/offline/refresh-service';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { WorkspaceRepository } from '../../../src/main/core/workspaces/workspace-repository';
import { WorkspaceService } from '../../../src/main/core/workspaces/workspace-service';
import { ErrorCode } from '../../../src/shared/error-codes';
import { makeTempDir } from '../../helpers/temp-dir';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const account = { homeAccountId: 'oid.tid', username: 'admin@contoso.onmicrosoft.com', tenantId: 'tid', name: 'Admin' };
const CACHED_AT = '2026-11-20T09:00:00.000Z';

/**
 * A stand-in for Graph's GET /applications/{id} (learn.microsoft.com/graph/api/application-get: the
 * passwordCredentials carry keyId and endDateTime, never the secret) and the OpenID discovery document.
 */
async function graph(credentials: Array<{ keyId: string; endDateTime: string }>): Promise<{ base: string; host: string }> {
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.includes('/.well-known/openid-configuration')) return res.end('{}');
    if (req.url?.startsWith('/v1.0/applications/app-object-1')) return res.end(JSON.stringify({ id: 'app-object-1', appId: 'app-1', passwordCredentials: credentials }));
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { code: 'Request_ResourceNotFound', message: 'not found' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base: `http://${host}`, host };
}

function seed(db: Database, workspaceId: string): void {
  db.prepare("INSERT INTO managed_apps (workspace_id, role, unique_name, app_object_id, app_id, sp_object_id, updated_at) VALUES (?, 'main', 'u', 'app-object-1', 'app-1', NULL, ?)").run(workspaceId, CACHED_AT);
  const secret = db.prepare("INSERT INTO app_secrets (workspace_id, role, key_id, hint, start_date_time, end_date_time, vault_ref, created_at) VALUES (?, 'main', ?, 'abc', ?, ?, ?, ?)");
  secret.run(workspaceId, 'key-kept', CACHED_AT, '2028-11-20T09:00:00.000Z', 'ref-1', CACHED_AT);
  secret.run(workspaceId, 'key-removed', CACHED_AT, '2028-11-20T09:00:00.000Z', 'ref-2', CACHED_AT);
  db.prepare("INSERT INTO client_tenants (workspace_id, tenant_id, status_kind, as_of, created_at, updated_at) VALUES (?, 't-1', 'accessNeeded', ?, ?, ?)").run(workspaceId, CACHED_AT, CACHED_AT, CACHED_AT);
}

function setup(o: { base: string; hosts: string[]; token?: () => Promise<string> }) {
  const dir = makeTempDir();
  cleanups.push(() => dir.remove());
  const db = openDatabase(join(dir.path, 'test.sqlite'));
  cleanups.push(() => db.close());
  const workspaces = new WorkspaceService(new WorkspaceRepository(db), new EventBus());
  const ws = workspaces.create({ name: 'Contoso', platformId: 'clientone', partnerTenant: null });
  seed(db, ws.id);
  const connectivity = new Connectivity({ microsoftHosts: o.hosts });
  const fetchFn = observeConnectivity((input, init) => fetch(input, init), connectivity);
  const monitor = new ConnectivityMonitor({ connectivity, fetchFn, cloud: { authorityHost: o.base } });
  cleanups.push(() => monitor.stop());
  const now = new Date('2026-12-01T10:00:00.000Z');
  const service = new RefreshService({
    db,
    workspaces,
    cloud: { graphBaseUrl: `${o.base}/v1.0` },
    fetchFn,
    monitor,
    token: o.token ?? (async () => 'token'),
    accounts: async () => [account],
    // The verify run's effect on the store: the tenant's consent read again.
    verifyTenants: async (workspaceId) => {
      db.prepare("UPDATE client_tenants SET status_kind = 'consented', as_of = ? WHERE workspace_id = ?").run(now.toISOString(), workspaceId);
      return true;
    },
    now: () => now,
  });
  return { db, ws, service };
}

describe('refresh: re-read the cache and say what changed', () => {
  it('reports tenants whose status changed and secrets removed from Entra or expiring sooner; the tenants are read as of now, the app keeps its old time', async () => {
    const g = await graph([{ keyId: 'key-kept', endDateTime: '2027-01-01T00:00:00.000Z' }]);
    const { ws, service } = setup({ base: g.base, hosts: [g.host] });
    expect(service.cache()[0]?.apps[0]?.asOf).toBe(CACHED_AT);
    const result = await service.refresh({});
    expect(result.skipped).toEqual([]);
    expect(result.changes).toEqual(['1 tenant changed status (1 now consented)', '1 secret now expires sooner', '1 secret is no longer in Entra']);
    const cached = result.workspaces.find((w) => w.workspaceId === ws.id)!;
    // What we hold no longer matches Entra: not shown as freshly confirmed.
    expect(cached.apps[0]?.asOf).toBe(CACHED_AT);
    expect(cached.tenants.newestAsOf).toBe('2026-12-01T10:00:00.000Z');
    expect(cached.lastRefresh?.changes).toEqual(result.changes);
  });

  it('an app whose secrets match what is cached is confirmed as of now', async () => {
    const g = await graph([
      { keyId: 'key-kept', endDateTime: '2028-11-20T09:00:00.000Z' },
      { keyId: 'key-removed', endDateTime: '2028-11-20T09:00:00.000Z' },
    ]);
    const { service } = setup({ base: g.base, hosts: [g.host] });
    const result = await service.refresh({});
    expect(result.changes).toEqual(['1 tenant changed status (1 now consented)']);
    expect(result.workspaces[0]?.apps[0]?.asOf).toBe('2026-12-01T10:00:00.000Z');
    expect(result.workspaces[0]?.secrets.map((x) => x.asOf)).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z']);
  });

  it('a sign-in that is gone is said, and the workspace is left as it was', async () => {
    const g = await graph([]);
    const { ws, service } = setup({
      base: g.base,
      hosts: [g.host],
      token: async () => {
        throw new AppError(ErrorCode.SignInRequired, 'Your sign-in has expired or was revoked.', { fix: 'Sign in again in your browser.' });
      },
    });
    const result = await service.refresh({});
    expect(result.changes).toEqual([]);
    expect(result.skipped).toEqual([
      {
        workspaceId: ws.id,
        workspaceName: 'Contoso',
        reason: { code: ErrorCode.SignInRequired, message: 'Your sign-in has expired or was revoked. Its cached data was left as it was.', fix: 'Sign in again in your browser.' },
      },
    ]);
    expect(result.workspaces[0]?.apps[0]?.asOf).toBe(CACHED_AT);
  });

  it('with Microsoft out of reach it fails at once with the network error and touches nothing', async () => {
    const g = await graph([]);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const { service } = setup({ base: `http://127.0.0.1:${port}`, hosts: [`127.0.0.1:${port}`, g.host] });
    const error = await service.refresh({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: ErrorCode.NetworkUnreachable, message: `Can't reach Microsoft (127.0.0.1:${port}): the connection was refused (ECONNREFUSED).` });
    expect(service.cache()[0]?.tenants.newestAsOf).toBe(CACHED_AT);
  });
});
