import type { Database } from 'better-sqlite3';
import type { HandoverField, RunView, WizardDto } from '../../../shared/domain/onboarding';
import { ErrorCode } from '../../../shared/error-codes';
import type { SignInService } from '../auth/sign-in-service';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import { createGraphClient } from '../graph/create-graph-client';
import { readTenantOverview } from '../graph/read-tenant-overview';
import type { PlatformProfile } from '../platforms/platform-profile';
import { platformProfiles } from '../platforms/platform-profiles';
import { checkCapabilities, type Capability } from '../preflight/capabilities';
import { roleNames } from '../preflight/directory-roles';
import type { Vault } from '../vault/vault';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { AuditLog } from './audit-log';
import { ManagedAppRepository } from './managed-app-repository';
import { OnboardingEngine, type CrashPoint, type PreviewItem } from './onboarding-engine';
import type { OnboardingStep, StepContext } from './onboarding-step';
import { planSteps } from './plan-steps';
import { RunJournal } from './run-journal';
import { authorizeAll } from './authorize-all';
import { WizardAnswersRepository } from './wizard-answers-repository';

export interface OnboardingServiceOptions {
  db: Database;
  workspaces: WorkspaceService;
  signIn: SignInService;
  cloud: CloudProfile;
  vault: Vault;
  events: EventBus;
  now?: () => Date;
  crashAt?: CrashPoint;
}

/** What a run was planned from, kept with the run so it can be resumed exactly. */
interface RunPlan {
  answers: Record<string, unknown>;
  adopt: Record<string, string>;
  partnerTenantId: string;
  homeAccountId: string;
}

/** The wizard for one workspace: answers, preview, apply (resumable), and what is handed over. */
export class OnboardingService {
  private readonly journal: RunJournal;
  private readonly apps: ManagedAppRepository;
  private readonly answers: WizardAnswersRepository;
  private readonly audit: AuditLog;
  private readonly engine: OnboardingEngine;
  private readonly now: () => Date;
  /** Runs this process is working on; a "running" run not in here was interrupted. */
  private readonly active = new Map<string, Promise<unknown>>();

  constructor(private readonly o: OnboardingServiceOptions) {
    this.now = o.now ?? (() => new Date());
    this.journal = new RunJournal(o.db);
    this.apps = new ManagedAppRepository(o.db);
    this.answers = new WizardAnswersRepository(o.db);
    this.audit = new AuditLog(o.db);
    this.engine = new OnboardingEngine({
      journal: this.journal,
      now: this.now,
      onProgress: (p) => o.events.emit('run.progress', p),
      ...(o.crashAt ? { crashAt: o.crashAt } : {}),
    });
  }

  private profileOf(workspaceId: string): PlatformProfile {
    const workspace = this.o.workspaces.get(workspaceId);
    const profile = platformProfiles[workspace.platformId];
    if (!profile) {
      throw new AppError(ErrorCode.StepBlocked, 'The wizard for this platform is not available yet.', {
        fix: 'Follow the platform’s own setup guide for now; preflight above shows what your roles allow.',
      });
    }
    return profile;
  }

  wizard(workspaceId: string): WizardDto {
    const workspace = this.o.workspaces.get(workspaceId);
    const profile = platformProfiles[workspace.platformId];
    return {
      supported: profile !== undefined,
      platformName: profile?.name ?? workspace.platformId,
      guideTitle: profile?.guide.title ?? '',
      manualSteps: profile?.guide.manualSteps ?? 0,
      questions: profile?.questions ?? [],
      answers: this.answers.get(workspaceId),
    };
  }

