import type { Database } from 'better-sqlite3';
import type {
  ClientTenant,
  ConsentApp,
  ConsentStrategy,
  CsvImportResult,
  DiscoverResult,
  HistoryEntry,
  StatusCounts,
  TenantFilter,
  TenantSelection,
} from '../../../shared/domain/client-tenants';
import { ErrorCode } from '../../../shared/error-codes';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { diagnose } from '../diagnostics/diagnose';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import type { CloudFetch } from '../net/cloud-fetch';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { ClientTenantRepository, type FoundTenant, type ListSort } from './client-tenant-repository';
import { consentAppDto, type ConsentTarget } from './consent-target';
import { defaultStrategy } from './default-strategy';
import { HttpClient, HttpFailure } from './http-client';
import { mapPool } from './map-pool';
import { readGdapTenants } from './sources/gdap-source';
import { parseTenantCsv } from './sources/parse-tenant-csv';
import { readPartnerCenterTenants } from './sources/partner-center-source';
import { resolveTenant } from './sources/resolve-tenant';

export interface ClientTenantServiceOptions {
  db: Database;
  workspaces: WorkspaceService;
  events: EventBus;
  cloud: CloudProfile;
  fetchFn: CloudFetch;
  /** The app to consent in client tenants, or why this workspace has none. */
  target(workspaceId: string): ConsentTarget | { notApplicable: string };
  /** A partner-tenant token for a step (the signed-in admin's). */
  token(homeAccountId: string, step: StepId): Promise<string>;
  /** The partner tenant of the signed-in admin, to refuse adding it as its own client. */
  partnerTenantOf(homeAccountId: string): Promise<string | undefined>;
  now?: () => Date;
  /** Domains resolved at once during a CSV import. */
  resolveConcurrency?: number;
}

/** The merged client-tenant list: sources, include/exclude, strategy choice, history. */
export class ClientTenantService {
  readonly repo: ClientTenantRepository;
  private readonly http: HttpClient;
  private readonly now: () => Date;

  constructor(private readonly o: ClientTenantServiceOptions) {
    this.repo = new ClientTenantRepository(o.db);
    this.http = new HttpClient({ fetchFn: o.fetchFn });
    this.now = o.now ?? (() => new Date());
  }

  private at(): string {
    return this.now().toISOString();
  }

  app(workspaceId: string): ConsentApp {
    this.o.workspaces.get(workspaceId);
    return consentAppDto(this.o.target(workspaceId));
  }

  summary(workspaceId: string): { app: ConsentApp; total: number; included: number; counts: StatusCounts } {
    return { app: this.app(workspaceId), ...this.repo.counts(workspaceId) };
  }

  list(workspaceId: string, o: { offset: number; limit: number; sort: ListSort; filter: TenantFilter }): { total: number; rows: ClientTenant[] } {
    this.o.workspaces.get(workspaceId);
    return this.repo.list(workspaceId, o);
  }

  history(workspaceId: string, tenantId: string): HistoryEntry[] {
    return this.repo.history(workspaceId, tenantId);
  }

  setIncluded(workspaceId: string, selection: TenantSelection, included: boolean): number {
    this.o.workspaces.get(workspaceId);
    const ids = this.repo.select(workspaceId, selection);
    const changed = this.repo.setIncluded(workspaceId, ids, included, this.at());
    if (changed > 0) this.changed(workspaceId, 'included', ids);
    return changed;
  }

  setStrategy(workspaceId: string, selection: TenantSelection, strategy: ConsentStrategy | 'default'): number {
    this.o.workspaces.get(workspaceId);
    const ids = this.repo.select(workspaceId, selection);
    const changed = this.repo.setStrategy(workspaceId, ids, strategy === 'default' ? null : strategy, this.at());
    if (changed > 0) this.changed(workspaceId, 'strategy', ids);
    return changed;
  }

  /** Merges what sources found, then recomputes the default strategy of each tenant touched. */
  merge(workspaceId: string, found: FoundTenant[]): string[] {
    const added = this.repo.merge(workspaceId, found, this.at());
    this.refreshDefaults(workspaceId, [...new Set(found.map((f) => f.tenantId.toLowerCase()))]);
    return added;
  }

  refreshDefaults(workspaceId: string, tenantIds: readonly string[]): void {
    const target = this.o.target(workspaceId);
    const applicable = !('notApplicable' in target);
    const now = this.now().getTime();
    const inputs = this.repo.strategyInputs(workspaceId, tenantIds);
    this.o.db.transaction(() => {
      for (const t of inputs) {
        const d = defaultStrategy({
          gdapRelationships: t.gdap,
          sources: t.sources,
          hasApplicationPermissions: applicable && target.application.length > 0,
          cpvAvailable: applicable && target.partnerCenterAppId !== null && this.o.cloud.partnerCenterBaseUrl !== undefined,
          now,
        });
        this.repo.setDefaultStrategy(workspaceId, t.tenantId, d.strategy, d.reason);
      }
    })();
  }

