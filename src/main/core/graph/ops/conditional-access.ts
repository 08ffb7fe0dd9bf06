import type { Client } from '@microsoft/microsoft-graph-client';
import { readAllPages } from '../read-all-pages';
import { isNotFound } from './graph-error-info';

/** The slice of a conditionalAccessPolicy the onboarding steps read and write (facts §12.1). */
export interface GraphConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  conditions: {
    applications?: { includeApplications?: string[] } & Record<string, unknown>;
    users?: { includeUsers?: string[] } & Record<string, unknown>;
  } & Record<string, unknown>;
  grantControls: ({ operator?: string; builtInControls?: string[] } & Record<string, unknown>) | null;
}

const policies = '/identity/conditionalAccess/policies';

export async function getConditionalAccessPolicy(client: Client, id: string): Promise<GraphConditionalAccessPolicy | undefined> {
  try {
    return (await client.api(`${policies}/${id}`).get()) as GraphConditionalAccessPolicy;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Policies with this display name. A tenant has a few dozen policies at most, so they are read
 * whole and matched here rather than relying on $filter support for this collection.
 */
export async function findConditionalAccessPoliciesByDisplayName(client: Client, displayName: string): Promise<GraphConditionalAccessPolicy[]> {
  const all = await readAllPages<GraphConditionalAccessPolicy>(client, client.api(policies));
  return all.filter((p) => p.displayName === displayName);
}

/**
 * The body of facts §12.1's "require MFA for one app": every user, every client app type, grant
 * only with multifactor authentication. includeApplications takes the app's client ID (appId).
 */
export function requireMfaPolicyBody(displayName: string, appId: string): Record<string, unknown> {
  return {
    displayName,
    state: 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      applications: { includeApplications: [appId] },
      users: { includeUsers: ['All'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  };
}

/** POST (201 with the policy). Conditional Access allows 1 request/second/tenant and sends no Retry-After (facts §9.2). */
export async function createConditionalAccessPolicy(client: Client, body: Record<string, unknown>): Promise<GraphConditionalAccessPolicy> {
  return (await client.api(policies).post(body)) as GraphConditionalAccessPolicy;
}

export async function updateConditionalAccessPolicy(client: Client, id: string, patch: Record<string, unknown>): Promise<void> {
  await client.api(`${policies}/${id}`).patch(patch);
}
