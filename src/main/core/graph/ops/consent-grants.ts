import type { Client } from '@microsoft/microsoft-graph-client';
import { readAllPages } from '../read-all-pages';
import type { GraphAppRoleAssignment, GraphDelegatedGrant } from './graph-types';

/** The tenant-wide (AllPrincipals) delegated grant of a client on a resource, if there is one. */
export async function findTenantWideGrant(client: Client, clientSpId: string, resourceSpId: string): Promise<GraphDelegatedGrant | undefined> {
  const grants = await readAllPages<GraphDelegatedGrant>(
    client,
    client.api('/oauth2PermissionGrants').filter(`clientId eq '${clientSpId}' and resourceId eq '${resourceSpId}'`),
  );
  return grants.find((g) => g.consentType === 'AllPrincipals');
}

/** POST /oauth2PermissionGrants (facts §5.1): scope is space-separated. */
export async function createTenantWideGrant(client: Client, clientSpId: string, resourceSpId: string, scopes: string[]): Promise<GraphDelegatedGrant> {
  return (await client.api('/oauth2PermissionGrants').post({
    clientId: clientSpId,
    consentType: 'AllPrincipals',
    resourceId: resourceSpId,
    scope: scopes.join(' '),
  })) as GraphDelegatedGrant;
}

export async function updateGrantScope(client: Client, grantId: string, scopes: string[]): Promise<void> {
  await client.api(`/oauth2PermissionGrants/${grantId}`).patch({ scope: scopes.join(' ') });
}

/** App roles of a resource already granted to a client (application permissions, facts §5.2). */
export async function listAppRoleAssignments(client: Client, resourceSpId: string, clientSpId: string): Promise<GraphAppRoleAssignment[]> {
  const all = await readAllPages<GraphAppRoleAssignment>(client, client.api(`/servicePrincipals/${resourceSpId}/appRoleAssignedTo`));
  return all.filter((a) => a.principalId === clientSpId);
}

export async function assignAppRole(client: Client, resourceSpId: string, clientSpId: string, appRoleId: string): Promise<GraphAppRoleAssignment> {
  return (await client.api(`/servicePrincipals/${resourceSpId}/appRoleAssignedTo`).post({
    principalId: clientSpId,
    resourceId: resourceSpId,
    appRoleId,
  })) as GraphAppRoleAssignment;
}