  /** GDAP customers with their relationships, and Partner Center customers, merged into the list. */
  async discover(workspaceId: string, homeAccountId: string, sources: ('gdap' | 'partnerCenter')[]): Promise<DiscoverResult> {
    this.o.workspaces.get(workspaceId);
    const results: DiscoverResult['sources'] = [];
    let added = 0;
    for (const kind of sources) {
      try {
        const found =
          kind === 'gdap'
            ? await readGdapTenants(this.http, this.o.cloud.graphBaseUrl, () => this.o.token(homeAccountId, 'listGdapCustomers'))
            : await this.partnerCenterTenants(homeAccountId);
        added += this.merge(workspaceId, found).length;
        results.push({ kind, state: 'ok', found: found.length });
      } catch (error) {
        results.push({ kind, ...sourceFailure(kind, error) });
      }
    }
    this.changed(workspaceId, 'discovered');
    return { sources: results, added, total: this.repo.counts(workspaceId).total };
  }

  private async partnerCenterTenants(homeAccountId: string): Promise<FoundTenant[]> {
    const base = this.o.cloud.partnerCenterBaseUrl;
    if (!base) {
      throw new AppError(ErrorCode.PartnerCenterUnavailable, `Partner Center is not available for ${this.o.cloud.name}.`, {
        fix: 'Use GDAP, a CSV file or add tenants by domain instead.',
      });
    }
    return readPartnerCenterTenants(this.http, base, () => this.o.token(homeAccountId, 'partnerCenter'));
  }

  /**
   * A CSV of tenant IDs or domains. Domains are resolved through OpenID discovery (a domain no tenant
   * uses is reported, not guessed at); a row naming a tenant already listed, by ID or by domain, is
   * counted as already listed and the CSV recorded as one more source. Nothing is added twice.
   */
  async importCsv(workspaceId: string, text: string, fileName?: string): Promise<CsvImportResult> {
    this.o.workspaces.get(workspaceId);
    const parsed = parseTenantCsv(text);
    const problems = [...parsed.problems];
    const known = this.repo.allIds(workspaceId);
    const knownDomains = this.repo.domainIndex(workspaceId);
    const label = fileName ?? 'CSV file';
    // Domains the list already knows need no lookup; the others are resolved a few at a time.
    const toResolve = parsed.rows.filter((r) => r.kind === 'domain' && !knownDomains.has(r.value));
    const resolved = new Map<string, { ok: true; tenantId: string } | { ok: false; reason: string }>();
    await mapPool(toResolve, this.o.resolveConcurrency ?? 8, async (row) => {
      try {
        resolved.set(row.value, await resolveTenant(this.http, this.o.cloud.authorityHost, row.value));
      } catch (error) {
        resolved.set(row.value, { ok: false, reason: `Could not look the domain up: ${diagnose(error).cause}` });
      }
    });
    const found: FoundTenant[] = [];
    const lineOf = new Map<string, number>();
    let alreadyListed = 0;
    for (const row of parsed.rows) {
      let tenantId: string;
      let domain: string | null = null;
      if (row.kind === 'tenantId') tenantId = row.value;
      else {
        domain = row.value;
        const knownId = knownDomains.get(row.value);
        const r = knownId ? { ok: true as const, tenantId: knownId } : resolved.get(row.value);
        if (!r || !r.ok) {
          problems.push({ line: row.line, value: row.value, reason: r && !r.ok ? r.reason : 'Not resolved.' });
          continue;
        }
        tenantId = r.tenantId;
      }
      const earlier = lineOf.get(tenantId);
      if (earlier !== undefined) {
        problems.push({ line: row.line, value: row.value, reason: `Same tenant as line ${earlier}.` });
        continue;
      }
      lineOf.set(tenantId, row.line);
      if (known.has(tenantId)) alreadyListed++;
      found.push({ tenantId, domain, name: row.name, source: 'csv', detail: `${label} line ${row.line}` });
    }
    const added = this.merge(workspaceId, found);
    problems.sort((a, b) => a.line - b.line);
    this.changed(workspaceId, 'imported');
    return { rows: parsed.dataRows, imported: added.length, alreadyListed, problems };
  }

