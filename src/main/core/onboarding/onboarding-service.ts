import type { Database } from 'better-sqlite3';
import type { ChecklistItemDto, HandoverField, RunView, WizardDto } from '../../../shared/domain/onboarding';
import { ErrorCode } from '../../../shared/error-codes';
import type { SignInService } from '../auth/sign-in-service';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import { createGraphClient } from '../graph/create-graph-client';
import { readTenantOverview } from '../graph/read-tenant-overview';
import type { AppRegistrationSpec, PlatformProfile } from '../platforms/platform-profile';
import { platformProfiles } from '../platforms/platform-profiles';
import { capabilities, checkCapabilities, type Capability } from '../preflight/capabilities';
import { roleNames } from '../preflight/directory-roles';
import type { Vault } from '../vault/vault';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { AuditLog } from './audit-log';
import { ChecklistRepository } from './checklist-repository';
import { ManagedAppRepository } from './managed-app-repository';
import { ManagedObjectRepository } from './managed-object-repository';
import { OnboardingEngine, type CrashPoint, type PreviewItem } from './onboarding-engine';
import type { OnboardingStep, StepContext } from './onboarding-step';
import type { PlatformRequirements } from '../platforms/delivery/platform-api-types';
import { profileFromRequirements } from '../platforms/discovery-profile';
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
  /** A platform with no built-in profile: its discovery document, from its Platform Onboarding API. */
  platformRequirements?: (workspaceId: string) => Promise<PlatformRequirements>;
  platformConnection?: (workspaceId: string) => { platformName: string | null } | null;
}

/** What a run was planned from, kept with the run so it can be resumed exactly. */
interface RunPlan {
  /** For a discovery-driven platform: the requirements it was planned from (resume plans the same). */
  requirements?: PlatformRequirements;
  answers: Record<string, unknown>;
  adopt: Record<string, string>;
  partnerTenantId: string;
  homeAccountId: string;
}

