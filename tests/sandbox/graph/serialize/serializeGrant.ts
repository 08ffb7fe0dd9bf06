import type { OAuth2PermissionGrant } from '../../model/directoryTypes';

/** oAuth2PermissionGrant in Graph's v1.0 shape (facts §5.1). */
export function serializeGrant(g: OAuth2PermissionGrant): Record<string, unknown> {
  return { clientId: g.clientId, consentType: g.consentType, id: g.id, principalId: g.principalId, resourceId: g.resourceId, scope: g.scope };
}
