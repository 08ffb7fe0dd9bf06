import type { Client } from '@microsoft/microsoft-graph-client';
import type { Database } from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DeliveryMode, RotationResult, RotationStep } from '../../../shared/domain/secrets';
import { ErrorCode } from '../../../shared/error-codes';
import type { AppErrorShape } from '../../../shared/result';
import type { CloudProfile } from '../clouds/cloud-profile';
import { AppError } from '../errors/app-error';
import { getApplicationByAppId, removePassword } from '../graph/ops/applications';
import { graphErrorInfo } from '../graph/ops/graph-error-info';
import type { GraphApplication } from '../graph/ops/graph-types';
import type { HandoverValues } from '../handover/handover-values';
import type { CloudFetch } from '../net/cloud-fetch';
import { SECRET_DISPLAY_NAME_PREFIX, secretVaultRef, type AppRole } from '../onboarding/desired-app';
import { ManagedAppRepository, type ManagedSecret } from '../onboarding/managed-app-repository';
import { RunJournal } from '../onboarding/run-journal';
import { latestPlan } from '../onboarding/run-plan';
import { addSecretWithinPolicy } from '../onboarding/steps/add-secret-within-policy';
import type { PushResult } from '../platforms/delivery/platform-delivery-service';
import type { Vault } from '../vault/vault';
import { requestClientCredentialsToken, waitUntilSecretWorks } from './client-credentials-check';
import { forgetSecretsGoneFromEntra } from './forget-secrets-gone';
import { RotationJournal, type RotationRecord } from './rotation-journal';

/** How a workspace hands values to its platform: the delivery module's push and .env file, or the copy sheet. */
export interface RotationDelivery {
  mode(workspaceId: string): DeliveryMode;
  push(workspaceId: string): Promise<PushResult>;
  writeEnvFile(workspaceId: string): Promise<{ path: string }>;
}

export interface SecretRotationOptions {
  db: Database;
  vault: Vault;
  cloud: Pick<CloudProfile, 'authorityHost' | 'graphResource'>;
  fetchFn: CloudFetch;
  /** A Graph client signed in as this account with the registerApp step's scope (Application.ReadWrite.All). */
  graph(homeAccountId: string): Client;
  handover: HandoverValues;
  delivery: RotationDelivery;
  now?: () => Date;
  /** How long to wait for Microsoft to replicate the new secret before giving up (default five minutes). */
  replicationMaxMs?: number;
}

const describe = (error: unknown): AppErrorShape =>
  error instanceof AppError ? error.toShape() : { code: ErrorCode.GraphFailed, message: graphErrorInfo(error).message };

const roleWords = (role: AppRole) => (role === 'main' ? 'client secret' : 'Partner Center app’s client secret');

/**
 * Rotates a workspace's client secret in the order the platform guides describe, safe at each step:
 * 1. create the new secret (marked pending first, so a crash cannot orphan it; value straight into the vault),
 * 2. hand it to the platform (push through the Platform Onboarding API, a .env file, or the copy sheet),
 * 3. verify it with a real client-credentials token request (and the platform's own test after a push),
 * 4. only then remove the old secret from Entra and the vault.
 * When the hand-over or the check fails, the new secret is removed again (Entra and vault) and the old one
 * keeps working; the result says step by step what happened.
 */
export class SecretRotation {
  private readonly apps: ManagedAppRepository;
  private readonly runs: RunJournal;
  private readonly journal: RotationJournal;
  private readonly now: () => Date;

  constructor(private readonly o: SecretRotationOptions) {
    this.apps = new ManagedAppRepository(o.db);
    this.runs = new RunJournal(o.db);
    this.journal = new RotationJournal(o.db);
    this.now = o.now ?? (() => new Date());
  }

