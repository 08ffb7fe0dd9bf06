import { createHash } from 'node:crypto';
import { roleDescriptions } from '../auth/directoryRoleIds';
import { roleDisplayNames } from '../../model/wellKnownIds';

/** A directoryRole's object id differs per tenant; derive a stable GUID from tenant + template. */
function roleObjectId(tenantId: string, roleTemplateId: string): string {
  const hex = createHash('sha256').update(`${tenantId}|directoryRole|${roleTemplateId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** directoryRole as /me/memberOf lists it: typed, with its roleTemplateId. */
export function serializeDirectoryRole(tenantId: string, roleTemplateId: string): Record<string, unknown> {
  const known = roleDescriptions[roleTemplateId];
  return {
    '@odata.type': '#microsoft.graph.directoryRole',
    id: roleObjectId(tenantId, roleTemplateId),
    deletedDateTime: null,
    description: known?.description ?? null,
    displayName: known?.displayName ?? roleDisplayNames[roleTemplateId] ?? null,
    roleTemplateId,
  };
}
