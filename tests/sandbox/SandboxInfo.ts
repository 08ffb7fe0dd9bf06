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
  /** Status of the tenant's active relationship if it has one, else of its latest (null: no GDAP at all). */
  gdapStatus: string | null;
  gdapRoles: string[];
  /** Every relationship with this customer (gdapMultiple has two), as Graph's delegatedAdminRelationships lists them. */
  gdapRelationships: Array<{ id: string; status: string; roles: string[]; accessAssignments: number }>;
  /** The tenant's Conditional Access: MFA for everyone, and what it does to service provider (GDAP) users. */
  conditionalAccess: { requireMfa: boolean; serviceProviderUsers: 'none' | 'block' | 'requireMfa' };
  /** The tenant was deleted before the start (kind deletedTenant); the control API can delete others later. */
  deleted: boolean;
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
  /** How many client tenants of each kind the scenario has (all of them, also when the READY line is truncated). */
  clientTenantKinds: Partial<Record<TenantKind, number>>;
  /** API token of each seeded organisation on the reference platform backend (`{platform}` base URL). */
  platformTokens: PlatformTokens;
}

export function buildSandboxInfo(
  plan: ScenarioPlan,
  urls: SandboxUrls,
  extra: { controlToken: string; caFile: string; dataDir: string; platformTokens: PlatformTokens },
): SandboxInfo {
  const relsByCustomer = new Map<string, ScenarioPlan['gdapRelationships']>();
  for (const r of plan.gdapRelationships) relsByCustomer.set(r.customer.tenantId, [...(relsByCustomer.get(r.customer.tenantId) ?? []), r]);
  const roleNames = (roles: Array<{ roleDefinitionId: string }>) => roles.map((r) => roleDisplayNames[r.roleDefinitionId] ?? r.roleDefinitionId);
  const clientTenantKinds: Partial<Record<TenantKind, number>> = {};
  for (const c of plan.clients) clientTenantKinds[c.kind] = (clientTenantKinds[c.kind] ?? 0) + 1;
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
      const rels = relsByCustomer.get(c.id) ?? [];
      const rel = rels.find((r) => r.status === 'active') ?? rels[rels.length - 1];
      return {
        tenantId: c.id,
        displayName: c.displayName,
        domain: c.initialDomain,
        kind: c.kind,
        gdapStatus: rel?.status ?? null,
        gdapRoles: rel ? roleNames(rel.accessDetails.unifiedRoles) : [],
        gdapRelationships: rels.map((r) => ({ id: r.id, status: r.status, roles: roleNames(r.accessDetails.unifiedRoles), accessAssignments: r.accessAssignments.length })),
        conditionalAccess: { requireMfa: c.conditionalAccess.requireMfa, serviceProviderUsers: c.conditionalAccess.serviceProviderUsers ?? 'none' },
        deleted: c.deletedDateTime !== undefined,
      };
    }),
    clientTenantsTotal: plan.clients.length,
    clientTenantKinds,
  };
}