  private context(workspaceId: string, role: AppRole, homeAccountId: string | undefined) {
    const plan = latestPlan(this.runs, workspaceId);
    const managed = this.apps.get(workspaceId, role);
    if (!plan || !managed?.appObjectId || !managed.appId) {
      throw new AppError(ErrorCode.StepBlocked, 'This workspace has no app registration with a client secret to rotate yet.', {
        fix: 'Run the workspace’s guided setup first; it creates the app and its first secret.',
      });
    }
    const account = homeAccountId ?? plan.homeAccountId;
    return { tenantId: plan.partnerTenantId, appId: managed.appId, appObjectId: managed.appObjectId, client: this.o.graph(account) };
  }

  private async liveApp(client: Client, appId: string): Promise<GraphApplication> {
    const live = await getApplicationByAppId(client, appId);
    if (!live) {
      throw new AppError(ErrorCode.ResourceMissing, 'The app registration is no longer in your tenant.', {
        fix: 'Run the workspace’s guided setup again: it recreates the app and a new secret.',
      });
    }
    return live;
  }

  /** Starts a rotation; with a connected platform it runs to the end, otherwise it waits for the admin's hand-over. */
  async start(workspaceId: string, role: AppRole, homeAccountId?: string): Promise<RotationResult> {
    const open = this.journal.latest(workspaceId, role);
    if (open && open.stage === 'awaitingHandover') {
      // Never a second new secret beside one waiting to be handed over: the waiting rotation is shown again,
      // so the admin can finish or cancel it (after a restart too).
      if (open.result) return { ...open.result, message: `This rotation was already waiting for you. ${open.result.message}` };
      throw new AppError(ErrorCode.RunInProgress, 'A rotation of this secret is waiting for you to hand the new secret to the platform.', {
        fix: 'Finish it (once the platform has the new secret) or cancel it, then start again.',
      });
    }
    const ctx = this.context(workspaceId, role, homeAccountId);
    // An earlier rotation interrupted (crash, closed laptop) before it finished: its new secret was never
    // confirmed to work, so it is undone first and the old ones stay as they are.
    if (open && (open.stage === 'created' || open.stage === 'delivered')) {
      await this.undoNew(ctx, open);
      this.journal.record({ ...open, stage: 'rolledBack' }, this.now());
    }

    const live = await this.liveApp(ctx.client, ctx.appId);
    await forgetSecretsGoneFromEntra(this.apps, this.o.vault, workspaceId, role, live);
    await this.removeOrphans(ctx.client, ctx.appObjectId, workspaceId, role, live);
    const old = this.apps.secrets(workspaceId, role);
    const delivery = this.o.delivery.mode(workspaceId);
    const steps: Record<RotationStep['key'], RotationStep> = {
      create: { key: 'create', status: 'pending', detail: 'Create a new client secret' },
      deliver: { key: 'deliver', status: 'pending', detail: deliverWords[delivery] },
      verify: { key: 'verify', status: 'pending', detail: 'Test the new secret with a real token request' },
      removeOld: { key: 'removeOld', status: 'pending', detail: old.length ? `Remove the old secret ${old.map((s) => `${s.hint}…`).join(', ')}` : 'No old secret to remove' },
    };

    // 1. Create. The marker is written before Microsoft is asked, so a value lost to a crash is recognised and removed.
    const at = this.now();
    const marker = `${SECRET_DISPLAY_NAME_PREFIX}${at.toISOString().slice(0, 10)} #${randomBytes(4).toString('hex')}`;
    this.apps.markSecretPending(workspaceId, role, marker, at.toISOString());
    const lifetimeMonths = this.o.handover.appSpecs(workspaceId).find((s) => s.role === role)?.secret?.lifetimeMonths ?? 12;
    const credential = await addSecretWithinPolicy(ctx.client, ctx.appObjectId, marker, at, lifetimeMonths, () => undefined);
    if (!credential.secretText) throw new Error('Microsoft returned no secret value for the new client secret.');
    const fresh: ManagedSecret = {
      role,
      keyId: credential.keyId,
      hint: credential.hint,
      startDateTime: credential.startDateTime,
      endDateTime: credential.endDateTime,
      vaultRef: secretVaultRef(workspaceId, role, credential.keyId),
    };
    await this.o.vault.put(fresh.vaultRef, credential.secretText);
    this.apps.addSecret(workspaceId, fresh, at.toISOString(), marker);
    const record: RotationRecord = {
      rotationId: randomUUID(),
      workspaceId,
      role,
      delivery,
      stage: 'created',
      newKeyId: fresh.keyId,
      oldKeyIds: old.map((s) => s.keyId),
      marker,
    };
    this.journal.record(record, this.now());
    steps.create = { key: 'create', status: 'done', detail: `Created the new client secret ${fresh.hint}… (valid until ${fresh.endDateTime.slice(0, 10)})` };
    const result = (outcome: RotationResult['outcome'], message: string, error: AppErrorShape | null, envFilePath: string | null = null): RotationResult => ({
      rotationId: record.rotationId,
      workspaceId,
      role,
      delivery,
      outcome,
      steps: Object.values(steps),
      message,
      newSecret: outcome === 'rolledBack' ? null : { keyId: fresh.keyId, hint: fresh.hint, endDateTime: fresh.endDateTime },
      envFilePath,
      error: error ? { code: error.code, message: error.message, ...(error.fix ? { fix: error.fix } : {}) } : null,
    });

    // Microsoft refuses a secret for a while after creating it (7000215); handing the platform one it
    // cannot use yet would break its sign-ins, so the platform gets it only once Entra accepts it.
    try {
      await waitUntilSecretWorks(this.o.fetchFn, this.o.cloud, {
        tenantId: ctx.tenantId,
        clientId: ctx.appId,
        secret: credential.secretText,
        onWait: () => undefined,
        ...(this.o.replicationMaxMs ? { maxMs: this.o.replicationMaxMs } : {}),
      });
    } catch (error) {
      steps.verify = { key: 'verify', status: 'failed', detail: `Microsoft did not accept the new secret: ${describe(error).message}` };
      steps.deliver = { key: 'deliver', status: 'skipped', detail: 'Not handed to the platform: the new secret did not work yet' };
      return this.rollBack(ctx, record, steps, result, describe(error), false);
    }

    // 2. Hand it over.
    if (delivery === 'push') {
      let pushed: PushResult;
      try {
        pushed = await this.o.delivery.push(workspaceId);
      } catch (error) {
        const shape = describe(error);
        steps.deliver = { key: 'deliver', status: 'failed', detail: `The platform did not take the new secret: ${shape.message}` };
        steps.verify = { key: 'verify', status: 'skipped', detail: 'Not tested on the platform: the push failed' };
        return this.rollBack(ctx, record, steps, result, shape, false);
      }
      this.journal.record({ ...record, stage: 'delivered' }, this.now());
      steps.deliver = { key: 'deliver', status: 'done', detail: 'Pushed the new secret to the platform; it read back as sent' };
      if (!pushed.readBack.matches || !pushed.test.ok) {
        const why = !pushed.readBack.matches ? `the platform read back differently (${pushed.readBack.problems.join('; ')})` : `the platform’s own test failed (${pushed.test.checks.filter((c) => !c.ok).map((c) => c.message).join('; ')})`;
        steps.verify = { key: 'verify', status: 'failed', detail: `The new secret was pushed but ${why}` };
        return this.rollBack(ctx, record, steps, result, { code: ErrorCode.VerificationFailed, message: `After the push, ${why}.` }, true);
      }
    } else {
      const envFilePath = delivery === 'envFile' ? await this.writeEnvFile(workspaceId, steps) : null;
      const final = result(
        'awaitingHandover',
        delivery === 'envFile'
          ? 'The new secret works. Replace the platform’s .env file with the one just written and restart it, then choose “Finish rotation”: only then is the old secret removed.'
          : 'The new secret works. Paste it into the platform (Copy takes it from the vault), then choose “Finish rotation”: only then is the old secret removed.',
        null,
        envFilePath,
      );
      this.journal.record({ ...record, stage: 'awaitingHandover', result: final }, this.now());
      return final;
    }

    // 3. Verify: the platform signs in with exactly this request.
    try {
      await requestClientCredentialsToken(this.o.fetchFn, this.o.cloud, { tenantId: ctx.tenantId, clientId: ctx.appId, secret: credential.secretText });
      steps.verify = { key: 'verify', status: 'done', detail: 'Entra issued a token for the new secret, and the platform’s own test passed' };
    } catch (error) {
      steps.verify = { key: 'verify', status: 'failed', detail: `Entra refused the new secret: ${describe(error).message}` };
      return this.rollBack(ctx, record, steps, result, describe(error), true);
    }

    // 4. Remove the old one, only now.
    return this.removeOld(ctx, record, old, steps, result);
  }

