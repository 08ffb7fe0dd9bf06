import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import type { PlatformProfile } from '../platforms/platform-profile';
import { platformProfiles } from '../platforms/platform-profiles';
import { profileFromRequirements } from '../platforms/discovery-profile';
import type { WorkspaceService } from '../workspaces/workspace-service';
import type { RunPlan } from './run-plan';

/** The built-in profile, or a discovery-driven one from the requirements a run was planned with. */
export function plannedProfile(workspaces: WorkspaceService, workspaceId: string, plan?: RunPlan): PlatformProfile {
  const workspace = workspaces.get(workspaceId);
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

/** The answers parsed by the profile (defaults filled in), or an error naming what to correct. */
export function validAnswers(profile: PlatformProfile, answers: Record<string, unknown>): Record<string, unknown> {
  const parsed = profile.answers.safeParse(answers);
  if (!parsed.success) {
    throw new AppError(ErrorCode.WizardAnswersInvalid, parsed.error.issues[0]?.message ?? 'Some answers are not valid.', {
      fix: 'Correct the highlighted answers, then preview again.',
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  return parsed.data;
}
