import { DirectoryRole as R } from './directory-roles';

/**
 * What the onboarding steps need the admin to be allowed to do, and which built-in roles allow it
 * (Microsoft's least-privileged-roles-by-task table). Platforms declare the capabilities they need;
 * preflight compares them with the admin's roles before anything starts.
 */
export const capabilities = {
  manageAppRegistrations: {
    label: 'Create and update the app registration, its redirect URIs and secrets',
    roles: [R.GlobalAdministrator, R.ApplicationAdministrator, R.CloudApplicationAdministrator],
    // Microsoft's default lets any member register applications (and own them); tenants can turn it off.
    otherwise: 'Possible without these roles if your tenant lets users register applications (Microsoft’s default).',
  },
  consentDelegated: {
    label: 'Grant admin consent for delegated permissions (such as User.Read)',
    roles: [R.GlobalAdministrator, R.PrivilegedRoleAdministrator, R.ApplicationAdministrator, R.CloudApplicationAdministrator],
  },
  consentApplication: {
    label: 'Grant admin consent for application permissions (such as User.Read.All)',
    // Application and Cloud Application Administrators cannot grant Microsoft Graph app roles.
    roles: [R.GlobalAdministrator, R.PrivilegedRoleAdministrator],
  },
  manageSecurityGroups: {
    label: 'Create security groups',
    roles: [R.GlobalAdministrator, R.GroupsAdministrator, R.UserAdministrator],
    otherwise: 'Possible without these roles if your tenant lets users create security groups (Microsoft’s default).',
  },
  manageConditionalAccess: {
    label: 'Create a Conditional Access policy',
    roles: [R.GlobalAdministrator, R.ConditionalAccessAdministrator, R.SecurityAdministrator],
  },
  assignUsers: {
    label: 'Require assignment and assign users and groups to the app',
    roles: [R.GlobalAdministrator, R.ApplicationAdministrator, R.CloudApplicationAdministrator],
  },
} as const satisfies Record<string, { label: string; roles: readonly string[]; otherwise?: string }>;

export type Capability = keyof typeof capabilities;

/**
 * Roles that can consent, for the whole organization, to delegated permissions that need admin
 * consent (Microsoft's "grant tenant-wide admin consent" article: Global, Privileged Role, Cloud
 * Application and Application Administrator). The sign-in client asks for such permissions at the
 * steps below; anyone else meets Entra's "Need admin approval" (AADSTS90094) at that sign-in,
 * whatever their role allows once the permissions are granted.
 */
const canConsentForOrganization: readonly string[] = [R.GlobalAdministrator, R.PrivilegedRoleAdministrator, R.ApplicationAdministrator, R.CloudApplicationAdministrator];

/** Whether these roles can consent for the organization to delegated permissions that need admin consent. */
export function canConsentForTheOrganization(roleTemplateIds: readonly string[]): boolean {
  return canConsentForOrganization.some((r) => roleTemplateIds.includes(r));
}

/** Capabilities whose step scopes need admin consent (Policy.*, Group.ReadWrite.All, AppRoleAssignment.ReadWrite.All). */
const needsAdminConsentedScopes: ReadonlySet<Capability> = new Set(['manageConditionalAccess', 'manageSecurityGroups', 'assignUsers', 'manageAppRegistrations']);

export interface CapabilityCheck {
  capability: Capability;
  label: string;
  /** 'depends' when no role allows it but a tenant setting might (see `note`). */
  allowed: 'yes' | 'no' | 'depends';
  note: string | undefined;
  /** Role names that would allow it, for the "ask someone with…" advice. */
  grantedBy: string[];
}

/** Compares the admin's directory roles (template IDs) with what the steps need. */
export function checkCapabilities(
  roleTemplateIds: readonly string[],
  needed: readonly Capability[],
  roleName: (id: string) => string,
): CapabilityCheck[] {
  const held = new Set(roleTemplateIds);
  return needed.map((capability) => {
    const spec: { label: string; roles: readonly string[]; otherwise?: string } = capabilities[capability];
    const byRole = spec.roles.some((r) => held.has(r));
    // A Conditional Access, Security, Groups or User Administrator holds the role for the change but
    // cannot consent to the permissions the step signs in with (AADSTS90094): promise it only with that.
    if (byRole && needsAdminConsentedScopes.has(capability) && !canConsentForOrganization.some((r) => held.has(r))) {
      return {
        capability,
        label: spec.label,
        allowed: 'depends',
        note: `Your role allows this, but the permissions this step signs in with need an administrator’s consent first (otherwise Microsoft answers "Need admin approval", AADSTS90094). Ask a ${canConsentForOrganization.map(roleName).join(', ')} to grant admin consent for them (the admin consent page), then run this step.`,
        grantedBy: spec.roles.map(roleName),
      };
    }
    return {
      capability,
      label: spec.label,
      allowed: byRole ? 'yes' : spec.otherwise ? 'depends' : 'no',
      note: byRole ? undefined : spec.otherwise,
      grantedBy: spec.roles.map(roleName),
    };
  });
}