  /** The admin has handed the new secret over (.env or copy sheet): test it, then remove the old one. */
  async finish(rotationId: string, homeAccountId?: string): Promise<RotationResult> {
    const record = this.awaiting(rotationId);
    const ctx = this.context(record.workspaceId, record.role, homeAccountId);
    const steps = this.stepsOf(record);
    const fresh = this.apps.secrets(record.workspaceId, record.role).find((s) => s.keyId === record.newKeyId);
    const value = fresh ? await this.o.vault.get(fresh.vaultRef) : undefined;
    const result = this.resultFactory(record, fresh);
    steps.deliver = { key: 'deliver', status: 'done', detail: 'You confirmed the platform has the new secret' };
    if (!fresh || !value) {
      steps.verify = { key: 'verify', status: 'failed', detail: 'The new secret is no longer in the vault' };
      return this.rollBack(ctx, record, steps, result, { code: ErrorCode.VerificationFailed, message: 'The new secret is no longer in this computer’s vault.' }, false);
    }
    try {
      await requestClientCredentialsToken(this.o.fetchFn, this.o.cloud, { tenantId: ctx.tenantId, clientId: ctx.appId, secret: value });
      steps.verify = { key: 'verify', status: 'done', detail: 'Entra issued a token for the new secret' };
    } catch (error) {
      steps.verify = { key: 'verify', status: 'failed', detail: `Entra refused the new secret: ${describe(error).message}` };
      return this.rollBack(ctx, record, steps, result, describe(error), false);
    }
    const old = this.apps.secrets(record.workspaceId, record.role).filter((s) => record.oldKeyIds.includes(s.keyId));
    return this.removeOld(ctx, record, old, steps, result);
  }

