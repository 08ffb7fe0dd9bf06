import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Database } from 'better-sqlite3';
import type { ConsentRunProgress, TenantSelection, TenantStatusKind } from '../../../shared/domain/client-tenants';
import { ErrorCode } from '../../../shared/error-codes';
import type { StepId } from '../auth/step-scopes';
import { stepScopes } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import { withActivityScope } from '../activity/activity-scope';
import type { CloudFetch } from '../net/cloud-fetch';
import type { WorkspaceService } from '../workspaces/workspace-service';
import type { ClientTenantService } from './client-tenant-service';
import { ConsentJournal, type JournalRun } from './consent-journal';
import type { ConsentTarget } from './consent-target';
import { adminConsentLinks } from './admin-consent-links';
import { Cancelled, HttpClient } from './http-client';
import { mapPool } from './map-pool';
import { RatePacer } from './rate-pacer';
import { RequestSlots } from './request-slots';
import { applicationConsentRateLimit } from './strategies/cpv-consent';
import { ReplicationEstimate } from './strategies/replication-estimate';
import { tenantsInProgress } from '../../../shared/domain/tenants-in-progress';
import type { PlatformEnabler } from './platform-enabler';
import { processTenant, type TenantWorkDeps } from './process-tenant';
import { FinishedTenants } from './finished-tenants';
import type { AppRoleCatalog } from './read-tenant-consent';
import type { GdapAccessAssignment } from './explain-gdap-access';
import { readAllGraphPages } from './sources/gdap-source';
import type { RetryPolicy } from './retry-policy';
import { RunRate } from './run-progress';
import { TenantTokenCache } from './tenant-token-cache';

export interface ConsentRunServiceOptions {
  db: Database;
  workspaces: WorkspaceService;
  events: EventBus;
  cloud: CloudProfile;
  fetchFn: CloudFetch;
  tenants: ClientTenantService;
  target(workspaceId: string): ConsentTarget | { notApplicable: string };
  signIn: {
    clientId: string;
    tokenFor(homeAccountId: string, step: StepId): Promise<string>;
    tokenForTenant(homeAccountId: string, step: StepId, tenantId: string): Promise<{ accessToken: string; expiresOn: Date | null }>;
  };
  /** The newest client secret of the workspace's main app (from the vault), for client-credentials checks. */
  appSecret(workspaceId: string): Promise<string | undefined>;
  /** Admin consent in the browser for one client tenant (the client's Global Administrator signs in). */
  consentInBrowser(workspaceId: string, homeAccountId: string, tenantId: string): Promise<void>;
  platformEnabler?: PlatformEnabler;
  now?: () => Date;
  /** Tenants worked on at once when a run does not say (default 8). */
  defaultConcurrency?: number;
  retryPolicy?: RetryPolicy;
  /** Every HTTP request a run sends (the bench counts them). */
  onRequest?: () => void;
  /** Progress events at most this often (default 250 ms). */
  progressIntervalMs?: number;
}

interface ActiveRun {
  runId: string;
  controller: AbortController;
  work: Promise<void>;
  inFlight: number;
  rate: RunRate;
  throttled: number;
}

const RETRYABLE: readonly TenantStatusKind[] = ['failed', 'accessNeeded', 'partiallyConsented', 'tenantNotFound', 'notStarted'];

/**
 * Consent runs over client tenants: bounded concurrency, a journal row per tenant (a crash or a
 * closed laptop resumes exactly where it stopped), cancel at any moment, retry of the failed ones,
 * live progress. Each tenant's status is what the tenant itself says (processTenant).
 */
export class ConsentRunService {
  private readonly journal: ConsentJournal;
  private readonly active = new Map<string, ActiveRun>();
  private readonly now: () => Date;
  /** Partner Center limits consents per applicationId, whichever workspace's run sends them: one pacer per app. */
  private readonly cpvPacers = new Map<string, RatePacer>();

  constructor(private readonly o: ConsentRunServiceOptions) {
    this.journal = new ConsentJournal(o.db);
    this.now = o.now ?? (() => new Date());
  }

  private targetOf(workspaceId: string): ConsentTarget {
    const target = this.o.target(workspaceId);
    if ('notApplicable' in target) throw new AppError(ErrorCode.ClientTenantsNotApplicable, target.notApplicable, { fix: 'Open Setup for this workspace.' });
    return target;
  }

  private assertIdle(workspaceId: string): void {
    if (this.active.has(workspaceId)) {
      throw new AppError(ErrorCode.RunInProgress, 'A consent run is already going for this workspace.', { fix: 'Wait for it to finish, or cancel it.' });
    }
  }

