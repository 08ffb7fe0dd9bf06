import type { Client } from '@microsoft/microsoft-graph-client';
import { isNotFound } from './graph-error-info';

/** The slice of a Graph user the assignment step reads (names as in the v1.0 schema). */
export interface GraphUser {
  id: string;
  displayName: string | null;
  userPrincipalName: string;
}

const userFields = ['id', 'displayName', 'userPrincipalName'];

/**
 * The path of one user by object ID or user principal name, URL-encoded: a guest's UPN holds "#"
 * (adele_fabrikam.com#EXT#@contoso.onmicrosoft.com). Graph reads a UPN that starts with "$" as a
 * system query option, so such a key goes in parentheses and quotes (Get user, v1.0).
 */
export function userPath(idOrUserPrincipalName: string): string {
  if (idOrUserPrincipalName.startsWith('$')) return `/users('${encodeURIComponent(idOrUserPrincipalName.replace(/'/g, "''")).replace(/%24/g, '$')}')`;
  return `/users/${encodeURIComponent(idOrUserPrincipalName)}`;
}

/** GET /users/{id | userPrincipalName}; undefined when the tenant has no such user (404). */
export async function getUser(client: Client, idOrUserPrincipalName: string): Promise<GraphUser | undefined> {
  try {
    return (await client.api(userPath(idOrUserPrincipalName)).select(userFields).get()) as GraphUser;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** GET /me: the signed-in admin, by their own object ID in this tenant. */
export async function getSignedInUser(client: Client): Promise<GraphUser> {
  return (await client.api('/me').select(userFields).get()) as GraphUser;
}
