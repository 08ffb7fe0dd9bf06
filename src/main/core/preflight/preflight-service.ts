import type { Preflight, TenantOverview } from '../../../shared/domain/preflight';
import type { SignInService } from '../auth/sign-in-service';
import type { StepId } from '../auth/step-scopes';
import type { CloudProfile } from '../clouds/cloud-profile';
import { createGraphClient } from '../graph/create-graph-client';
import { readTenantOverview } from '../graph/read-tenant-overview';
import { platformRequirements } from '../platforms/platform-requirements';
import type { WorkspaceService } from '../workspaces/workspace-service';
import { PartnerCenterClient } from '../partner-center/partner-center-client';
import { checkCapabilities } from './capabilities';
import { checkExistingApps, checkGdapCustomers, checkPartnerCenter } from './reach-checks';
import { roleNames } from './directory-roles';

/** Says whether the workspace's partner tenant hint (ID or domain) is the tenant signed in to. */
function mismatchOf(hint: string | null, overview: TenantOverview): string | undefined {
  if (!hint) return undefined;
  const known = [overview.tenantId, ...overview.verifiedDomains].map((v) => v.toLowerCase());
  if (known.includes(hint.toLowerCase())) return undefined;
  return `This workspace is for the partner tenant "${hint}", but you signed in to ${overview.displayName} (${overview.tenantId}). Sign in with an account from the right tenant, or correct the workspace.`;
}

/** Before anything changes: the partner tenant, the admin's roles, and what those roles allow. */
export class PreflightService {
  constructor(
    private readonly signIn: SignInService,
    private readonly cloud: CloudProfile,
    private readonly workspaces: WorkspaceService,
  ) {}

  async run(workspaceId: string, homeAccountId: string): Promise<Preflight> {
    const workspace = this.workspaces.get(workspaceId);
    // Each read uses a client whose token carries only that step's scopes (least privilege).
    const graphFor = (step: StepId) =>
      createGraphClient({ cloud: this.cloud, fetchFn: this.signIn.cloudFetch, getAccessToken: () => this.signIn.tokenFor(homeAccountId, step) });
    // Sign-in's own token first, so an expired sign-in or MFA demand surfaces as itself.
    const signInToken = await this.signIn.tokenFor(homeAccountId, 'signIn');
    const overview = await readTenantOverview(graphFor('signIn'), signInToken);
    const partnerCenter = new PartnerCenterClient(this.cloud, this.signIn.cloudFetch, () => this.signIn.tokenFor(homeAccountId, 'partnerCenter'));
    const authorize = (step: StepId) => this.signIn.tokenFor(homeAccountId, step);
    const reach = await Promise.all([
      checkExistingApps(graphFor('findExistingApps'), authorize, workspaceId, platformRequirements[workspace.platformId].appNameHints),
      checkGdapCustomers(graphFor('listGdapCustomers'), authorize),
      checkPartnerCenter(partnerCenter, authorize),
    ]);
    const roleIds = overview.roles.map((r) => r.templateId);
    const name = (id: string) => roleNames[id] ?? overview.roles.find((r) => r.templateId === id)?.name ?? id;
    const requirements = platformRequirements[workspace.platformId];
    const optional = checkCapabilities(roleIds, requirements.optional.map((o) => o.capability), name).map((c, i) => ({
      ...c,
      when: requirements.optional[i]?.when,
    }));
    const mismatch = mismatchOf(workspace.partnerTenant, overview);
    return {
      overview,
      required: checkCapabilities(roleIds, requirements.capabilities, name).map(stripUndefined),
      optional: optional.map(stripUndefined),
      ...(requirements.guideSays ? { guideSays: requirements.guideSays } : {}),
      ...(mismatch ? { tenantMismatch: mismatch } : {}),
      reach,
    };
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