  async start(input: { workspaceId: string; homeAccountId: string; selection?: TenantSelection | undefined; mode: 'consent' | 'verify'; concurrency?: number | undefined }): Promise<{ runId: string }> {
    this.o.workspaces.get(input.workspaceId);
    this.targetOf(input.workspaceId);
    this.assertIdle(input.workspaceId);
    // GDAP relationships change (approved, expired, roles added): read them afresh before deciding anything.
    await this.o.tenants.discover(input.workspaceId, input.homeAccountId, ['gdap']).catch(() => undefined);
    const selection: TenantSelection = input.selection ?? { filter: { included: true } };
    const ids = this.o.tenants.repo.select(input.workspaceId, selection);
    return this.begin(input.workspaceId, input.homeAccountId, input.mode, ids, input.concurrency);
  }

  /** A new run over the tenants whose last status was not consented (failed, access needed, partly). */
  async retryFailed(workspaceId: string, homeAccountId: string, concurrency?: number): Promise<{ runId: string }> {
    this.o.workspaces.get(workspaceId);
    this.targetOf(workspaceId);
    this.assertIdle(workspaceId);
    await this.o.tenants.discover(workspaceId, homeAccountId, ['gdap']).catch(() => undefined);
    const ids = this.o.tenants.repo.select(workspaceId, { filter: { included: true, statuses: RETRYABLE.filter((s) => s !== 'notStarted') } });
    if (ids.length === 0) throw new AppError(ErrorCode.StepBlocked, 'No tenant needs a retry.', { fix: 'Every included tenant is consented or not started.' });
    return this.begin(workspaceId, homeAccountId, 'consent', ids, concurrency);
  }

  private begin(workspaceId: string, homeAccountId: string, mode: 'consent' | 'verify', ids: string[], concurrency?: number): { runId: string } {
    const runId = randomUUID();
    this.journal.create(
      { id: runId, workspaceId, mode, homeAccountId, concurrency: concurrency ?? this.o.defaultConcurrency ?? 8, startedAt: this.now().toISOString() },
      ids,
    );
    this.launch(this.journal.get(runId) as JournalRun);
    return { runId };
  }

  /** Continues the latest run if it was interrupted (crash, restart) or cancelled. */
  async resume(workspaceId: string, homeAccountId?: string): Promise<{ runId: string }> {
    this.assertIdle(workspaceId);
    const run = this.journal.latest(workspaceId);
    if (!run || (run.state !== 'running' && run.state !== 'cancelled')) {
      throw new AppError(ErrorCode.ConsentRunNotFound, 'There is no interrupted run to resume.', { fix: 'Start a new run.' });
    }
    this.journal.reopen(run.id);
    this.launch({ ...run, state: 'running', ...(homeAccountId ? { homeAccountId } : {}) });
    return { runId: run.id };
  }

  /** The run that a crash left marked running, if any (the host resumes it at start-up when asked to). */
  interrupted(workspaceId: string): JournalRun | undefined {
    const run = this.journal.latest(workspaceId);
    return run && run.state === 'running' && !this.active.has(workspaceId) ? run : undefined;
  }

  cancel(workspaceId: string): boolean {
    const run = this.active.get(workspaceId);
    if (!run) return false;
    run.controller.abort();
    return true;
  }

  /** Resolves when the workspace's current run has ended (tests, orderly shutdown). */
  async settled(workspaceId: string): Promise<void> {
    await this.active.get(workspaceId)?.work;
  }

  run(workspaceId: string, runId?: string): ConsentRunProgress | null {
    const run = runId ? this.journal.get(runId) : this.journal.latest(workspaceId);
    return run && run.workspaceId === workspaceId ? this.progressOf(run) : null;
  }

  runs(workspaceId: string, limit: number): ConsentRunProgress[] {
    return this.journal.list(workspaceId, limit).map((r) => this.progressOf(r));
  }

  private progressOf(run: JournalRun): ConsentRunProgress {
    const active = this.active.get(run.workspaceId);
    const live = active?.runId === run.id ? active : undefined;
    const totals = this.journal.totals(run.id);
    return {
      workspaceId: run.workspaceId,
      runId: run.id,
      mode: run.mode,
      state: run.state === 'running' && !live ? 'interrupted' : run.state,
      total: totals.total,
      done: totals.done,
      inFlight: live?.inFlight ?? 0,
      counts: totals.counts,
      ratePerMinute: live?.rate.perMinute() ?? null,
      etaSeconds: live?.rate.etaSeconds(totals.total - totals.done) ?? null,
      throttled: run.throttled + (live?.throttled ?? 0),
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      concurrency: run.concurrency,
    };
  }

