import type { AccessNeededReason, Evidence, GdapRelationship } from '../../../shared/domain/client-tenants';

/** One access assignment of a relationship as Graph lists it (delegatedAdminAccessAssignment). */
export interface GdapAccessAssignment {
  id: string;
  status: string;
  accessContainer?: { accessContainerId?: string; accessContainerType?: string } | null;
}

export interface GdapAccessExplanation {
  reason: AccessNeededReason;
  message: string;
  fix: string;
  evidence: Evidence[];
}

/**
 * Why Entra refused the partner admin (AADSTS50020-like) although a relationship with the tenant is active.
 * Under GDAP a partner user gets in only through an access assignment that names a security group they are in
 * (learn.microsoft.com/partner-center/customers/gdap-assign-microsoft-entra-roles: "roles aren't active until you
 * assign them to security groups"); an active relationship with no active assignment lets nobody in. So the
 * relationships' assignments are read from Graph (GET .../delegatedAdminRelationships/{id}/accessAssignments,
 * learn.microsoft.com/graph/api/delegatedadminrelationship-list-accessassignments), never guessed from our list.
 * Undefined when the assignments could not be read (the caller keeps Entra's own answer).
 */
export async function explainGdapAccess(
  active: readonly GdapRelationship[],
  readAssignments: (relationshipId: string) => Promise<GdapAccessAssignment[]>,
): Promise<GdapAccessExplanation | undefined> {
  if (active.length === 0) return undefined;
  const perRelationship = await Promise.all(active.map(async (r) => ({ r, assignments: await readAssignments(r.id) })));
  const evidence: Evidence[] = perRelationship.map(({ r, assignments }) => ({
    check: 'relationship',
    ok: assignments.some((a) => a.status === 'active'),
    detail:
      assignments.length === 0
        ? `${r.displayName}: ${r.status}, with no access assignment.`
        : `${r.displayName}: ${r.status}; access assignments: ${assignments.map((a) => `security group ${a.accessContainer?.accessContainerId ?? '?'} (${a.status})`).join(', ')}.`,
  }));
  const assigned = perRelationship.flatMap(({ assignments }) => assignments);
  const activeAssignments = assigned.filter((a) => a.status === 'active');
  if (activeAssignments.length === 0) {
    const pending = assigned.some((a) => a.status === 'pending');
    return {
      reason: 'accessAssignmentMissing',
      message: pending
        ? 'The GDAP relationship’s access assignment for your security group is still being set up by Microsoft.'
        : 'The GDAP relationship has no access assignment for your security group, so nobody at your company gets into this tenant through it.',
      fix: pending
        ? 'Wait a few minutes for the assignment to become active, then retry the failed tenants.'
        : 'Add one in Partner Center → Customers → the customer → Admin relationships → the relationship → Assign Microsoft Entra roles (your security group, with Application Administrator and Privileged Role Administrator), then retry the failed tenants.',
      evidence,
    };
  }
  const groups = [...new Set(activeAssignments.map((a) => a.accessContainer?.accessContainerId).filter((g): g is string => typeof g === 'string'))];
  return {
    reason: 'notAdminAgent',
    message: `The GDAP relationship is active and assigns security group ${groups.join(', ')}, but Microsoft did not let your account in: your account is not a member of that group.`,
    fix: 'Add your account to that security group in your partner tenant (or assign a group you are in to the relationship in Partner Center → GDAP), then retry the failed tenants.',
    evidence,
  };
}
