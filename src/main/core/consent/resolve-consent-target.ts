import type { Database } from 'better-sqlite3';
import { AppError } from '../errors/app-error';
import { ManagedAppRepository } from '../onboarding/managed-app-repository';
import type { AppRegistrationSpec } from '../platforms/platform-profile';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { consentTargetOf, type ConsentTarget } from './consent-target';

/**
 * The app a workspace consents in client tenants: its main app, when setup created it and it is
 * multi-tenant. Otherwise the sentence the Client tenants page shows instead of a list.
 */
export function resolveConsentTarget(
  db: Database,
  workspaces: WorkspaceService,
  onboarding: { appSpecs(workspaceId: string): AppRegistrationSpec[] },
  workspaceId: string,
): ConsentTarget | { notApplicable: string } {
  workspaces.get(workspaceId);
  let specs: AppRegistrationSpec[];
  try {
    specs = onboarding.appSpecs(workspaceId);
  } catch (error) {
    return { notApplicable: error instanceof AppError ? `${error.message} ${error.fix ?? ''}`.trim() : 'Finish the guided setup first.' };
  }
  const main = specs.find((s) => s.role === 'main');
  if (!main) return { notApplicable: 'This platform has no app to consent in client tenants.' };
  if (main.signInAudience !== 'AzureADMultipleOrgs') {
    return {
      notApplicable:
        'This workspace’s app is single-tenant: only users of your own tenant sign in to it, so there is nothing to consent in client tenants. Make it multi-tenant in Setup if your clients should sign in.',
    };
  }
  const apps = new ManagedAppRepository(db);
  const appId = apps.get(workspaceId, 'main')?.appId;
  if (!appId) return { notApplicable: 'The app registration does not exist yet: run the guided setup first, then come back to consent it in client tenants.' };
  return consentTargetOf(main, appId, apps.get(workspaceId, 'partnerCenter')?.appId ?? null);
}
