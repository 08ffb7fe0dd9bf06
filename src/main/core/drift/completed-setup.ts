import { ErrorCode } from '../../../shared/error-codes';
import type { Workspace } from '../../../shared/domain/workspace';
import type { AccountSummaryDto } from '../../../shared/domain/auth';
import { ManagedAppRepository } from '../onboarding/managed-app-repository';
import { RunJournal } from '../onboarding/run-journal';
import type { RunPlan } from '../onboarding/run-plan';
import type { AppRegistrationSpec } from '../platforms/platform-profile';
import type { DriftDeps } from './drift-deps';
import type { Problem } from './problem-of';

export interface CompletedSetup {
  workspace: Workspace;
  plan: RunPlan;
  specs: AppRegistrationSpec[];
}

/**
 * The desired state of a workspace: what its last setup run planned, when that run succeeded (the
 * same rule as the handover). Anything else has nothing settled to drift from.
 */
export function completedSetup(deps: DriftDeps, workspace: Workspace): CompletedSetup | { reason: string } {
  const run = new RunJournal(deps.db).latestRun(workspace.id);
  if (!run) return { reason: 'Setup has not been run yet.' };
  if (run.status !== 'succeeded') return { reason: `The last setup run ${run.status === 'running' ? 'has not finished' : `ended ${run.status}`}: finish it in Setup first.` };
  if (!new ManagedAppRepository(deps.db).get(workspace.id, 'main')?.appId) return { reason: 'Setup recorded no app registration.' };
  try {
    return { workspace, plan: JSON.parse(run.planJson) as RunPlan, specs: deps.appSpecs(workspace.id) };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : 'Its setup plan cannot be read.' };
  }
}

/**
 * The signed-in account for the workspace's partner tenant: the one setup ran as, else any account
 * of that tenant. Drift never signs anyone in by itself.
 */
export function accountFor(setup: CompletedSetup, accounts: AccountSummaryDto[]): AccountSummaryDto | Problem {
  const tenantId = setup.plan.partnerTenantId;
  const account = accounts.find((a) => a.homeAccountId === setup.plan.homeAccountId) ?? accounts.find((a) => a.tenantId === tenantId);
  if (account) return account;
  return {
    code: ErrorCode.SignInRequired,
    message: `Not signed in to this workspace’s partner tenant (${setup.workspace.partnerTenant ?? tenantId}).`,
    fix: 'Open the workspace and sign in to that tenant, then check again.',
  };
}
