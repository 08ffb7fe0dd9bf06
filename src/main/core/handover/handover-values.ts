import type { Database } from 'better-sqlite3';
import type { HandoverField } from '../../../shared/domain/onboarding';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import { AuditLog } from '../onboarding/audit-log';
import type { AppRole } from '../onboarding/desired-app';
import { ManagedAppRepository } from '../onboarding/managed-app-repository';
import { ManagedObjectRepository } from '../onboarding/managed-object-repository';
import { plannedProfile, validAnswers } from '../onboarding/planned-profile';
import { RunJournal } from '../onboarding/run-journal';
import { latestPlan } from '../onboarding/run-plan';
import type { AppRegistrationSpec } from '../platforms/platform-profile';
import { WizardAnswersRepository } from '../onboarding/wizard-answers-repository';
import type { Vault } from '../vault/vault';
import type { WorkspaceService } from '../workspaces/workspace-service';

export interface HandoverValuesOptions {
  db: Database;
  vault: Vault;
  workspaces: WorkspaceService;
  now?: () => Date;
}

/**
 * The values a finished setup hands to the platform, read from what the run recorded: for the copy
 * sheet (onboarding), the .env file and the Platform Onboarding API (delivery). Secrets stay in the
 * vault until asked for, and every read of one is audited.
 */
export class HandoverValues {
  private readonly journal: RunJournal;
  private readonly apps: ManagedAppRepository;
  private readonly objects: ManagedObjectRepository;
  private readonly answers: WizardAnswersRepository;
  private readonly audit: AuditLog;
  private readonly now: () => Date;

  constructor(private readonly o: HandoverValuesOptions) {
    this.journal = new RunJournal(o.db);
    this.apps = new ManagedAppRepository(o.db);
    this.objects = new ManagedObjectRepository(o.db);
    this.answers = new WizardAnswersRepository(o.db);
    this.audit = new AuditLog(o.db);
    this.now = o.now ?? (() => new Date());
  }

  /** The answers a finished setup used (validated, defaults filled in). */
  answersOf(workspaceId: string): Record<string, unknown> {
    const plan = latestPlan(this.journal, workspaceId);
    const profile = plannedProfile(this.o.workspaces, workspaceId, plan);
    return validAnswers(profile, plan?.answers ?? this.answers.get(workspaceId));
  }

  /** The app registrations the workspace's last setup planned (what client tenants consent to). */
  appSpecs(workspaceId: string): AppRegistrationSpec[] {
    const plan = latestPlan(this.journal, workspaceId);
    const profile = plannedProfile(this.o.workspaces, workspaceId, plan);
    return profile.apps(validAnswers(profile, plan?.answers ?? this.answers.get(workspaceId)));
  }

  /** The values the platform needs, after a successful run. Secrets by reference only. */
  fields(workspaceId: string): HandoverField[] {
    const plan = latestPlan(this.journal, workspaceId);
    const profile = plannedProfile(this.o.workspaces, workspaceId, plan);
    const answers = validAnswers(profile, plan?.answers ?? this.answers.get(workspaceId));
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

  /** The newest client secret's value, for the admin to copy or a delivery to send; every read is audited. */
  async revealSecret(workspaceId: string, role: string): Promise<{ value: string }> {
    const secret = this.apps.secrets(workspaceId, role as AppRole)[0];
    const value = secret ? await this.o.vault.get(secret.vaultRef) : undefined;
    if (!secret || !value) {
      throw new AppError(ErrorCode.StepBlocked, 'There is no client secret for this app yet.', { fix: 'Run the wizard: it creates one.' });
    }
    this.audit.record(workspaceId, 'secret.revealed', { role, keyId: secret.keyId, hint: secret.hint }, this.now().toISOString());
    return { value };
  }
}
