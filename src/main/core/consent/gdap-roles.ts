import type { GdapRelationship } from '../../../shared/domain/client-tenants';
import { DirectoryRole, roleNames } from '../preflight/directory-roles';
import type { ConsentTarget } from './consent-target';

/**
 * The GDAP roles that let a partner admin consent an app in a client tenant
 * (learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent, "Prerequisites"):
 * delegated permissions need a Cloud Application Administrator, Application Administrator,
 * Privileged Role Administrator or Global Administrator; Microsoft Graph application permissions
 * (app roles) need a Privileged Role Administrator or Global Administrator.
 */
const DELEGATED_CONSENT_ROLES: readonly string[] = [
  DirectoryRole.GlobalAdministrator,
  DirectoryRole.PrivilegedRoleAdministrator,
  DirectoryRole.ApplicationAdministrator,
  DirectoryRole.CloudApplicationAdministrator,
];
const APP_ROLE_CONSENT_ROLES: readonly string[] = [DirectoryRole.GlobalAdministrator, DirectoryRole.PrivilegedRoleAdministrator];

/**
 * Partner Center CPV consent under GDAP needs Global, Application or Cloud Application Administrator
 * in the relationship (learn.microsoft.com/partner-center/developer/cpv-gdap, facts §8.1).
 */
export const CPV_ROLES: readonly string[] = [
  DirectoryRole.GlobalAdministrator,
  DirectoryRole.ApplicationAdministrator,
  DirectoryRole.CloudApplicationAdministrator,
];

export function roleName(id: string): string {
  return roleNames[id] ?? id;
}

/**
 * Statuses in which a relationship can still let the partner in, so Entra is asked rather than the list judged:
 * `active`, `expiring` (active, near its end date) and `terminationRequested`. A termination is a request
 * (delegatedAdminRelationshipRequest action `terminate`, learn.microsoft.com/graph/api/resources/delegatedadminrelationshiprequest);
 * the security group's users lose access once the relationship is terminated
 * (learn.microsoft.com/partner-center/customers/gdap-partner-terminate), not while it is only requested. Entra's
 * answer to the token request is what decides.
 */
const ACTIVE: ReadonlySet<string> = new Set(['active', 'expiring', 'terminationRequested']);

export function activeRelationships(relationships: readonly GdapRelationship[], now: number): GdapRelationship[] {
  return relationships.filter((r) => ACTIVE.has(r.status) && (r.endDateTime === null || Date.parse(r.endDateTime) > now));
}

/**
 * What the partner admin's GDAP access lacks to consent the target: empty when enough. Each entry is
 * a sentence naming the roles that would do ("Application Administrator or Global Administrator").
 */
export function missingGdapRoles(roles: readonly string[], target: Pick<ConsentTarget, 'delegated' | 'application'>): string[] {
  const have = new Set(roles);
  const missing: string[] = [];
  if (target.delegated.length > 0 && !DELEGATED_CONSENT_ROLES.some((r) => have.has(r))) {
    missing.push(`${roleName(DirectoryRole.CloudApplicationAdministrator)} (or ${roleName(DirectoryRole.ApplicationAdministrator)})`);
  }
  if (target.application.length > 0 && !APP_ROLE_CONSENT_ROLES.some((r) => have.has(r))) {
    missing.push(`${roleName(DirectoryRole.PrivilegedRoleAdministrator)} (for application permissions)`);
  }
  return missing;
}