  /** The admin gives up on a rotation waiting for hand-over: the new secret goes, the old one stays. */
  async cancel(rotationId: string, homeAccountId?: string): Promise<RotationResult> {
    const record = this.awaiting(rotationId);
    const ctx = this.context(record.workspaceId, record.role, homeAccountId);
    const steps = this.stepsOf(record);
    const fresh = this.apps.secrets(record.workspaceId, record.role).find((s) => s.keyId === record.newKeyId);
    steps.deliver = { key: 'deliver', status: 'skipped', detail: 'You cancelled before handing the new secret over' };
    return this.rollBack(ctx, record, steps, this.resultFactory(record, fresh), null, false);
  }

  private awaiting(rotationId: string): RotationRecord {
    const record = this.journal.get(rotationId);
    if (!record || record.stage !== 'awaitingHandover') {
      throw new AppError(ErrorCode.StepBlocked, 'That rotation is not waiting for you any more.', { fix: 'Open Secrets again to see each secret’s current state.' });
    }
    return record;
  }

  private stepsOf(record: RotationRecord): Record<RotationStep['key'], RotationStep> {
    const saved = record.result?.steps ?? [];
    const find = (key: RotationStep['key']) => saved.find((s) => s.key === key) ?? { key, status: 'pending' as const, detail: '' };
    return { create: find('create'), deliver: find('deliver'), verify: find('verify'), removeOld: find('removeOld') };
  }

