import type { SandboxRuntime } from '../SandboxRuntime';
import type { TenantDirectory } from '../model/TenantDirectory';

/** A JSON view of a tenant with secrets redacted: passwords, MFA codes and secret hashes never leave. */
export function redactDirectory(directory: TenantDirectory): Record<string, unknown> {
  return {
    organization: directory.organization,
    kind: directory.seed.kind,
    conditionalAccess: directory.seed.conditionalAccess,
    users: [...directory.users.values()].map((u) => ({
      ...u,
      sandbox: { directoryRoleTemplateIds: u.sandbox.directoryRoleTemplateIds, requireMfa: u.sandbox.requireMfa, password: '[redacted]', mfaCode: '[redacted]' },
    })),
    groups: [...directory.groups.values()],
    applications: [...directory.applications.values()].map((a) => ({
      ...a,
      // The Graph catalogue is big and identical everywhere; counts say enough in a dump.
      api: { ...a.api, oauth2PermissionScopes: a.api.oauth2PermissionScopes.length > 20 ? `[${a.api.oauth2PermissionScopes.length} scopes]` : a.api.oauth2PermissionScopes },
      appRoles: a.appRoles.length > 20 ? `[${a.appRoles.length} app roles]` : a.appRoles,
      passwordCredentials: a.passwordCredentials.map((c) => ({ ...c, sandbox: { createdAtMs: c.sandbox.createdAtMs } })),
    })),
    servicePrincipals: [...directory.servicePrincipals.values()].map((sp) => ({
      ...sp,
      oauth2PermissionScopes: sp.oauth2PermissionScopes.length > 20 ? `[${sp.oauth2PermissionScopes.length} scopes]` : sp.oauth2PermissionScopes,
      appRoles: sp.appRoles.length > 20 ? `[${sp.appRoles.length} app roles]` : sp.appRoles,
    })),
    oauth2PermissionGrants: [...directory.oauth2PermissionGrants.values()],
    appRoleAssignments: [...directory.appRoleAssignments.values()],
  };
}

export function redactState(rt: SandboxRuntime, onlyTenantId?: string): Record<string, unknown> {
  const tenants: Record<string, unknown> = {};
  for (const directory of rt.state.materializedDirectories()) {
    if (onlyTenantId && directory.id !== onlyTenantId.toLowerCase()) continue;
    tenants[directory.id] = redactDirectory(directory);
  }
  const seeds = [...rt.state.tenantSeeds()];
  return {
    now: rt.clock.nowIso(),
    seed: rt.plan.seed,
    tenantCount: seeds.length,
    materializedTenantCount: [...rt.state.materializedDirectories()].length,
    tenants,
    gdapRelationships: [...rt.state.gdapRelationships.values()].filter((r) => !onlyTenantId || r.customer.tenantId === onlyTenantId.toLowerCase()),
    consentRecords: rt.state.consentRecords.filter((c) => !onlyTenantId || c.tenantId === onlyTenantId.toLowerCase()),
    identity: {
      flows: rt.identity.flows.size,
      sessions: rt.identity.sessions.size,
      authorizationCodes: rt.identity.codes.size,
      refreshTokens: rt.identity.refreshTokens.size,
      deviceCodes: rt.identity.deviceCodes.size,
    },
    settings: rt.settings,
  };
}