  private launch(run: JournalRun): void {
    const controller = new AbortController();
    // Each tenant in progress may be waiting (a sleep listens for Cancel): that many listeners are expected.
    setMaxListeners(2 * tenantsInProgress(run.concurrency) + 10, controller.signal);
    const active: ActiveRun = { runId: run.id, controller, work: Promise.resolve(), inFlight: 0, rate: new RunRate(), throttled: 0 };
    this.active.set(run.workspaceId, active);
    // Every consent and platform write of the run is logged under its workspace (core/activity).
    active.work = withActivityScope({ workspaceId: run.workspaceId, operation: run.mode === 'verify' ? 'consent.verify' : 'consent.run' }, () => this.execute(run, active))
      .catch((error: unknown) => {
        console.error(`[consent] run ${run.id} stopped`, error);
        this.journal.finish(run.id, 'failed', this.now().toISOString());
      })
      .finally(() => {
        this.flushThrottled(run.id, active);
        this.active.delete(run.workspaceId);
        const final = this.journal.get(run.id);
        if (final) this.o.events.emit('consent.progress', this.progressOf(final));
      });
  }

  private flushThrottled(runId: string, active: ActiveRun): void {
    this.journal.addThrottled(runId, active.throttled);
    active.throttled = 0;
  }

  private async execute(run: JournalRun, active: ActiveRun): Promise<void> {
    const target = this.targetOf(run.workspaceId);
    const { signal } = active.controller;
    const slots = new RequestSlots(run.concurrency);
    const http = new HttpClient({
      slots,
      fetchFn: this.o.fetchFn,
      ...(this.o.retryPolicy ? { policy: this.o.retryPolicy } : {}),
      ...(this.o.onRequest ? { onRequest: this.o.onRequest } : {}),
      onThrottled: () => {
        active.throttled++;
      },
    });
    // One token per tenant per run: asking Entra again and again for the same token is AADSTS50196.
    // MSAL's token requests go to Microsoft too: they take a slot like any other request.
    // Each tenant's requests queue for a slot at its place in the run (RequestSlots): the first started finish first.
    const rankOf = new Map<string, number>();
    const gdapTokens = new TenantTokenCache((tenantId) =>
      slots.run(async () => {
        if (signal.aborted) throw new Cancelled();
        return this.o.signIn.tokenForTenant(run.homeAccountId, 'grantAdminConsent', tenantId);
      }, rankOf.get(tenantId)),
    );
    const pcTokens = new TenantTokenCache(async () => ({ accessToken: await this.o.signIn.tokenFor(run.homeAccountId, 'partnerCenter'), expiresOn: null }));
    const gdapAccessAssignments = (relationshipId: string) =>
      readAllGraphPages<GdapAccessAssignment>(
        http,
        `${this.o.cloud.graphBaseUrl}/tenantRelationships/delegatedAdminRelationships/${encodeURIComponent(relationshipId)}/accessAssignments`,
        () => this.o.signIn.tokenFor(run.homeAccountId, 'listGdapCustomers'),
        signal,
      );
    const appSecret = await this.o.appSecret(run.workspaceId);
    // The resources' app roles, read from the first tenant that has them and reused for the rest of the run.
    const appRoleCatalog: AppRoleCatalog = new Map();
    const replication = new ReplicationEstimate();
    const pending = this.journal.unfinished(run.id);
    let lastEmit = 0;
    const changed: string[] = [];
    const repo = this.o.tenants.repo;
    // Written a batch per progress event (FinishedTenants).
    const finished = new FinishedTenants({ db: this.o.db, repo, journal: this.journal, workspaceId: run.workspaceId, runId: run.id });
    const flush = () => {
      for (const tenantId of finished.flush()) {
        active.rate.finished();
        changed.push(tenantId);
      }
    };
    const emit = (force = false) => {
      const nowMs = Date.now();
      if (!force && nowMs - lastEmit < (this.o.progressIntervalMs ?? 250)) return;
      lastEmit = nowMs;
      flush();
      this.flushThrottled(run.id, active);
      const current = this.journal.get(run.id);
      if (current) this.o.events.emit('consent.progress', this.progressOf(current));
      if (changed.length > 0) this.o.tenants.changed(run.workspaceId, 'status', changed.splice(0));
    };
    try {
      await mapPool(pending, tenantsInProgress(run.concurrency), async ({ tenantId }, rank) => {
        if (signal.aborted) return;
        const tenant = repo.get(run.workspaceId, tenantId);
        const at = () => this.now().toISOString();
        if (!tenant || !tenant.included) {
          this.journal.done(run.id, tenantId, 'excluded', at());
          return;
        }
        this.journal.begin(run.id, tenantId, at());
        rankOf.set(tenantId, rank);
        active.inFlight++;
        try {
          const deps: TenantWorkDeps = {
            target,
            mode: run.mode,
            cloud: this.o.cloud,
            http: http.ranked(rank),
            signal,
            now: this.now,
            gdapToken: (id) => gdapTokens.get(id),
            dropGdapToken: (id) => gdapTokens.drop(id),
            partnerCenterToken: () => pcTokens.get('partnerCenter'),
            // MSAL adds openid, profile and offline_access to every request: they need consent too.
            console: { clientId: this.o.signIn.clientId, displayName: 'Entra Onboard', graphScopes: [...stepScopes.grantAdminConsent.scopes, 'openid', 'profile', 'offline_access'] },
            cpvToken: async (appId) => {
              // CPV consents the app whose token calls it (facts §8.1): possible when the console signs in with that app.
              if (appId.toLowerCase() === this.o.signIn.clientId.toLowerCase()) return pcTokens.get('partnerCenter');
              throw new AppError(ErrorCode.PartnerCenterFailed, 'Partner Center consents only the app that calls it, and Entra Onboard signs in with another app.', {
                fix: 'Choose GDAP direct for this tenant, or sign in to Entra Onboard with the platform’s app (Sign-in app setting) to use Partner Center.',
              });
            },
            cpvPace: (appId) => this.cpvPacer(appId),
            appSecret,
            appRoleCatalog,
            replication,
            gdapAccessAssignments,
            step: (name) => this.journal.step(run.id, tenantId, name, at()),
          };
          const outcome = await processTenant(deps, tenant);
          finished.add(tenantId, outcome, at());
        } catch (error) {
          if (!(error instanceof Cancelled)) throw error;
        } finally {
          rankOf.delete(tenantId);
          active.inFlight--;
          emit();
        }
      });
    } finally {
      // Whatever ended the run (done, cancelled, a fault), the tenants that finished are written.
      flush();
    }
    if (!signal.aborted) await this.enableOnPlatform(run, signal);
    emit(true);
    this.journal.finish(run.id, signal.aborted ? 'cancelled' : 'succeeded', this.now().toISOString());
  }