  private resultFactory(record: RotationRecord, fresh: ManagedSecret | undefined) {
    return (outcome: RotationResult['outcome'], message: string, error: AppErrorShape | null, _env: string | null = null, steps?: RotationStep[]): RotationResult => ({
      rotationId: record.rotationId,
      workspaceId: record.workspaceId,
      role: record.role,
      delivery: record.delivery,
      outcome,
      steps: steps ?? [],
      message,
      newSecret: outcome === 'rolledBack' || !fresh ? null : { keyId: fresh.keyId, hint: fresh.hint, endDateTime: fresh.endDateTime },
      envFilePath: record.result?.envFilePath ?? null,
      error: error ? { code: error.code, message: error.message, ...(error.fix ? { fix: error.fix } : {}) } : null,
    });
  }

  private async writeEnvFile(workspaceId: string, steps: Record<RotationStep['key'], RotationStep>): Promise<string | null> {
    try {
      const { path } = await this.o.delivery.writeEnvFile(workspaceId);
      steps.deliver = { key: 'deliver', status: 'pending', detail: `Wrote the .env file with the new secret to ${path}; install it on the platform` };
      return path;
    } catch (error) {
      steps.deliver = { key: 'deliver', status: 'pending', detail: `The .env file was not written (${describe(error).message}); copy the new secret instead` };
      return null;
    }
  }

  private async removeOld(
    ctx: { client: Client; appObjectId: string; appId: string },
    record: RotationRecord,
    old: ManagedSecret[],
    steps: Record<RotationStep['key'], RotationStep>,
    result: (outcome: RotationResult['outcome'], message: string, error: AppErrorShape | null, env?: string | null, steps?: RotationStep[]) => RotationResult,
  ): Promise<RotationResult> {
    const live = await getApplicationByAppId(ctx.client, ctx.appId);
    const onApp = new Set((live?.passwordCredentials ?? []).map((p) => p.keyId));
    const left: string[] = [];
    for (const secret of old) {
      try {
        if (onApp.has(secret.keyId)) await removePassword(ctx.client, ctx.appObjectId, secret.keyId);
        await this.o.vault.delete(secret.vaultRef);
        this.apps.removeSecret(record.workspaceId, record.role, secret.keyId);
      } catch (error) {
        left.push(`${secret.hint}… (${describe(error).message})`);
      }
    }
    steps.removeOld = left.length
      ? { key: 'removeOld', status: 'failed', detail: `Could not remove ${left.join(', ')}; it stays listed here so you can rotate again to remove it` }
      : { key: 'removeOld', status: 'done', detail: old.length ? `Removed the old secret ${old.map((s) => `${s.hint}…`).join(', ')} from Entra and the vault` : 'There was no old secret to remove' };
    const message = left.length
      ? `The new ${roleWords(record.role)} works and the platform has it, but the old one could not be removed everywhere.`
      : `Rotated: the platform uses the new ${roleWords(record.role)}, and the old one is gone from Entra and this computer.`;
    const final = { ...result('rotated', message, null, record.result?.envFilePath ?? null), steps: Object.values(steps) };
    this.journal.record({ ...record, stage: 'rotated', result: final }, this.now());
    return final;
  }