/** The wizard for one workspace: answers, preview, apply (resumable), and what is handed over. */
export class OnboardingService {
  private readonly journal: RunJournal;
  private readonly apps: ManagedAppRepository;
  private readonly objects: ManagedObjectRepository;
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
    this.objects = new ManagedObjectRepository(o.db);
    this.answers = new WizardAnswersRepository(o.db);
    this.audit = new AuditLog(o.db);
    this.engine = new OnboardingEngine({
      journal: this.journal,
      now: this.now,
      onProgress: (p) => o.events.emit('run.progress', p),
      ...(o.crashAt ? { crashAt: o.crashAt } : {}),
    });
  }

  /** The built-in profile, or a discovery-driven one from the requirements a run was planned with. */
  private profileOf(workspaceId: string, plan?: RunPlan): PlatformProfile {
    const workspace = this.o.workspaces.get(workspaceId);
    if (workspace.platformId === 'custom') {
      if (plan?.requirements) return profileFromRequirements(plan.requirements);
      throw new AppError(ErrorCode.PlatformNotConnected, 'Connect to the platform first: its requirements come from its API.', {
        fix: 'Enter the platform’s API address and token below.',
      });
    }
    const profile = platformProfiles[workspace.platformId];
    if (!profile) {
      throw new AppError(ErrorCode.StepBlocked, 'The wizard for this platform is not available yet.', {
        fix: 'Follow the platform’s own setup guide for now; preflight above shows what your roles allow.',
      });
    }
    return profile;
  }

  /** The profile to plan with now: for a discovery-driven platform, its requirements read afresh. */
  private async liveProfile(workspaceId: string): Promise<{ profile: PlatformProfile; requirements?: PlatformRequirements }> {
    if (this.o.workspaces.get(workspaceId).platformId !== 'custom') return { profile: this.profileOf(workspaceId) };
    if (!this.o.platformRequirements || !this.o.platformConnection?.(workspaceId)) return { profile: this.profileOf(workspaceId) };
    const requirements = await this.o.platformRequirements(workspaceId);
    return { profile: profileFromRequirements(requirements), requirements };
  }

  private latestPlan(workspaceId: string): RunPlan | undefined {
    const run = this.journal.latestRun(workspaceId);
    return run ? (JSON.parse(run.planJson) as RunPlan) : undefined;
  }

  /** The answers a finished setup used (validated, defaults filled in). */
  answersOf(workspaceId: string): Record<string, unknown> {
    const plan = this.latestPlan(workspaceId);
    const profile = this.profileOf(workspaceId, plan);
    return this.validAnswers(profile, plan?.answers ?? this.answers.get(workspaceId));
  }

  /** The app registrations the workspace's last setup planned (for client-tenant consent). */
  appSpecs(workspaceId: string): AppRegistrationSpec[] {
    const plan = this.latestPlan(workspaceId);
    const profile = this.profileOf(workspaceId, plan);
    return profile.apps(this.validAnswers(profile, plan?.answers ?? this.answers.get(workspaceId)));
  }

  wizard(workspaceId: string): WizardDto {
    const workspace = this.o.workspaces.get(workspaceId);
    if (workspace.platformId === 'custom') {
      // Described by the platform itself: nothing to ask, once connected to its API.
      const connection = this.o.platformConnection?.(workspaceId) ?? null;
      return {
        supported: connection !== null,
        needsConnection: connection === null,
        platformName: connection?.platformName ?? 'your platform',
        guideTitle: 'the platform’s published requirements',
        manualSteps: 0,
        questions: [],
        answers: {},
        troubleshooting: [],
      };
    }
    const profile = platformProfiles[workspace.platformId];
    // Defaults first, then what the admin entered: an unanswered question shows its real default.
    const defaults = Object.fromEntries(
      (profile?.questions ?? []).flatMap((q) => ('default' in q && q.default !== undefined ? [[q.id, q.default] as const] : [])),
    );
    return {
      supported: profile !== undefined,
      needsConnection: false,
      platformName: profile?.name ?? workspace.platformId,
      guideTitle: profile?.guide.title ?? '',
      manualSteps: profile?.guide.manualSteps ?? 0,
      questions: profile?.questions ?? [],
      answers: { ...defaults, ...this.answers.get(workspaceId) },
      troubleshooting: profile?.troubleshooting ?? [],
    };
  }

  /** Saves the answers as given, then validates them; problems come back per question. */
  saveAnswers(workspaceId: string, answers: Record<string, unknown>): { valid: boolean; issues: { path: string; message: string }[] } {
    if (this.o.workspaces.get(workspaceId).platformId === 'custom') return { valid: true, issues: [] };
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
    const valid = this.validAnswers(profile, answers);
    const directory = profile.directoryObjects?.(valid);
    return planSteps(profile.apps(valid), directory ? { spec: directory, objects: this.objects } : undefined);
  }

  /** The step context for an admin: Graph clients per step's scopes, and what their roles allow. */
  private async context(workspaceId: string, plan: RunPlan, steps: OnboardingStep[], forApply: boolean): Promise<StepContext> {
    const { signIn, cloud } = this.o;
    const graph = (step: StepId) => createGraphClient({ cloud, fetchFn: signIn.cloudFetch, getAccessToken: () => signIn.tokenFor(plan.homeAccountId, step) });
    // Ask for every scope set up front, so consent or MFA surfaces now (once, for all of them),
    // not halfway through a run. A preview reads apps with findExistingApps; steps on groups and
    // Conditional Access have no read-only scope set and read with their own.
    const appScopes = new Set<StepId>(['registerApp', 'grantAdminConsent']);
    const needed: StepId[] = forApply
      ? ['signIn', ...new Set(steps.map((s) => s.scopes))]
      : ['signIn', 'findExistingApps', ...new Set(steps.map((s) => s.scopes).filter((s) => !appScopes.has(s)))];
    await authorizeAll(needed, (step) => signIn.tokenFor(plan.homeAccountId, step));
    const overview = await readTenantOverview(graph('signIn'));
    const checks = checkCapabilities(
      overview.roles.map((r) => r.templateId),
      Object.keys(capabilities) as Capability[],
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
    const { profile } = await this.liveProfile(workspaceId);
    const plan = await this.planFor(workspaceId, homeAccountId, adopt);
    const steps = this.stepsFor(profile, plan.answers);
    return this.engine.preview(await this.context(workspaceId, plan, steps, false), steps);
  }

  async apply(workspaceId: string, homeAccountId: string, adopt: Record<string, string> = {}): Promise<{ runId: string }> {
    this.assertIdle(workspaceId);
    const { profile, requirements } = await this.liveProfile(workspaceId);
    const plan = { ...(await this.planFor(workspaceId, homeAccountId, adopt)), ...(requirements ? { requirements } : {}) };
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
    const steps = this.stepsFor(this.profileOf(workspaceId, plan), plan.answers);
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
    const titles = new Map<string, string>();
    try {
      for (const s of this.stepsFor(this.profileOf(workspaceId, plan), plan.answers)) titles.set(s.id, s.title);
    } catch {
      // No profile any more, or answers changed shape since: fall back to step IDs.
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
    const plan = this.latestPlan(workspaceId);
    const profile = this.profileOf(workspaceId, plan);
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
        case 'group':
          return { ...base, value: this.objects.get(workspaceId, 'group', source.group)?.objectId ?? null };
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

  /**
   * What is left to do in the platform's own portal, from the answers setup used, with the admin's
   * ticks. Empty for a platform whose profile has no checklist.
   */
  checklist(workspaceId: string): ChecklistItemDto[] {
    const profile = platformProfiles[this.o.workspaces.get(workspaceId).platformId];
    if (!profile?.checklist) return [];
    const done = new Set(new ChecklistRepository(this.o.db).ticked(workspaceId));
    return profile.checklist(this.answersOf(workspaceId)).map((item) => ({ ...item, done: done.has(item.key) }));
  }

  /** Ticks or unticks one item; only items on the workspace's current checklist can be ticked. */
  tickChecklist(workspaceId: string, itemKey: string, done: boolean): ChecklistItemDto[] {
    if (!this.checklist(workspaceId).some((item) => item.key === itemKey)) {
      throw new AppError(ErrorCode.ValidationFailed, 'That step is not on this workspace’s checklist.', {
        fix: 'Reload the workspace: the checklist follows the answers the last setup used.',
      });
    }
    new ChecklistRepository(this.o.db).setTicked(workspaceId, itemKey, done, this.now().toISOString());
    return this.checklist(workspaceId);
  }
}
