import type { Client } from '@microsoft/microsoft-graph-client';
import { isAlreadyExists, isNotFound } from './graph-error-info';
import type { GraphServicePrincipal } from './graph-types';

export async function getServicePrincipalByAppId(
  client: Client,
  appId: string,
  select: string[] = ['id', 'appId', 'displayName', 'appRoleAssignmentRequired'],
): Promise<GraphServicePrincipal | undefined> {
  try {
    return (await client.api(`/servicePrincipals(appId='${appId}')`).select(select).get()) as GraphServicePrincipal;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Creates the app's service principal; a 409 (someone created it first) returns the existing one. */
export async function ensureServicePrincipal(client: Client, appId: string): Promise<{ created: boolean; sp: GraphServicePrincipal }> {
  try {
    return { created: true, sp: (await client.api('/servicePrincipals').post({ appId })) as GraphServicePrincipal };
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const existing = await getServicePrincipalByAppId(client, appId);
    if (!existing) throw error;
    return { created: false, sp: existing };
  }
}

export async function setAssignmentRequired(client: Client, spId: string, required: boolean): Promise<void> {
  await client.api(`/servicePrincipals/${spId}`).patch({ appRoleAssignmentRequired: required });
}

/**
 * "Enabled for users to sign in?" in the Entra admin center is the service principal's accountEnabled;
 * PATCH needs Application.ReadWrite.All (learn.microsoft.com/graph/api/serviceprincipal-update).
 */
export async function setServicePrincipalEnabled(client: Client, spId: string, enabled: boolean): Promise<void> {
  await client.api(`/servicePrincipals/${spId}`).patch({ accountEnabled: enabled });
}
