import { assignAppRole } from '../model/assignAppRole';
import { ensureServicePrincipal } from '../model/ensureServicePrincipal';
import { upsertDelegatedGrant } from '../model/upsertDelegatedGrant';
import type { SandboxState } from '../model/SandboxState';
import type { Application, ConsentRecord, User } from '../model/directoryTypes';
import type { PermissionItem } from './permissionItems';

export interface ConsentInput {
  tenantId: string;
  app: Application;
  items: readonly PermissionItem[];
  /** AllPrincipals for admin (tenant-wide) consent, Principal for a user consenting for themselves. */
  consentType: 'AllPrincipals' | 'Principal';
  user: User | null;
  via: ConsentRecord['via'];
}

/**
 * What Entra does when consent is given: the client's service principal appears in the tenant, delegated
 * permissions become oauth2PermissionGrants and application permissions become app role assignments to the
 * client's service principal (facts §5.1, §5.2, §6).
 */
export function grantConsent(state: SandboxState, input: ConsentInput): ConsentRecord {
  const clientSp = ensureServicePrincipal(state, input.tenantId, input.app);
  const delegatedByResource = new Map<string, { resourceAppId: string; resourceId: string; scopes: string[] }>();
  const appRoles: ConsentRecord['appRoles'] = [];
  for (const item of input.items) {
    if (item.kind === 'Scope') {
      const entry = delegatedByResource.get(item.resource.id) ?? { resourceAppId: item.resource.appId, resourceId: item.resource.id, scopes: [] };
      entry.scopes.push(item.value);
      delegatedByResource.set(item.resource.id, entry);
    } else {
      assignAppRole(state, input.tenantId, {
        principalId: clientSp.id,
        principalType: 'ServicePrincipal',
        principalDisplayName: clientSp.displayName,
        resourceId: item.resource.id,
        appRoleId: item.id,
      });
      appRoles.push({ resourceAppId: item.resource.appId, appRoleId: item.id, value: item.value });
    }
  }
  for (const entry of delegatedByResource.values()) {
    upsertDelegatedGrant(state, input.tenantId, {
      clientId: clientSp.id,
      resourceId: entry.resourceId,
      consentType: input.consentType,
      principalId: input.consentType === 'Principal' ? (input.user?.id ?? null) : null,
      scopes: entry.scopes,
    });
  }
  const record: ConsentRecord = {
    id: state.random.uuid(),
    tenantId: input.tenantId,
    clientAppId: input.app.appId,
    kind: input.consentType === 'AllPrincipals' ? 'admin' : 'user',
    via: input.via,
    principalId: input.consentType === 'Principal' ? (input.user?.id ?? null) : null,
    consentedBy: input.user?.userPrincipalName ?? null,
    delegated: [...delegatedByResource.values()].map((e) => ({ resourceAppId: e.resourceAppId, scopes: e.scopes })),
    appRoles,
    createdDateTime: state.clock.nowIso(),
  };
  state.consentRecords.push(record);
  return record;
}
