import type { Database } from 'better-sqlite3';
import type { AccountSummaryDto } from '../../../shared/domain/auth';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import type { ClientTenantRepository } from '../consent/client-tenant-repository';
import type { ConsentTarget } from '../consent/consent-target';
import type { AppRegistrationSpec } from '../platforms/platform-profile';
import type { CloudFetch } from '../net/cloud-fetch';
import type { DeliverableConfiguration } from '../platforms/delivery/desired-configuration';
import type { PlatformApiClient } from '../platforms/delivery/platform-api-client';
import type { Vault } from '../vault/vault';
import type { WorkspaceService } from '../workspaces/workspace-service';

/** What drift reads and repairs with: the services setup, delivery and consent already have. */
export interface DriftDeps {
  db: Database;
  vault: Vault;
  cloud: CloudProfile;
  fetchFn: CloudFetch;
  workspaces: WorkspaceService;
  /** The app registrations the workspace's last setup planned. */
  appSpecs(workspaceId: string): AppRegistrationSpec[];
  signIn: {
    accounts(): Promise<AccountSummaryDto[]>;
    tokenFor(homeAccountId: string, step: StepId): Promise<string>;
    tokenForTenant(homeAccountId: string, step: StepId, tenantId: string): Promise<{ accessToken: string; expiresOn: Date | null }>;
  };
  delivery: {
    connection(workspaceId: string): { baseUrl: string; platformName: string | null } | null;
    connectedClient(workspaceId: string): Promise<PlatformApiClient | null>;
    push(workspaceId: string): Promise<unknown>;
  };
  deliverable(workspaceId: string): Promise<DeliverableConfiguration>;
  consentTarget(workspaceId: string): ConsentTarget | { notApplicable: string };
  clientTenants: ClientTenantRepository;
  consentRuns: {
    start(input: { workspaceId: string; homeAccountId: string; selection: { tenantIds: string[] }; mode: 'consent'; concurrency: number }): Promise<{ runId: string }>;
    settled(workspaceId: string): Promise<void>;
  };
  now(): Date;
}
