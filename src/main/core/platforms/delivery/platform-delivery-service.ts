import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import type { CloudFetch } from '../../net/cloud-fetch';
import { AuditLog } from '../../onboarding/audit-log';
import type { Vault } from '../../vault/vault';
import { DeliveryRepository } from './delivery-repository';
import { configurationInput, describeChanges, readBackMismatches, type DeliverableConfiguration, type FieldChange } from './desired-configuration';
import { PlatformApiClient } from './platform-api-client';
import type { PlatformRequirements, PlatformTestResult, SsoConfiguration } from './platform-api-types';

export interface PlatformDeliveryOptions {
  db: Database;
  vault: Vault;
  fetchFn: CloudFetch;
  /** The workspace's configuration as set up by the wizard, with secret values from the vault. */
  deliverable(workspaceId: string): Promise<DeliverableConfiguration>;
  now?: () => Date;
  /** Client options for tests (timeouts, retry pacing). */
  clientOptions?: { timeoutMs?: number; attempts?: number; sleep?(ms: number): Promise<void> };
}

export interface PushResult {
  pushId: string;
  changes: FieldChange[];
  readBack: { matches: boolean; problems: string[] };
  test: PlatformTestResult;
}

/**
 * Delivering the final configuration to the platform's backend (issue 6): connect with an API token
 * (kept in the vault), show the differences, push with an idempotency key that a retry reuses, read
 * back and compare, and run the platform's own test. A failed push loses nothing and can be retried.
 */
export class PlatformDeliveryService {
  private readonly repo: DeliveryRepository;
  private readonly audit: AuditLog;
  private readonly now: () => Date;

  constructor(private readonly o: PlatformDeliveryOptions) {
    this.repo = new DeliveryRepository(o.db);
    this.audit = new AuditLog(o.db);
    this.now = o.now ?? (() => new Date());
  }

  private client(baseUrl: string, token: string): PlatformApiClient {
    return new PlatformApiClient({ baseUrl, token, fetchFn: this.o.fetchFn, ...this.o.clientOptions });
  }

  private async connected(workspaceId: string): Promise<PlatformApiClient> {
    const connection = this.repo.connection(workspaceId);
    const token = connection ? await this.o.vault.get(connection.tokenVaultRef) : undefined;
    if (!connection || !token) {
      throw new AppError(ErrorCode.PlatformNotConnected, 'This workspace is not connected to the platform’s API yet.', {
        fix: 'Enter the platform’s API address and an API token from its settings.',
      });
    }
    return this.client(connection.baseUrl, token);
  }

  /** Checks the address and token against the platform (its discovery document), then keeps them. */
  async connect(workspaceId: string, baseUrl: string, token: string): Promise<{ platformName: string; requirements: PlatformRequirements }> {
    const requirements = await this.client(baseUrl, token).requirements();
    const tokenVaultRef = `workspace:${workspaceId}:platform-api-token`;
    await this.o.vault.put(tokenVaultRef, token);
    this.repo.saveConnection(workspaceId, { baseUrl: baseUrl.replace(/\/+$/, ''), tokenVaultRef, platformName: requirements.platform.name }, this.now().toISOString());
    this.audit.record(workspaceId, 'platform.connected', { baseUrl, platform: requirements.platform.name }, this.now().toISOString());
    return { platformName: requirements.platform.name, requirements };
  }

  /** The workspace's API client, or null when it is not connected (per-client enablement skips such workspaces). */
  async connectedClient(workspaceId: string): Promise<PlatformApiClient | null> {
    const connection = this.repo.connection(workspaceId);
    const token = connection ? await this.o.vault.get(connection.tokenVaultRef) : undefined;
    return connection && token ? this.client(connection.baseUrl, token) : null;
  }

  connection(workspaceId: string): { baseUrl: string; platformName: string | null } | null {
    const c = this.repo.connection(workspaceId);
    return c ? { baseUrl: c.baseUrl, platformName: c.platformName } : null;
  }

  async requirements(workspaceId: string): Promise<PlatformRequirements> {
    return (await this.connected(workspaceId)).requirements();
  }

  /** What a push would change on the platform, field by field (secrets by hint). */
  async diff(workspaceId: string): Promise<{ current: SsoConfiguration | null; changes: FieldChange[] }> {
    const client = await this.connected(workspaceId);
    const [current, desired] = await Promise.all([client.configuration(), this.o.deliverable(workspaceId)]);
    return { current: current ?? null, changes: describeChanges(current, desired) };
  }

  async push(workspaceId: string): Promise<PushResult> {
    const client = await this.connected(workspaceId);
    const desired = await this.o.deliverable(workspaceId);
    const current = await client.configuration();
    const changes = describeChanges(current, desired);
    // A push that did not finish is retried with its own key: if the platform did apply it, the
    // replay returns the same answer instead of writing a second time.
    const unfinished = this.repo.pendingPush(workspaceId);
    const pushId = unfinished?.id ?? randomUUID();
    const key = unfinished?.idempotencyKey ?? randomUUID();
    if (!unfinished) this.repo.startPush(workspaceId, pushId, key, { fields: changes.map((c) => c.field) }, this.now().toISOString());
    try {
      // An unfinished push whose change the platform already shows did reach it (only its answer was
      // lost): writing again would need a new body under the old key, which the platform refuses.
      if (!(unfinished && changes.length === 0)) await client.putConfiguration(configurationInput(current, desired), key);
      const after = await client.configuration();
      const problems = readBackMismatches(after, desired);
      const test = await client.test();
      this.repo.finishPush(pushId, 'succeeded', null, this.now().toISOString());
      this.audit.record(workspaceId, 'platform.pushed', { pushId, fields: changes.map((c) => c.field), readBackMatches: problems.length === 0, testOk: test.ok }, this.now().toISOString());
      return { pushId, changes, readBack: { matches: problems.length === 0, problems }, test };
    } catch (error) {
      const shape = error instanceof AppError ? error.toShape() : { code: ErrorCode.Internal, message: String(error) };
      // Only an outcome we do not know (the platform may have acted) keeps the key for the retry;
      // a refusal or conflict is final for that body, so the next push starts afresh.
      const unknownOutcome = error instanceof AppError && error.code === ErrorCode.PlatformUnavailable;
      this.repo.finishPush(pushId, 'failed', { ...shape, retryWithSameKey: unknownOutcome }, this.now().toISOString());
      this.audit.record(workspaceId, 'platform.push-failed', { pushId, code: shape.code }, this.now().toISOString());
      throw error;
    }
  }

  /**
   * The .env file for self-hosted platforms (SonicSaaS's four variables), written readable by the
   * owner only: it holds a secret in clear text, which is the platform's own requirement.
   */
  writeEnvFile(path: string, variables: { key: string; value: string }[], header: string): void {
    const body = [`# ${header}`, '# This file contains a client secret. Keep it readable by the platform’s service account only.', ...variables.map((v) => `${v.key}=${v.value}`), ''].join('\n');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body, { mode: 0o600 });
    chmodSync(path, 0o600);
  }

  ticks(workspaceId: string): string[] {
    return this.repo.ticks(workspaceId);
  }

  setTick(workspaceId: string, fieldKey: string, ticked: boolean): string[] {
    this.repo.setTick(workspaceId, fieldKey, ticked, this.now().toISOString());
    return this.repo.ticks(workspaceId);
  }
}
