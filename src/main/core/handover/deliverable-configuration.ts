import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import type { DeliverableConfiguration } from '../platforms/delivery/desired-configuration';
import type { Vault } from '../vault/vault';
import type { AppRole } from '../onboarding/desired-app';
import { ManagedAppRepository } from '../onboarding/managed-app-repository';
import { RunJournal } from '../onboarding/run-journal';

/**
 * What the wizard produced for a workspace, as the platform needs it: tenant, apps, the newest
 * secret of each (value from the vault), and the answers that become settings (origin, sign-in mode).
 */
export async function deliverableConfiguration(db: Database, vault: Vault, workspaceId: string): Promise<DeliverableConfiguration> {
  const journal = new RunJournal(db);
  const apps = new ManagedAppRepository(db);
  const run = journal.latestRun(workspaceId);
  const main = apps.get(workspaceId, 'main');
  if (!run || run.status !== 'succeeded' || !main?.appId) {
    throw new AppError(ErrorCode.PlatformNotConnected, 'There is nothing to hand over yet: the guided setup has not finished.', {
      fix: 'Run the guided setup first; its last step verifies everything the platform will need.',
    });
  }
  const plan = JSON.parse(run.planJson) as { answers: Record<string, unknown>; partnerTenantId: string };
  const secretOf = async (role: AppRole) => {
    const secret = apps.secrets(workspaceId, role)[0];
    const value = secret ? await vault.get(secret.vaultRef) : undefined;
    return secret && value ? { value, hint: secret.hint, expiresAt: secret.endDateTime } : undefined;
  };
  const pc = apps.get(workspaceId, 'partnerCenter');
  const authMode = plan.answers['authMode'];
  const origin = plan.answers['origin'];
  return {
    tenantId: plan.partnerTenantId,
    clientId: main.appId,
    secret: await secretOf('main'),
    partnerCenter: pc?.appId ? { clientId: pc.appId, secret: await secretOf('partnerCenter') } : null,
    origin: typeof origin === 'string' && origin ? new URL(origin).origin : null,
    enabled: true,
    authMode: authMode === 'hybrid' || authMode === 'entra-only' || authMode === 'local-only' ? authMode : null,
  };
}