  private cpvPacer(appId: string): RatePacer {
    const key = appId.toLowerCase();
    let pacer = this.cpvPacers.get(key);
    if (!pacer) this.cpvPacers.set(key, (pacer = new RatePacer(applicationConsentRateLimit)));
    return pacer;
  }

  /** Hands the tenants this run found consented and verified to the platform (issue 10 item 6). */
  private async enableOnPlatform(run: JournalRun, signal: AbortSignal): Promise<void> {
    const enabler = this.o.platformEnabler;
    if (!enabler) return;
    const repo = this.o.tenants.repo;
    const consented = this.journal
      .withOutcome(run.id, 'consented')
      .map((id) => repo.get(run.workspaceId, id))
      .filter((t): t is NonNullable<typeof t> => t !== undefined && t.platform?.state !== 'enabled');
    for (let i = 0; i < consented.length && !signal.aborted; i += 100) {
      const batch = consented.slice(i, i + 100);
      try {
        const answers = await enabler.enable(run.workspaceId, batch.map((t) => ({ tenantId: t.tenantId, domain: t.domain, name: t.name })), signal);
        if (!answers) return;
        const at = this.now().toISOString();
        for (const a of answers) repo.setPlatform(run.workspaceId, a.tenantId, { state: a.state, message: a.message, at });
        this.o.tenants.changed(run.workspaceId, 'platform', answers.map((a) => a.tenantId));
      } catch (error) {
        const at = this.now().toISOString();
        const message = error instanceof AppError ? `${error.message} ${error.fix ?? ''}`.trim() : `The platform did not answer: ${(error as Error).message}`;
        for (const t of batch) repo.setPlatform(run.workspaceId, t.tenantId, { state: 'failed', message, at });
      }
    }
  }

  /** Admin consent in the browser for one tenant, then its status read back from the tenant. */
  async consentInBrowser(workspaceId: string, homeAccountId: string, tenantId: string): Promise<{ granted: boolean }> {
    this.targetOf(workspaceId);
    if (!this.o.tenants.repo.has(workspaceId, tenantId)) {
      throw new AppError(ErrorCode.TenantNotFound, 'This tenant is not in the list.', { fix: 'Add it first (by domain or from a CSV file).' });
    }
    await this.o.consentInBrowser(workspaceId, homeAccountId, tenantId.toLowerCase());
    await this.start({ workspaceId, homeAccountId, selection: { tenantIds: [tenantId] }, mode: 'verify', concurrency: 1 });
    await this.settled(workspaceId);
    return { granted: true };
  }

  exportLinks(workspaceId: string, selection?: TenantSelection): { fileName: string; csv: string; message: string; count: number } {
    const target = this.targetOf(workspaceId);
    const ids = this.o.tenants.repo.select(
      workspaceId,
      selection ?? { filter: { included: true, strategies: ['adminConsentLink'], statuses: ['notStarted', 'accessNeeded', 'partiallyConsented', 'failed'] } },
    );
    const tenants = ids.map((id) => this.o.tenants.repo.get(workspaceId, id)).filter((t): t is NonNullable<typeof t> => t !== undefined);
    return adminConsentLinks(this.o.cloud.authorityHost, target, tenants, this.now());
  }
}
