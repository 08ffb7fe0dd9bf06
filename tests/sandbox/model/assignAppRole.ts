import { DirectoryError } from './DirectoryError';
import type { SandboxState } from './SandboxState';
import type { AppRoleAssignment } from './directoryTypes';

export interface AppRoleAssignmentInput {
  principalId: string;
  principalType: AppRoleAssignment['principalType'];
  principalDisplayName: string;
  resourceId: string;
  appRoleId: string;
}

/** POST /servicePrincipals/{resource}/appRoleAssignedTo (facts §5.2); an existing identical assignment is returned. */
export function assignAppRole(state: SandboxState, tenantId: string, input: AppRoleAssignmentInput): AppRoleAssignment {
  const directory = state.directory(tenantId);
  const resource = directory.servicePrincipals.get(input.resourceId);
  if (!resource) throw new DirectoryError(`Resource service principal ${input.resourceId} not found in ${tenantId}`);
  const existing = directory
    .assignmentsOf(input.principalId, input.resourceId)
    .find((a) => a.appRoleId === input.appRoleId);
  if (existing) return existing;
  const assignment: AppRoleAssignment = {
    // Assignment ids are base64url strings, not GUIDs (facts §5.2).
    id: Buffer.from(`${input.principalId}${state.random.uuid()}`.replace(/-/g, ''), 'hex').toString('base64url'),
    appRoleId: input.appRoleId,
    createdDateTime: state.clock.nowIso(),
    deletedDateTime: null,
    principalDisplayName: input.principalDisplayName,
    principalId: input.principalId,
    principalType: input.principalType,
    resourceDisplayName: resource.displayName,
    resourceId: resource.id,
  };
  directory.appRoleAssignments.set(assignment.id, assignment);
  return assignment;
}
