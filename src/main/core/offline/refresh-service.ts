import type { Database } from 'better-sqlite3';
import type { AccountSummaryDto } from '../../../shared/domain/auth';
import type { CachedWorkspace, RefreshResult } from '../../../shared/domain/offline';
import { ErrorCode } from '../../../shared/error-codes';
import type { AppErrorShape } from '../../../shared/result';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { HttpClient, HttpFailure } from '../consent/http-client';
import { defaultRetryPolicy } from '../consent/retry-policy';
import { AppError } from '../errors/app-error';
import type { CloudFetch } from '../net/cloud-fetch';
import type { ConnectivityMonitor } from '../net/connectivity-monitor';
import { networkUnreachable } from '../net/network-unreachable';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { mergeSnapshots, readCachedWorkspace, snapshotOf, type Snapshot } from './cached-state';
import { describeChanges } from './snapshot-diff';

export interface RefreshServiceOptions {
  db: Database;
  workspaces: WorkspaceService;
  cloud: Pick<CloudProfile, 'graphBaseUrl'>;
  fetchFn: CloudFetch;
  monitor: ConnectivityMonitor;
  /** A partner-tenant token, silently (never a prompt: a gone sign-in is reported, not asked for). */
  token(homeAccountId: string, step: StepId): Promise<string>;
  accounts(): Promise<AccountSummaryDto[]>;
  /**
   * Re-reads the client tenants' statuses through the existing verify run and waits for it; false when
   * the workspace has none to read (single-tenant app, setup not run, no tenant listed).
   */
  verifyTenants(workspaceId: string, homeAccountId: string): Promise<boolean>;
  now?: () => Date;
}

interface PasswordCredential {
  keyId: string;
  endDateTime: string;
}

/**
 * One click when the network is back: re-reads what the console caches (each workspace's app
 * registrations and their secrets from Graph, the client tenants' statuses through the verify run)
 * and says what changed since the cached snapshot. A workspace whose sign-in is gone is left as it
 * was, and the result says so; nothing prompts.
 */
export class RefreshService {
  private readonly http: HttpClient;
  private readonly now: () => Date;
  private readonly last = new Map<string, { at: string; changes: string[] }>();

  constructor(private readonly o: RefreshServiceOptions) {
    // Fewer, shorter retries than a bulk run: the admin clicked and is waiting for the answer.
    this.http = new HttpClient({ fetchFn: o.fetchFn, policy: { ...defaultRetryPolicy, maxAttempts: 4, maxDelayMs: 5_000 } });
    this.now = o.now ?? (() => new Date());
  }

  /** Everything cached, from SQLite only: safe to call with no network at all. */
  cache(): CachedWorkspace[] {
    return this.o.workspaces.list().map((w) => ({ ...readCachedWorkspace(this.o.db, w.id), lastRefresh: this.last.get(w.id) ?? null }));
  }