  /** Saves the answers as given, then validates them; problems come back per question. */
  saveAnswers(workspaceId: string, answers: Record<string, unknown>): { valid: boolean; issues: { path: string; message: string }[] } {
    const profile = this.profileOf(workspaceId);
    this.answers.save(workspaceId, answers, this.now().toISOString());
    const parsed = profile.answers.safeParse(answers);
    return parsed.success
      ? { valid: true, issues: [] }
      : { valid: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }

  private validAnswers(profile: PlatformProfile, answers: Record<string, unknown>): Record<string, unknown> {
    const parsed = profile.answers.safeParse(answers);
    if (!parsed.success) {
      throw new AppError(ErrorCode.WizardAnswersInvalid, parsed.error.issues[0]?.message ?? 'Some answers are not valid.', {
        fix: 'Correct the highlighted answers, then preview again.',
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      });
    }
    return parsed.data;
  }

  private stepsFor(profile: PlatformProfile, answers: Record<string, unknown>): OnboardingStep[] {
    return planSteps(profile.apps(this.validAnswers(profile, answers)));
  }

  /** The step context for an admin: Graph clients per step's scopes, and what their roles allow. */
  private async context(workspaceId: string, plan: RunPlan, steps: OnboardingStep[], forApply: boolean): Promise<StepContext> {
    const { signIn, cloud } = this.o;
    const graph = (step: StepId) => createGraphClient({ cloud, fetchFn: signIn.cloudFetch, getAccessToken: () => signIn.tokenFor(plan.homeAccountId, step) });
    // Ask for every scope set up front, so consent or MFA surfaces now (once, for all of them),
    // not halfway through a run.
    const needed: StepId[] = forApply ? ['signIn', ...new Set(steps.map((s) => s.scopes))] : ['signIn', 'findExistingApps'];
    await authorizeAll(needed, (step) => signIn.tokenFor(plan.homeAccountId, step));
    const overview = await readTenantOverview(graph('signIn'));
    const checks = checkCapabilities(
      overview.roles.map((r) => r.templateId),
      ['manageAppRegistrations', 'consentDelegated', 'consentApplication', 'assignUsers'],
      (id) => roleNames[id] ?? id,
    );
    const allowed = new Set(checks.filter((c) => c.allowed !== 'no').map((c) => c.capability));
    return {
      workspaceId,
      partnerTenantId: plan.partnerTenantId,
      cloud,
      fetchFn: signIn.cloudFetch,
      graph,
      apps: this.apps,
      vault: this.o.vault,
      can: (c: Capability) => allowed.has(c),
      adopt: plan.adopt,
      runId: '',
      now: this.now,
      report: () => {},
    };
  }

  private async planFor(workspaceId: string, homeAccountId: string, adopt: Record<string, string>): Promise<RunPlan> {
    const account = (await this.o.signIn.accounts()).find((a) => a.homeAccountId === homeAccountId);
    if (!account) throw new AppError(ErrorCode.AccountNotFound, 'This account is no longer signed in.', { fix: 'Sign in again.' });
    return { answers: this.answers.get(workspaceId), adopt, partnerTenantId: account.tenantId, homeAccountId };
  }

  async preview(workspaceId: string, homeAccountId: string, adopt: Record<string, string> = {}): Promise<PreviewItem[]> {
    const profile = this.profileOf(workspaceId);
    const plan = await this.planFor(workspaceId, homeAccountId, adopt);
    const steps = this.stepsFor(profile, plan.answers);
    return this.engine.preview(await this.context(workspaceId, plan, steps, false), steps);
  }

  async apply(workspaceId: string, homeAccountId: string, adopt: Record<string, string> = {}): Promise<{ runId: string }> {
    this.assertIdle(workspaceId);
    const profile = this.profileOf(workspaceId);
    const plan = await this.planFor(workspaceId, homeAccountId, adopt);
    const steps = this.stepsFor(profile, plan.answers);
    const ctx = await this.context(workspaceId, plan, steps, true);
    const runId = this.engine.start(workspaceId, steps, JSON.stringify(plan));
    this.audit.record(workspaceId, 'onboarding.apply', { runId, platform: profile.id, partnerTenantId: plan.partnerTenantId }, this.now().toISOString());
    this.launch(workspaceId, runId, ctx, steps);
    return { runId };
  }

  /** Continues an interrupted run at its first unfinished step, as planned. */
  async resume(workspaceId: string): Promise<{ runId: string }> {
    this.assertIdle(workspaceId);
    const run = this.journal.latestRun(workspaceId);
    if (!run || run.status !== 'running') {
      throw new AppError(ErrorCode.StepBlocked, 'There is no interrupted run to resume.', { fix: 'Preview and apply instead.' });
    }
    const plan = JSON.parse(run.planJson) as RunPlan;
    const steps = this.stepsFor(this.profileOf(workspaceId), plan.answers);
    const ctx = await this.context(workspaceId, plan, steps, true);
    this.audit.record(workspaceId, 'onboarding.resume', { runId: run.id }, this.now().toISOString());
    this.launch(workspaceId, run.id, ctx, steps);
    return { runId: run.id };
  }

  private assertIdle(workspaceId: string): void {
    if (this.active.has(workspaceId)) {
      throw new AppError(ErrorCode.RunInProgress, 'Setup is already running for this workspace.', { fix: 'Wait for it to finish; progress is shown below.' });
    }
  }

  private launch(workspaceId: string, runId: string, ctx: StepContext, steps: OnboardingStep[]): void {
    const work = this.engine
      .run(runId, ctx, steps)
      .catch((error: unknown) => {
        console.error(`[onboarding] run ${runId} stopped`, error);
        return 'failed' as const;
      })
      .then((status) => {
        this.active.delete(workspaceId);
        this.audit.record(workspaceId, 'onboarding.finished', { runId, status }, this.now().toISOString());
        this.o.events.emit('run.finished', { workspaceId, runId, status });
      });
    this.active.set(workspaceId, work);
  }

  /** Resolves when the workspace's current run has ended (for tests and orderly shutdown). */
  async settled(workspaceId: string): Promise<void> {
    await this.active.get(workspaceId);
  }

  runView(workspaceId: string): RunView | null {
    const run = this.journal.latestRun(workspaceId);
    if (!run) return null;
    const plan = JSON.parse(run.planJson) as RunPlan;
    const profile = platformProfiles[this.o.workspaces.get(workspaceId).platformId];
    const titles = new Map<string, string>();
    if (profile) {
      try {
        for (const s of this.stepsFor(profile, plan.answers)) titles.set(s.id, s.title);
      } catch {
        // Answers changed shape since: fall back to step IDs.
      }
    }
    return {
      runId: run.id,
      status: run.status,
      interrupted: run.status === 'running' && !this.active.has(workspaceId),
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      steps: this.journal.steps(run.id).map((s) => ({
        seq: s.seq,
        stepId: s.stepId,
        title: titles.get(s.stepId) ?? s.stepId,
        status: s.status,
        attempts: s.attempts,
        ...(s.status === 'failed' && s.errorJson ? { error: JSON.parse(s.errorJson) as { code: string; message: string; fix?: string } } : {}),
      })),
    };
  }

  /** The values the platform needs, after a successful run. Secrets by reference only. */
  handover(workspaceId: string): HandoverField[] {
    const profile = this.profileOf(workspaceId);
    const run = this.journal.latestRun(workspaceId);
    const plan = run ? (JSON.parse(run.planJson) as RunPlan) : undefined;
    const answers = this.validAnswers(profile, plan?.answers ?? this.answers.get(workspaceId));
    return profile.outputs(answers).map((field): HandoverField => {
      const base = { key: field.key, label: field.label, secret: field.secret };
      const source = field.source;
      switch (source.from) {
        case 'constant':
          return { ...base, value: source.value };
        case 'answer':
          return { ...base, value: answers[source.question] === undefined ? null : String(answers[source.question]) };
        case 'partnerTenantId':
          return { ...base, value: plan?.partnerTenantId ?? null };
        case 'app': {
          if (source.field === 'clientId') return { ...base, value: this.apps.get(workspaceId, source.app)?.appId ?? null };
          const secret = this.apps.secrets(workspaceId, source.app)[0];
          return { ...base, value: null, ...(secret ? { secretOf: { role: source.app, hint: secret.hint, endDateTime: secret.endDateTime } } : {}) };
        }
      }
    });
  }

  /** The newest client secret's value, for the admin to copy; every reveal is audited. */
  async revealSecret(workspaceId: string, role: string): Promise<{ value: string }> {
    const secret = this.apps.secrets(workspaceId, role as 'main' | 'partnerCenter')[0];
    const value = secret ? await this.o.vault.get(secret.vaultRef) : undefined;
    if (!secret || !value) {
      throw new AppError(ErrorCode.StepBlocked, 'There is no client secret for this app yet.', { fix: 'Run the wizard: it creates one.' });
    }
    this.audit.record(workspaceId, 'secret.revealed', { role, keyId: secret.keyId, hint: secret.hint }, this.now().toISOString());
    return { value };
  }
}
