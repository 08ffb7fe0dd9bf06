import type { DelegatedAdminRelationship, DelegatedAdminRelationshipStatus } from './directoryTypes';

/**
 * The status Graph reports now. A relationship stored as `active` whose endDateTime has passed (the sandbox clock
 * moved on) is `expired`: "endDateTime: when the status changes to either terminated or expired"
 * (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship). Every other status is as stored.
 */
export function effectiveRelationshipStatus(rel: DelegatedAdminRelationship, nowMs: number): DelegatedAdminRelationshipStatus {
  if (rel.status === 'active' && rel.endDateTime !== null && Date.parse(rel.endDateTime) <= nowMs) return 'expired';
  return rel.status;
}
