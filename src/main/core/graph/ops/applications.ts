import type { Client } from '@microsoft/microsoft-graph-client';
import { isNotFound } from './graph-error-info';
import type { GraphApplication, GraphPasswordCredential } from './graph-types';

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

const applicationFields = [
  'id',
  'appId',
  'displayName',
  'uniqueName',
  'signInAudience',
  'web',
  'spa',
  'publicClient',
  'requiredResourceAccess',
  'groupMembershipClaims',
  'optionalClaims',
  'passwordCredentials',
];

/** GET /applications(uniqueName='…'): our own key for the apps we manage (facts §1.2). */
export async function getApplicationByUniqueName(client: Client, uniqueName: string): Promise<GraphApplication | undefined> {
  try {
    return (await client.api(`/applications(uniqueName=${quote(uniqueName)})`).select(applicationFields).get()) as GraphApplication;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function getApplicationByAppId(client: Client, appId: string): Promise<GraphApplication | undefined> {
  try {
    return (await client.api(`/applications(appId=${quote(appId)})`).select(applicationFields).get()) as GraphApplication;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export async function findApplicationsByDisplayName(client: Client, displayName: string): Promise<GraphApplication[]> {
  const page = (await client
    .api('/applications')
    .filter(`displayName eq ${quote(displayName)}`)
    .select(applicationFields)
    .get()) as { value: GraphApplication[] };
  return page.value;
}

/**
 * PATCH /applications(uniqueName='…') with Prefer: create-if-missing (facts §1.3): creates the app
 * the first time (201, body returned) and updates it afterwards (204, no body). Running it twice
 * never makes two apps, which is what makes the create step safe to repeat after a crash.
 */
export async function upsertApplication(
  client: Client,
  uniqueName: string,
  body: Record<string, unknown>,
): Promise<{ created: boolean; app: GraphApplication | undefined }> {
  const result = (await client
    .api(`/applications(uniqueName=${quote(uniqueName)})`)
    .header('Prefer', 'create-if-missing')
    .patch(body)) as GraphApplication | undefined;
  return result && typeof result === 'object' && 'appId' in result ? { created: true, app: result } : { created: false, app: undefined };
}

export async function updateApplication(client: Client, objectId: string, body: Record<string, unknown>): Promise<void> {
  await client.api(`/applications/${objectId}`).patch(body);
}

/** POST /applications/{id}/addPassword: the only response that ever carries secretText (facts §3.1). */
export async function addPassword(
  client: Client,
  objectId: string,
  displayName: string,
  endDateTime: string,
): Promise<GraphPasswordCredential> {
  return (await client
    .api(`/applications/${objectId}/addPassword`)
    .post({ passwordCredential: { displayName, endDateTime } })) as GraphPasswordCredential;
}

export async function removePassword(client: Client, objectId: string, keyId: string): Promise<void> {
  await client.api(`/applications/${objectId}/removePassword`).post({ keyId });
}