  /**
   * Removes the new secret from Entra, the vault and SQLite so the old one is the platform's again. After a
   * push that reached the platform, the old secret is pushed back. Every part that could not be undone is said.
   */
  private async rollBack(
    ctx: { client: Client; appObjectId: string },
    record: RotationRecord,
    steps: Record<RotationStep['key'], RotationStep>,
    result: (outcome: RotationResult['outcome'], message: string, error: AppErrorShape | null, env?: string | null, steps?: RotationStep[]) => RotationResult,
    error: AppErrorShape | null,
    platformHasNew: boolean,
  ): Promise<RotationResult> {
    const problems = await this.undoNew(ctx, record);
    steps.create = { ...steps.create, status: problems.length ? 'failed' : 'undone', detail: problems.length ? `The new secret could not be removed: ${problems.join('; ')}` : 'Removed the new secret again from Entra and the vault' };
    steps.removeOld = { key: 'removeOld', status: 'skipped', detail: 'The old secret was kept, so the platform keeps working' };
    let platform = '';
    if (platformHasNew) {
      try {
        await this.o.delivery.push(record.workspaceId);
        platform = ' The platform was given the old secret back.';
      } catch (pushError) {
        platform = ` The platform still has the new secret and could not be given the old one back (${describe(pushError).message}); push again from the workspace’s Setup page.`;
      }
    } else if (record.delivery !== 'push' && record.stage === 'awaitingHandover') {
      platform =
        record.delivery === 'envFile'
          ? ' If you already installed the new .env file, write it again from the workspace’s Setup page: it now holds the old secret.'
          : ' If you already pasted the new secret into the platform, paste the old one back: Copy on the workspace’s Setup page now gives the old secret.';
    } else if (error?.code === ErrorCode.PlatformUnavailable) {
      platform = ' If the platform did store the new secret before the connection failed, push again from the workspace’s Setup page: it sends the old secret.';
    }
    const head = record.delivery === 'push' && steps.deliver.status === 'failed' ? 'The platform did not take the new secret' : error ? 'The new secret did not work' : 'Rotation cancelled';
    const undone = problems.length ? ` The new secret could not be removed from Entra (${problems.join('; ')}); it is marked, and the next rotation or setup run removes it.` : ' The new secret was removed again from Entra and the vault.';
    const message = `${head}${error ? `: ${error.message}` : ''}.${undone} The old secret was kept and keeps working.${platform}`;
    const final = { ...result('rolledBack', message, error), steps: Object.values(steps) };
    this.journal.record({ ...record, stage: 'rolledBack', result: final }, this.now());
    return final;
  }

  /** Removes a rotation's new secret everywhere; returns what could not be removed. */
  private async undoNew(ctx: { client: Client; appObjectId: string }, record: RotationRecord): Promise<string[]> {
    const problems: string[] = [];
    try {
      await removePassword(ctx.client, ctx.appObjectId, record.newKeyId);
    } catch (error) {
      const info = graphErrorInfo(error);
      // Already gone from Entra is what we wanted.
      if (info.status !== 404) {
        problems.push(info.message);
        // Marked again so the setup's secret step or the next rotation finds and removes it (migration 0006).
        if (record.marker) this.apps.markSecretPending(record.workspaceId, record.role, record.marker, this.now().toISOString());
      }
    }
    const fresh = this.apps.secrets(record.workspaceId, record.role).find((s) => s.keyId === record.newKeyId);
    await this.o.vault.delete(fresh?.vaultRef ?? secretVaultRef(record.workspaceId, record.role, record.newKeyId));
    this.apps.removeSecret(record.workspaceId, record.role, record.newKeyId);
    return problems;
  }

  /** Secrets a crashed attempt asked for but never stored (their marker is pending): nobody has their value. */
  private async removeOrphans(client: Client, appObjectId: string, workspaceId: string, role: AppRole, live: GraphApplication): Promise<void> {
    const held = new Set(this.apps.secrets(workspaceId, role).map((s) => s.keyId));
    for (const marker of this.apps.pendingSecrets(workspaceId, role)) {
      for (const orphan of live.passwordCredentials.filter((p) => p.displayName === marker && !held.has(p.keyId))) {
        await removePassword(client, appObjectId, orphan.keyId);
      }
      this.apps.forgetPendingSecret(workspaceId, marker);
    }
  }
}

const deliverWords: Record<DeliveryMode, string> = {
  push: 'Push the new secret to the platform',
  envFile: 'Write a .env file with the new secret for the platform',
  copySheet: 'Paste the new secret into the platform',
};