  async refresh(input: { workspaceIds?: string[] | undefined; homeAccountId?: string | undefined }): Promise<RefreshResult> {
    const state = await this.o.monitor.check();
    if (state.status === 'offline') {
      throw networkUnreachable({ host: state.failure?.host ?? undefined, code: state.failure?.code ?? 'ECONNREFUSED', microsoft: true });
    }
    const all = this.o.workspaces.list();
    const chosen = input.workspaceIds ? all.filter((w) => input.workspaceIds?.includes(w.id)) : all;
    const accounts = await this.o.accounts();
    const befores: Snapshot[] = [];
    const afters: Snapshot[] = [];
    const skipped: RefreshResult['skipped'] = [];
    for (const w of chosen) {
      // A workspace with nothing cached (setup not run, no client tenants) has nothing to re-read.
      const cachedNow = readCachedWorkspace(this.o.db, w.id);
      if (cachedNow.apps.length === 0 && cachedNow.tenants.total === 0) continue;
      const account =
        accounts.find((a) => a.homeAccountId === input.homeAccountId) ??
        accounts.find((a) => w.partnerTenant !== null && (a.tenantId === w.partnerTenant || a.username.toLowerCase().endsWith(`@${w.partnerTenant}`))) ??
        (accounts.length === 1 ? accounts[0] : undefined);
      if (!account) {
        skipped.push({ workspaceId: w.id, workspaceName: w.name, reason: noSignIn(w.partnerTenant) });
        continue;
      }
      try {
        // A gone sign-in shows up here, before anything is read: say so rather than half-refresh.
        const token = await this.o.token(account.homeAccountId, 'findExistingApps');
        const before = snapshotOf(this.o.db, w.id);
        const entra = await this.readApps(w.id, token);
        await this.o.verifyTenants(w.id, account.homeAccountId);
        const after = snapshotOf(this.o.db, w.id);
        for (const [role, read] of entra) {
          if (!read.found) after.apps.set(`${w.id}/${role}`, false);
          for (const key of [...before.secrets.keys()].filter((k) => k.startsWith(`${w.id}/`))) {
            const keyId = key.slice(w.id.length + 1);
            if (read.roleKeyIds.has(keyId)) after.secrets.set(key, read.credentials.get(keyId) ?? null);
          }
          for (const [keyId, end] of read.credentials) if (!before.secrets.has(`${w.id}/${keyId}`)) after.secrets.set(`${w.id}/${keyId}`, end);
        }
        befores.push(before);
        afters.push(after);
        this.last.set(w.id, { at: this.now().toISOString(), changes: describeChanges(before, after) });
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.NetworkUnreachable) throw error;
        if (error instanceof AppError && (error.code === ErrorCode.SignInRequired || error.code === ErrorCode.AccountNotFound)) {
          skipped.push({ workspaceId: w.id, workspaceName: w.name, reason: { ...error.toShape(), message: `${error.message} Its cached data was left as it was.` } });
          continue;
        }
        skipped.push({ workspaceId: w.id, workspaceName: w.name, reason: shapeOf(error) });
      }
    }
    return { at: this.now().toISOString(), changes: describeChanges(mergeSnapshots(befores), mergeSnapshots(afters)), skipped, workspaces: this.cache() };
  }

  /**
   * Each managed app registration as Entra has it now (GET /applications/{id}, Application.Read.All;
   * a deleted one answers 404 Request_ResourceNotFound, learn.microsoft.com/graph/api/application-get).
   * A found app whose secrets are exactly what we hold gets its cached row's time moved to now (what
   * we hold was confirmed at this moment); one that differs keeps its old time, and the change list
   * says what differs, so a secret removed in Entra is never shown as freshly confirmed.
   */
  private async readApps(
    workspaceId: string,
    token: string,
  ): Promise<Map<string, { found: boolean; credentials: Map<string, string>; roleKeyIds: Set<string> }>> {
    const apps = this.o.db
      .prepare<[string], { role: string; app_object_id: string | null }>('SELECT role, app_object_id FROM managed_apps WHERE workspace_id = ?')
      .all(workspaceId);
    const out = new Map<string, { found: boolean; credentials: Map<string, string>; roleKeyIds: Set<string> }>();
    const at = this.now().toISOString();
    for (const app of apps) {
      if (!app.app_object_id) continue;
      const roleKeyIds = new Set(
        this.o.db
          .prepare<[string, string], { key_id: string }>('SELECT key_id FROM app_secrets WHERE workspace_id = ? AND role = ?')
          .all(workspaceId, app.role)
          .map((r) => r.key_id),
      );
      try {
        const { body } = await this.http.json<{ passwordCredentials?: PasswordCredential[] }>(
          `${this.o.cloud.graphBaseUrl}/applications/${encodeURIComponent(app.app_object_id)}?$select=id,appId,passwordCredentials`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        const credentials = new Map((body.passwordCredentials ?? []).map((c) => [c.keyId, c.endDateTime]));
        out.set(app.role, { found: true, credentials, roleKeyIds });
        const cachedEnds = this.o.db
          .prepare<[string, string], { key_id: string; end_date_time: string }>('SELECT key_id, end_date_time FROM app_secrets WHERE workspace_id = ? AND role = ?')
          .all(workspaceId, app.role);
        const matches = cachedEnds.every((c) => {
          const live = credentials.get(c.key_id);
          return live !== undefined && Date.parse(live) === Date.parse(c.end_date_time);
        });
        if (matches) this.o.db.prepare('UPDATE managed_apps SET updated_at = ? WHERE workspace_id = ? AND role = ?').run(at, workspaceId, app.role);
      } catch (error) {
        if (error instanceof HttpFailure && error.status === 404) out.set(app.role, { found: false, credentials: new Map(), roleKeyIds });
        else throw error;
      }
    }
    return out;
  }
}

function noSignIn(partnerTenant: string | null): AppErrorShape {
  return {
    code: ErrorCode.SignInRequired,
    message: `No account is signed in to ${partnerTenant ?? 'this workspace’s partner tenant'}, so its cached data was left as it was.`,
    fix: 'Open the workspace and sign in, then refresh again.',
  };
}

function shapeOf(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  if (error instanceof HttpFailure) {
    return { code: ErrorCode.GraphFailed, message: `Microsoft answered ${error.status}: ${error.detail}`, fix: 'Try the refresh again; if it keeps failing, run Setup’s “Check for drift”.' };
  }
  return { code: ErrorCode.Internal, message: 'This workspace could not be refreshed.', fix: 'Try again.' };
}
