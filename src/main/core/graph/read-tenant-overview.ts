import type { Client } from '@microsoft/microsoft-graph-client';
import type { TenantOverview } from '../../../shared/domain/preflight';
import { graphFailed } from './graph-errors';
import { readAllPages } from './read-all-pages';
import { rolesFromAccessToken } from '../auth/token-roles';
import { roleNames } from '../preflight/directory-roles';

interface Page<T> {
  value: T[];
}

interface Organization {
  id: string;
  displayName: string;
  verifiedDomains?: { name: string; isDefault?: boolean }[];
}

interface DirectoryObject {
  '@odata.type'?: string;
  roleTemplateId?: string | null;
  displayName?: string | null;
}

function directoryRoles(fromToken: string[], memberOf: DirectoryObject[]): TenantOverview['roles'] {
  const described = memberOf.filter((o) => o['@odata.type'] === '#microsoft.graph.directoryRole' && o.roleTemplateId);
  const ids = new Set([...fromToken, ...described.map((o) => (o.roleTemplateId as string).toLowerCase())]);
  return [...ids].map((id) => ({
    templateId: id,
    name: roleNames[id] ?? described.find((o) => o.roleTemplateId?.toLowerCase() === id)?.displayName ?? id,
  }));
}

/**
 * The partner tenant as preflight shows it: name, ID, domains, and the signed-in admin's directory
 * roles. Needs only User.Read (sign-in's own scope). Roles come from the sign-in token's `wids` claim
 * (see rolesFromAccessToken for why), joined with any directory role /me/memberOf does describe: with
 * User.Read, Graph returns roles there with every property but id null.
 */
export async function readTenantOverview(client: Client, signInAccessToken: string): Promise<TenantOverview> {
  try {
    const [me, orgs, memberOf] = await Promise.all([
      client.api('/me').select(['id', 'displayName', 'userPrincipalName']).get() as Promise<{
        displayName: string | null;
        userPrincipalName: string;
      }>,
      client.api('/organization').select(['id', 'displayName', 'verifiedDomains']).get() as Promise<Page<Organization>>,
      readAllPages<DirectoryObject>(client, client.api('/me/memberOf')),
    ]);
    const org = orgs.value[0];
    if (!org) throw new Error('Microsoft Graph returned no organization for this tenant.');
    const domains = org.verifiedDomains ?? [];
    return {
      tenantId: org.id,
      displayName: org.displayName,
      defaultDomain: domains.find((d) => d.isDefault)?.name ?? null,
      verifiedDomains: domains.map((d) => d.name),
      user: { displayName: me.displayName ?? null, userPrincipalName: me.userPrincipalName },
      roles: directoryRoles(rolesFromAccessToken(signInAccessToken) ?? [], memberOf),
    };
  } catch (error) {
    throw graphFailed(error, 'read your tenant');
  }
}
