import type { Client } from '@microsoft/microsoft-graph-client';
import { readAllPages } from '../read-all-pages';
import type { GraphAppRoleAssignment } from './graph-types';

/**
 * The app role ID that assigns a user or group to an app which declares no app roles: "assigned to
 * the resource app without any specific app roles" (facts §12.2).
 */
export const DEFAULT_ACCESS_APP_ROLE_ID = '00000000-0000-0000-0000-000000000000';

/** Everyone assigned to an app (users, groups, service principals), across pages. */
export async function listAssignmentsTo(client: Client, spId: string): Promise<GraphAppRoleAssignment[]> {
  return readAllPages<GraphAppRoleAssignment>(client, client.api(`/servicePrincipals/${spId}/appRoleAssignedTo`));
}

/** POST /servicePrincipals/{spId}/appRoleAssignedTo for a user or group (facts §12.2). */
export async function assignToApp(
  client: Client,
  spId: string,
  principalId: string,
  appRoleId: string = DEFAULT_ACCESS_APP_ROLE_ID,
): Promise<GraphAppRoleAssignment> {
  return (await client.api(`/servicePrincipals/${spId}/appRoleAssignedTo`).post({ principalId, resourceId: spId, appRoleId })) as GraphAppRoleAssignment;
}
