import type { StepId } from '../../../shared/domain/steps';
import type { CloudProfile } from '../clouds/cloud-profile';

/**
 * The one list of what each step asks Microsoft for, and why (issue 4: least privilege, asked when
 * needed). Sign-in asks only for what reading the admin's own profile, roles and tenant needs;
 * everything else is requested at the step that needs it, with the sentence below shown first.
 * The README's "Permissions" table is generated from this list by a test that keeps them in step.
 */
export const stepScopes = {
  signIn: {
    resource: 'graph',
    scopes: ['User.Read'],
    why: 'Reads your name, your directory roles, and your tenant’s name, ID and domains.',
  },
  findExistingApps: {
    resource: 'graph',
    scopes: ['Application.Read.All'],
    why: 'Looks for app registrations that already exist for this platform, so they are reused rather than duplicated.',
  },
  listGdapCustomers: {
    resource: 'graph',
    scopes: ['DelegatedAdminRelationship.Read.All'],
    why: 'Lists the client tenants you manage through GDAP, with the roles each relationship grants.',
  },
  registerApp: {
    resource: 'graph',
    scopes: ['Application.ReadWrite.All'],
    why: 'Creates or updates the platform’s app registration, its redirect URIs and its client secret.',
  },
  grantAdminConsent: {
    resource: 'graph',
    scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'],
    why: 'Grants admin consent in your tenant: creates the app’s service principal and grants its permissions.',
  },
  assignUsers: {
    resource: 'graph',
    // Least privileged per Microsoft's permission catalogue (data/graph-permissions/permissions.json):
    // GET /users/{id} User.ReadBasic.All; GET /groups Group.ReadBasic.All; POST appRoleAssignedTo
    // AppRoleAssignment.ReadWrite.All, which "also requires" Application.Read.All (also enough for
    // GET appRoleAssignedTo).
    scopes: ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All', 'User.ReadBasic.All', 'Group.ReadBasic.All'],
    why: 'Finds the users and security groups you chose by name and assigns them to the platform’s app, so only they can sign in.',
  },
  securityGroups: {
    resource: 'graph',
    scopes: ['Group.ReadWrite.All'],
    why: 'Creates the security groups the platform maps to roles, or reads the ones you choose.',
  },
  conditionalAccess: {
    resource: 'graph',
    // facts §12.1: creating a policy needs Policy.Read.All and Application.Read.All as well.
    scopes: ['Policy.ReadWrite.ConditionalAccess', 'Policy.Read.All', 'Application.Read.All'],
    why: 'Creates a Conditional Access policy that requires MFA for the platform’s app.',
  },
  partnerCenter: {
    resource: 'partnerCenter',
    scopes: ['user_impersonation'],
    why: 'Lists your Partner Center customers and grants the app consent in client tenants (CPV consent).',
  },
} as const satisfies Record<StepId, { resource: 'graph' | 'partnerCenter'; scopes: readonly string[]; why: string }>;

export type { StepId };

/** Fully qualified scopes for a step in a cloud, as MSAL sends them (required outside the global cloud). */
export function scopesFor(step: StepId, cloud: CloudProfile): string[] {
  const entry = stepScopes[step];
  const resource = entry.resource === 'graph' ? cloud.graphResource : cloud.partnerCenterResource;
  if (!resource) throw new Error(`${cloud.name} has no ${entry.resource} endpoint for the step "${step}".`);
  return entry.scopes.map((s) => `${resource}/${s}`);
}
