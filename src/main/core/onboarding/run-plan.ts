import type { PlatformRequirements } from '../platforms/delivery/platform-api-types';
import type { RunJournal } from './run-journal';

/** What a run was planned from, kept with the run so it can be resumed (and handed over) exactly. */
export interface RunPlan {
  /** For a discovery-driven platform: the requirements it was planned from (resume plans the same). */
  requirements?: PlatformRequirements;
  answers: Record<string, unknown>;
  adopt: Record<string, string>;
  partnerTenantId: string;
  homeAccountId: string;
}

export function latestPlan(journal: RunJournal, workspaceId: string): RunPlan | undefined {
  const run = journal.latestRun(workspaceId);
  return run ? (JSON.parse(run.planJson) as RunPlan) : undefined;
}
