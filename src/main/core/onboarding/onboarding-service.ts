import type { Database } from 'better-sqlite3';
import type { ChecklistItemDto, HandoverField, RunView, WizardDto } from '../../../shared/domain/onboarding';
import { ErrorCode } from '../../../shared/error-codes';
import { permissionsFor, type PlanPermission } from '../auth/plan-permissions';
import type { SignInService } from '../auth/sign-in-service';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';
import { createGraphClient } from '../graph/create-graph-client';
import { readTenantOverview } from '../graph/read-tenant-overview';
import type { PlatformProfile } from '../platforms/platform-profile';
import { platformProfiles } from '../platforms/platform-profiles';
import { canConsentForTheOrganization, capabilities, checkCapabilities, type Capability } from '../preflight/capabilities';
import { ADMIN_CONSENT_ROLES, adminConsentUrlForSteps, stepsAwaitingAdminConsent } from './admin-consent-route';
import { roleNames } from '../preflight/directory-roles';
import type { Vault } from '../vault/vault';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { withActivityScope } from '../activity/activity-scope';
import { AuditLog } from './audit-log';
import { ChecklistRepository } from './checklist-repository';
import { ManagedAppRepository } from './managed-app-repository';
import { ManagedObjectRepository } from './managed-object-repository';
import { OnboardingEngine, type PreviewItem } from './onboarding-engine';
import type { OnboardingStep, StepContext } from './onboarding-step';
import type { PlatformRequirements } from '../platforms/delivery/platform-api-types';
import { profileFromRequirements } from '../platforms/discovery-profile';
import { planSteps } from './plan-steps';
import { RunJournal } from './run-journal';
import { authorizeAll } from './authorize-all';
import { WizardAnswersRepository } from './wizard-answers-repository';
import { plannedProfile, validAnswers } from './planned-profile';
import type { RunPlan } from './run-plan';
import type { HandoverValues } from '../handover/handover-values';

export interface OnboardingServiceOptions {
  db: Database;
  workspaces: WorkspaceService;
  signIn: SignInService;
  cloud: CloudProfile;
  vault: Vault;
  events: EventBus;
  now?: () => Date;
  /** A platform with no built-in profile: its discovery document, from its Platform Onboarding API. */
  platformRequirements?: (workspaceId: string) => Promise<PlatformRequirements>;
  platformConnection?: (workspaceId: string) => { platformName: string | null } | null;
  /** What a finished run hands over (shared with platform delivery). */
  handover: HandoverValues;
}

