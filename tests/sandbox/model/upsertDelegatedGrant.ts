import type { SandboxState } from './SandboxState';
import type { OAuth2PermissionGrant } from './directoryTypes';

export interface DelegatedGrantInput {
  clientId: string;
  resourceId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  scopes: readonly string[];
}

/**
 * Adds scopes to the grant for (client, resource, consentType, principal), creating it if missing. Consent only
 * ever widens a grant; revoking is a Graph PATCH/DELETE (facts §5.1).
 */
export function upsertDelegatedGrant(state: SandboxState, tenantId: string, input: DelegatedGrantInput): OAuth2PermissionGrant {
  const directory = state.directory(tenantId);
  const principalId = input.consentType === 'AllPrincipals' ? null : input.principalId;
  const existing = directory
    .grantsFor(input.clientId, input.resourceId)
    .find((g) => g.consentType === input.consentType && g.principalId === principalId);
  if (existing) {
    const merged = new Set(existing.scope.split(' ').filter(Boolean));
    for (const s of input.scopes) merged.add(s);
    existing.scope = [...merged].join(' ');
    return existing;
  }
  const grant: OAuth2PermissionGrant = {
    // Grant ids are opaque base64url strings in Graph, not GUIDs (facts §5.1).
    id: Buffer.from(`${input.clientId}${input.resourceId}${state.random.uuid()}`.replace(/-/g, ''), 'hex').toString('base64url'),
    clientId: input.clientId,
    consentType: input.consentType,
    principalId,
    resourceId: input.resourceId,
    scope: [...new Set(input.scopes)].join(' '),
  };
  directory.oauth2PermissionGrants.set(grant.id, grant);
  return grant;
}
