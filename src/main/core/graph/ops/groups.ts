import type { Client } from '@microsoft/microsoft-graph-client';
import { readAllPages } from '../read-all-pages';
import { isNotFound } from './graph-error-info';

/** The slice of a Graph group the onboarding steps read (names as in the v1.0 schema). */
export interface GraphGroup {
  id: string;
  displayName: string;
  description?: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes?: string[];
  createdDateTime?: string | null;
}

const groupFields = ['id', 'displayName', 'description', 'securityEnabled', 'mailEnabled', 'groupTypes', 'createdDateTime'];

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

export async function getGroup(client: Client, id: string): Promise<GraphGroup | undefined> {
  try {
    return (await client.api(`/groups/${id}`).select(groupFields).get()) as GraphGroup;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Group display names are not unique in Entra: every group with this name, across pages. */
export async function findGroupsByDisplayName(client: Client, displayName: string): Promise<GraphGroup[]> {
  return readAllPages<GraphGroup>(client, client.api('/groups').filter(`displayName eq ${quote(displayName)}`).select(groupFields));
}

/**
 * A mailNickname Graph accepts for a display name: POST /groups requires one even for a security
 * group that has no mail, and it may hold only ASCII letters, digits and . - _ (at most 64).
 */
export function mailNicknameFor(displayName: string): string {
  const ascii = displayName.normalize('NFKD').replace(/[^A-Za-z0-9._-]/g, '');
  return (ascii || 'group').slice(0, 64);
}

/** POST /groups for a cloud security group: securityEnabled, not mail-enabled, no group types. */
export async function createSecurityGroup(client: Client, group: { displayName: string; description: string }): Promise<GraphGroup> {
  return (await client.api('/groups').post({
    displayName: group.displayName,
    description: group.description,
    mailEnabled: false,
    mailNickname: mailNicknameFor(group.displayName),
    securityEnabled: true,
  })) as GraphGroup;
}
