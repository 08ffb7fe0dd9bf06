import type { TenantKind } from './model/directoryTypes';
import type { PlatformTokens } from './platform/PlatformTokens';
import { roleDisplayNames, graphCommandLineToolsAppId } from './model/wellKnownIds';
import type { SandboxUrls } from './SandboxUrls';
import type { ScenarioPlan } from './scenario/ScenarioPlan';

export interface SandboxUserInfo {
  key: string;
  username: string;
  password: string;
  /** Directory roles by display name, e.g. "Global Administrator". */
  roles: string[];
  roleTemplateIds: string[];
  /** What the sandbox MFA page accepts for this user. */
  mfaCode: string;
  /** Member of the partner security group that GDAP access assignments name. */
  gdapAgent: boolean;
}

export interface ClientTenantInfo {
  tenantId: string;
  displayName: string;
  domain: string;
  kind: TenantKind;
  gdapStatus: string | null;
  gdapRoles: string[];
}

/** Everything a test or `npm run web` needs to point the app at the sandbox (also the SANDBOX_READY payload). */
export interface SandboxInfo extends SandboxUrls {
  knownAuthorities: string[];
  controlToken: string;
  caFile: string;
  dataDir: string;
  seed: string;
  partnerTenantId: string;
  partnerTenantName: string;
  partnerDomain: string;
  /** The public client the console signs in with (Microsoft Graph Command Line Tools). */
  publicClientId: string;
  users: SandboxUserInfo[];
  clientAdmin: { usernameTemplate: string; password: string };
  clientTenants: ClientTenantInfo[];
  clientTenantsTotal: number;
  /** API token of each seeded organisation on the reference platform backend (`{platform}` base URL). */
  platformTokens: PlatformTokens;
}

export function buildSandboxInfo(
  plan: ScenarioPlan,
  urls: SandboxUrls,
  extra: { controlToken: string; caFile: string; dataDir: string; platformTokens: PlatformTokens },
): SandboxInfo {
  const relByCustomer = new Map(plan.gdapRelationships.map((r) => [r.customer.tenantId, r]));
  return {
    ...urls,
    knownAuthorities: [urls.authorityHost],
    ...extra,
    seed: plan.seed,
    partnerTenantId: plan.partner.id,
    partnerTenantName: plan.partner.displayName,
    partnerDomain: plan.partner.initialDomain,
    publicClientId: graphCommandLineToolsAppId,
    users: plan.partnerUsers.map((u) => ({
      key: u.key,
      username: u.userPrincipalName,
      password: u.password,
      roles: u.directoryRoleTemplateIds.map((id) => roleDisplayNames[id] ?? id),
      roleTemplateIds: u.directoryRoleTemplateIds,
      mfaCode: u.mfaCode,
      gdapAgent: plan.gdapGroup.memberIds.includes(u.id),
    })),
    clientAdmin: { usernameTemplate: 'admin@{domain}', password: plan.clientAdminPassword },
    clientTenants: plan.clients.map((c) => {
      const rel = relByCustomer.get(c.id);
      return {
        tenantId: c.id,
        displayName: c.displayName,
        domain: c.initialDomain,
        kind: c.kind,
        gdapStatus: rel?.status ?? null,
        gdapRoles: rel ? rel.accessDetails.unifiedRoles.map((r) => roleDisplayNames[r.roleDefinitionId] ?? r.roleDefinitionId) : [],
      };
    }),
    clientTenantsTotal: plan.clients.length,
  };
}
