import type { Group } from '../../model/directoryTypes';
import type { GraphTenantData } from '../GraphStore';

/** group in Graph's v1.0 shape (default property set). */
export function serializeGroup(group: Group, data: GraphTenantData, defaultDomain: string): Record<string, unknown> {
  const extras = data.groupExtras.get(group.id);
  const mailNickname = extras?.mailNickname ?? group.displayName.replace(/[^A-Za-z0-9]/g, '');
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: group.createdDateTime,
    description: extras?.description ?? null,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: extras?.groupTypes ?? [],
    isAssignableToRole: group.isAssignableToRole ?? extras?.isAssignableToRole ?? null,
    mail: group.mailEnabled ? `${mailNickname}@${defaultDomain}` : null,
    mailEnabled: group.mailEnabled,
    mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: group.mailEnabled ? [`SMTP:${mailNickname}@${defaultDomain}`] : [],
    renewedDateTime: group.createdDateTime,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: [],
    securityEnabled: group.securityEnabled,
    securityIdentifier: securityIdentifier(group.id),
    theme: null,
    visibility: extras?.visibility ?? null,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
}

/** Entra's SID for cloud groups: S-1-12-1- followed by the object id as four 32-bit little-endian integers. */
function securityIdentifier(objectId: string): string {
  const bytes = Buffer.from(guidBytes(objectId));
  return `S-1-12-1-${[0, 4, 8, 12].map((i) => bytes.readUInt32LE(i)).join('-')}`;
}

function guidBytes(guid: string): number[] {
  const hex = guid.replace(/-/g, '');
  const raw = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  // .NET Guid byte order: first three fields little-endian.
  return [raw[3], raw[2], raw[1], raw[0], raw[5], raw[4], raw[7], raw[6], ...raw.slice(8)].map((b) => b ?? 0);
}