  /** A tenant by domain (or ID), its ID read from OpenID discovery so a typo is caught now. */
  async addByDomain(
    workspaceId: string,
    domainOrId: string,
    name: string | undefined,
    homeAccountId?: string,
  ): Promise<{ tenant: ClientTenant; alreadyListed: boolean; warning?: string }> {
    this.o.workspaces.get(workspaceId);
    const input = domainOrId.trim().toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(input) && !/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(input)) {
      throw new AppError(ErrorCode.TenantInvalid, `"${domainOrId}" is neither a domain nor a tenant ID.`, {
        fix: 'Enter a domain such as contoso.onmicrosoft.com or contoso.com, or the tenant ID (a GUID).',
      });
    }
    const r = await resolveTenant(this.http, this.o.cloud.authorityHost, input);
    if (!r.ok) throw new AppError(ErrorCode.TenantNotFound, r.reason, { fix: 'Check the domain with the client, or ask them for their tenant ID.' });
    const partner = homeAccountId ? await this.o.partnerTenantOf(homeAccountId) : undefined;
    if (partner && partner === r.tenantId) {
      throw new AppError(ErrorCode.TenantInvalid, `${input} belongs to your own partner tenant, not to a client.`, {
        fix: 'Enter a domain of the client’s tenant (their onmicrosoft.com domain is a safe choice).',
      });
    }
    const alreadyListed = this.repo.has(workspaceId, r.tenantId);
    const existing = this.repo.get(workspaceId, r.tenantId);
    const fromCustomers = existing?.sources.some((s) => s.kind === 'gdap' || s.kind === 'partnerCenter') ?? false;
    const isDomain = input !== r.tenantId;
    this.merge(workspaceId, [
      {
        tenantId: r.tenantId,
        domain: isDomain ? input : null,
        name: name ?? null,
        source: 'manual',
        detail: isDomain ? `added by domain ${input}` : 'added by tenant ID',
      },
    ]);
    this.changed(workspaceId, 'added', [r.tenantId]);
    const tenant = this.repo.get(workspaceId, r.tenantId);
    if (!tenant) throw new AppError(ErrorCode.Internal, 'The tenant was not saved.');
    const warning = fromCustomers
      ? undefined
      : `${input} belongs to tenant ${r.tenantId}, which is not one of your GDAP or Partner Center customers. Check that this is the client you meant.`;
    return { tenant, alreadyListed, ...(warning ? { warning } : {}) };
  }

  changed(workspaceId: string, reason: 'discovered' | 'imported' | 'added' | 'included' | 'strategy' | 'status' | 'platform', tenantIds?: readonly string[]): void {
    this.o.events.emit('tenants.changed', {
      workspaceId,
      reason,
      ...(tenantIds && tenantIds.length <= 100 ? { tenantIds: [...tenantIds] } : {}),
    });
  }
}

function sourceFailure(kind: 'gdap' | 'partnerCenter', error: unknown): { state: 'needsSignIn' | 'unavailable' | 'failed'; found: 0; error: { code: string; message: string; fix: string } } {
  if (error instanceof AppError) {
    const state = error.code === ErrorCode.SignInRequired ? 'needsSignIn' : error.code === ErrorCode.PartnerCenterUnavailable ? 'unavailable' : 'failed';
    return { state, found: 0, error: { code: error.code, message: error.message, fix: error.fix ?? 'Try again.' } };
  }
  if (kind === 'partnerCenter' && error instanceof HttpFailure && error.status === 401 && error.code === '900421') {
    // Partner Center refuses App+User tokens that show no MFA (learn.microsoft.com/partner-center/security/partner-security-requirements-mandating-mfa):
    // a sign-in with MFA is the fix, not a role.
    return {
      state: 'needsSignIn',
      found: 0,
      error: {
        code: ErrorCode.SignInRequired,
        message: 'Partner Center requires multi-factor authentication, and your sign-in did not include it.',
        fix: 'Sign in to allow Partner Center and complete the MFA prompt.',
      },
    };
  }
  if (error instanceof HttpFailure && (error.status === 401 || error.status === 403)) {
    return {
      state: 'failed',
      found: 0,
      error: {
        code: kind === 'gdap' ? ErrorCode.GraphFailed : ErrorCode.PartnerCenterFailed,
        message:
          kind === 'gdap'
            ? `Microsoft refused to list your GDAP customers: ${error.detail}`
            : `Partner Center refused to list your customers: ${error.detail}`,
        fix:
          kind === 'gdap'
            ? 'Sign in with a partner admin who can read delegated admin relationships, and consent to DelegatedAdminRelationship.Read.All.'
            : 'Give this user the Admin agent role in Partner Center, then try again.',
      },
    };
  }
  const d = diagnose(error);
  return { state: 'failed', found: 0, error: { code: kind === 'gdap' ? ErrorCode.GraphFailed : ErrorCode.PartnerCenterFailed, message: d.cause, fix: d.fix } };
}
