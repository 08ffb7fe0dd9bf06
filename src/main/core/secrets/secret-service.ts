import type { Database } from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { RotationResult, SecretEntry } from '../../../shared/domain/secrets';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import { getApplicationByAppId } from '../graph/ops/applications';
import type { AppRole } from '../onboarding/desired-app';
import { ManagedAppRepository } from '../onboarding/managed-app-repository';
import { RunJournal } from '../onboarding/run-journal';
import { latestPlan } from '../onboarding/run-plan';
import type { Vault } from '../vault/vault';
import { forgetSecretsGoneFromEntra } from './forget-secrets-gone';
import { desktopNotices, dueNotifications, type DesktopNotice, type SecretNotification } from './notification-decisions';
import { remindersCalendar } from './reminders-calendar';
import type { SecretRotation } from './secret-rotation';
import { readSecretInventory } from './secret-inventory';
import { ShownNotifications } from './shown-notifications';

export interface SecretServiceOptions {
  db: Database;
  vault: Vault;
  rotation: SecretRotation;
  /** A Graph client for reading the app (findExistingApps: Application.Read.All). */
  graph(homeAccountId: string): Client;
  /** Where an export is saved: a save dialog in Electron, the data folder's exports in the web host. */
  choosePath(suggestedName: string): Promise<string | undefined>;
  now?: () => Date;
}

/** The secret lifecycle across workspaces (issue 11 §3): inventory, reminders, notifications, rotation. */
export class SecretService {
  private readonly now: () => Date;
  private readonly shown: ShownNotifications;

  constructor(private readonly o: SecretServiceOptions) {
    this.now = o.now ?? (() => new Date());
    this.shown = new ShownNotifications(o.db);
  }

  list(): Promise<SecretEntry[]> {
    return readSecretInventory(this.o.db, this.o.vault, this.now());
  }

  /** Writes the .ics reminders for every secret to a file the admin chooses. */
  async exportIcs(): Promise<{ path: string; fileName: string; events: number }> {
    const calendar = remindersCalendar(await this.list(), this.now());
    const path = await this.o.choosePath(calendar.fileName);
    if (!path) throw new AppError(ErrorCode.SignInCancelled, 'No file was saved.', { fix: 'Choose where to save the reminders.' });
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, calendar.ics, 'utf8');
    return { path, fileName: calendar.fileName, events: calendar.events };
  }

  /**
   * Reads the workspace's apps from Entra and forgets every secret Microsoft no longer lists (removed in
   * the admin center): from the vault as well as the list. Returns the hints forgotten.
   */
  async checkInEntra(workspaceId: string, homeAccountId?: string): Promise<{ forgotten: string[] }> {
    const plan = latestPlan(new RunJournal(this.o.db), workspaceId);
    const account = homeAccountId ?? plan?.homeAccountId;
    if (!account) throw new AppError(ErrorCode.StepBlocked, 'This workspace has no setup to check yet.', { fix: 'Run the workspace’s guided setup first.' });
    const apps = new ManagedAppRepository(this.o.db);
    const client = this.o.graph(account);
    const forgotten: string[] = [];
    for (const role of ['main', 'partnerCenter'] as AppRole[]) {
      const managed = apps.get(workspaceId, role);
      if (!managed?.appId) continue;
      const live = await getApplicationByAppId(client, managed.appId);
      // A 404 could be a deleted app or replication; the setup's drift check says which. Only a read that
      // lists the app's credentials is evidence a secret is gone.
      if (live) forgotten.push(...(await forgetSecretsGoneFromEntra(apps, this.o.vault, workspaceId, role, live)));
    }
    return { forgotten };
  }

  /** Desktop notices to show now (each secret once per band); the shell calls `markShown` after showing. */
  async dueNotifications(): Promise<SecretNotification[]> {
    return dueNotifications(await this.list(), this.shown.keys());
  }

  markShown(notification: SecretNotification): void {
    this.shown.record(notification, this.now());
  }

  /**
   * Shows what is due through the host's `show` (Electron's Notification) and remembers each as shown, so a
   * secret is told once per band however often this runs. Returns how many notices were shown.
   */
  async notify(show: (notice: DesktopNotice) => void): Promise<number> {
    const notices = desktopNotices(await this.dueNotifications());
    for (const notice of notices) {
      show(notice);
      for (const n of notice.covers) this.markShown(n);
    }
    return notices.length;
  }

  rotate(workspaceId: string, role: AppRole, homeAccountId?: string): Promise<RotationResult> {
    return this.o.rotation.start(workspaceId, role, homeAccountId);
  }

  finishRotation(rotationId: string, homeAccountId?: string): Promise<RotationResult> {
    return this.o.rotation.finish(rotationId, homeAccountId);
  }

  cancelRotation(rotationId: string, homeAccountId?: string): Promise<RotationResult> {
    return this.o.rotation.cancel(rotationId, homeAccountId);
  }
}