function awaitingConsentError(awaiting: StepId[]): AppError {
  return new AppError(ErrorCode.StepBlocked, 'Some steps of this setup need an administrator’s consent that your roles cannot give (AADSTS90094).', {
    fix: `Preview again and follow its admin consent link: ${ADMIN_CONSENT_ROLES} accepts the permissions once, then apply.`,
    details: { awaitingAdminConsent: awaiting },
  });
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
    });
  }

  private profileOf(workspaceId: string, plan?: RunPlan): PlatformProfile {
    return plannedProfile(this.o.workspaces, workspaceId, plan);
  }

  /** The profile to plan with now: for a discovery-driven platform, its requirements read afresh. */
  private async liveProfile(workspaceId: string): Promise<{ profile: PlatformProfile; requirements?: PlatformRequirements }> {
    if (this.o.workspaces.get(workspaceId).platformId !== 'custom') return { profile: this.profileOf(workspaceId) };
    if (!this.o.platformRequirements || !this.o.platformConnection?.(workspaceId)) return { profile: this.profileOf(workspaceId) };
    const requirements = await this.o.platformRequirements(workspaceId);
    return { profile: profileFromRequirements(requirements), requirements };
  }

  /** The answers a finished setup used (validated, defaults filled in). */
  answersOf(workspaceId: string): Record<string, unknown> {
    return this.o.handover.answersOf(workspaceId);
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

  private stepsFor(profile: PlatformProfile, answers: Record<string, unknown>): OnboardingStep[] {
    const valid = validAnswers(profile, answers);
    const directory = profile.directoryObjects?.(valid);
    return planSteps(profile.apps(valid), directory ? { spec: directory, objects: this.objects } : undefined);
  }

  /**
   * Every scope set a plan uses: sign-in, reading existing apps (preview and verify), and each
   * step's own. Asked for together, once, so a setup is one consent (least privilege: only what
   * this plan's steps need).
   */
  private scopeSteps(steps: OnboardingStep[]): StepId[] {
    return [...new Set<StepId>(['signIn', 'findExistingApps', ...steps.map((s) => s.scopes)])];
  }

  /**
   * The step context for an admin: Graph clients per step's scopes, and what their roles allow. `awaiting`: the
   * plan's steps whose permissions need an administrator's consent this admin cannot give (see
   * stepsAwaitingAdminConsent); they are left out of the one consent, which Entra would refuse with AADSTS90094.
   */
  private async context(workspaceId: string, plan: RunPlan, steps: OnboardingStep[]): Promise<{ ctx: StepContext; awaiting: StepId[] }> {
    const { signIn, cloud } = this.o;
    const graph = (step: StepId) => createGraphClient({ cloud, fetchFn: signIn.cloudFetch, getAccessToken: () => signIn.tokenFor(plan.homeAccountId, step) });
    const tokenFor = (step: StepId) => signIn.tokenFor(plan.homeAccountId, step);
    const all = this.scopeSteps(steps);
    // Sign-in's own token first (User.Read): an expired sign-in or MFA demand surfaces as the whole plan's one sign-in.
    const signInToken = await tokenFor('signIn').catch(async (error: unknown) => {
      if (error instanceof AppError && error.code === ErrorCode.SignInRequired) await authorizeAll(all, tokenFor);
      throw error;
    });
    const overview = await readTenantOverview(graph('signIn'), signInToken);
    const roleIds = overview.roles.map((r) => r.templateId);
    const awaiting = canConsentForTheOrganization(roleIds) ? [] : await stepsAwaitingAdminConsent(all, tokenFor);
    // Preview asks for the whole plan's permissions, so consent or MFA surfaces there, once, and
    // apply (or resume) finds every token silent instead of stopping halfway through a run.
    await authorizeAll(
      all.filter((s) => !awaiting.includes(s)),
      tokenFor,
    );
    const checks = checkCapabilities(roleIds, Object.keys(capabilities) as Capability[], (id) => roleNames[id] ?? id);
    const allowed = new Set(checks.filter((c) => c.allowed !== 'no').map((c) => c.capability));
    const ctx: StepContext = {
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
    return { ctx, awaiting };
  }

  /**
   * Steps the admin cannot run until an administrator consents, shown as blocked with Microsoft's admin consent
   * URL instead of being promised. Preview reads the tenant with sign-in's and findExistingApps' permissions, so
   * while those await consent, no step can be previewed.
   */
  private awaitingItems(plan: RunPlan, steps: OnboardingStep[], awaiting: StepId[]): Map<string, PreviewItem> {
    const items = new Map<string, PreviewItem>();
    if (awaiting.length === 0) return items;
    const url = adminConsentUrlForSteps({ cloud: this.o.cloud, tenantId: plan.partnerTenantId, clientId: this.o.signIn.clientId, steps: awaiting });
    const previewBlocked = awaiting.includes('findExistingApps');
    const permissions = permissionsFor(awaiting).map((p) => p.scope).join(', ');
    for (const step of steps) {
      if (!previewBlocked && !awaiting.includes(step.scopes)) continue;
      items.set(step.id, {
        stepId: step.id,
        title: step.title,
        why: step.why,
        action: 'blocked',
        summary: 'Needs an administrator’s consent first',
        details: [
          `Your roles allow you to sign in, but not to consent to the permissions this setup uses (${permissions}): Microsoft answers "Need admin approval" (AADSTS90094).`,
          `Ask ${ADMIN_CONSENT_ROLES} to open Microsoft’s admin consent page and accept them for your organization (copy the link below, or use "Grant admin consent in the browser" and let them sign in). Then preview again: nothing else changes.`,
        ],
        adminConsent: { url, steps: awaiting, roles: ADMIN_CONSENT_ROLES },
      });
    }
    return items;
  }

  private async planFor(workspaceId: string, homeAccountId: string, adopt: Record<string, string>): Promise<RunPlan> {
    const account = (await this.o.signIn.accounts()).find((a) => a.homeAccountId === homeAccountId);
    if (!account) throw new AppError(ErrorCode.AccountNotFound, 'This account is no longer signed in.', { fix: 'Sign in again.' });
    return { answers: this.answers.get(workspaceId), adopt, partnerTenantId: account.tenantId, homeAccountId };
  }

  async preview(workspaceId: string, homeAccountId: string, adopt: Record<string, string> = {}): Promise<PreviewItem[]> {
    return (await this.previewPlan(workspaceId, homeAccountId, adopt)).items;
  }

  /** The preview, and each permission the plan asks for once, with the reasons of the steps using it. */
  async previewPlan(
    workspaceId: string,
    homeAccountId: string,
    adopt: Record<string, string> = {},
  ): Promise<{ items: PreviewItem[]; permissions: PlanPermission[] }> {
    const { profile } = await this.liveProfile(workspaceId);
    const plan = await this.planFor(workspaceId, homeAccountId, adopt);
    const steps = this.stepsFor(profile, plan.answers);
    const { ctx, awaiting } = await this.context(workspaceId, plan, steps);
    const blocked = this.awaitingItems(plan, steps, awaiting);
    const inspected = await this.engine.preview(ctx, steps.filter((s) => !blocked.has(s.id)));
    const items = steps.flatMap((s) => blocked.get(s.id) ?? inspected.find((i) => i.stepId === s.id) ?? []);
    return { items, permissions: permissionsFor(this.scopeSteps(steps).filter((s) => !awaiting.includes(s))) };
  }

  async apply(workspaceId: string, homeAccountId: string, adopt: Record<string, string> = {}): Promise<{ runId: string }> {
    this.assertIdle(workspaceId);
    const { profile, requirements } = await this.liveProfile(workspaceId);
    const plan = { ...(await this.planFor(workspaceId, homeAccountId, adopt)), ...(requirements ? { requirements } : {}) };
    const steps = this.stepsFor(profile, plan.answers);
    const { ctx, awaiting } = await this.context(workspaceId, plan, steps);
    if (awaiting.length > 0) throw awaitingConsentError(awaiting);
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
    const { ctx, awaiting } = await this.context(workspaceId, plan, steps);
    if (awaiting.length > 0) throw awaitingConsentError(awaiting);
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
    // The run's writes are logged under this workspace whoever started it (a handler, a test, a resume).
    const work = withActivityScope({ workspaceId, operation: 'onboarding.run' }, () => this.engine.run(runId, ctx, steps))
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
    return this.o.handover.fields(workspaceId);
  }

  /** The newest client secret's value, for the admin to copy; every reveal is audited. */
  revealSecret(workspaceId: string, role: string): Promise<{ value: string }> {
    return this.o.handover.revealSecret(workspaceId, role);
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
