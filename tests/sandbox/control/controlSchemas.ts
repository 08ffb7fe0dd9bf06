import { z } from 'zod';
import { delegatedAdminRelationshipStatuses } from '../model/directoryTypes';

const guid = z.string().regex(/^[0-9a-fA-F-]{36}$/);

export const clockInput = z.union([
  z.object({ advanceMs: z.number().nonnegative() }),
  z.object({ advanceSeconds: z.number().nonnegative() }),
  z.object({ set: z.string() }),
]);

export const tenantPatch = z.object({
  conditionalAccess: z
    .object({ requireMfa: z.boolean().optional(), serviceProviderUsers: z.enum(['none', 'block', 'requireMfa']).optional() })
    .optional(),
});

export const userInput = z.object({
  userPrincipalName: z.string().includes('@'),
  displayName: z.string().min(1),
  password: z.string().min(1),
  givenName: z.string().nullable().optional(),
  surname: z.string().nullable().optional(),
  directoryRoleTemplateIds: z.array(guid).optional(),
  mfaCode: z.string().optional(),
  requireMfa: z.boolean().optional(),
});

export const userPatch = z.object({
  password: z.string().min(1).optional(),
  displayName: z.string().min(1).optional(),
  directoryRoleTemplateIds: z.array(guid).optional(),
  requireMfa: z.boolean().optional(),
  accountEnabled: z.boolean().optional(),
});

const redirectUris = z.object({ redirectUris: z.array(z.string()).optional() });
const requiredResourceAccess = z.array(
  z.object({ resourceAppId: guid, resourceAccess: z.array(z.object({ id: guid, type: z.enum(['Scope', 'Role']) })) }),
);

export const applicationInput = z.object({
  displayName: z.string().min(1).max(256),
  signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']).optional(),
  uniqueName: z.string().nullable().optional(),
  identifierUris: z.array(z.string()).optional(),
  isFallbackPublicClient: z.boolean().nullable().optional(),
  web: redirectUris.extend({ homePageUrl: z.string().nullable().optional(), logoutUrl: z.string().nullable().optional() }).optional(),
  spa: redirectUris.optional(),
  publicClient: redirectUris.optional(),
  requiredResourceAccess: requiredResourceAccess.optional(),
  api: z.object({ requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2), z.null()]).optional() }).optional(),
  createServicePrincipal: z.boolean().optional(),
});

export const applicationPatch = z.object({
  displayName: z.string().min(1).max(256).optional(),
  signInAudience: applicationInput.shape.signInAudience,
  isFallbackPublicClient: z.boolean().nullable().optional(),
  web: redirectUris.optional(),
  spa: redirectUris.optional(),
  publicClient: redirectUris.optional(),
  requiredResourceAccess: requiredResourceAccess.optional(),
});

export const passwordInput = z.object({
  displayName: z.string().nullable().optional(),
  startDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});

export const servicePrincipalInput = z.object({ appId: guid, appRoleAssignmentRequired: z.boolean().optional() });
export const servicePrincipalPatch = z.object({ appRoleAssignmentRequired: z.boolean().optional(), accountEnabled: z.boolean().optional() });

export const grantInput = z.object({
  clientAppId: guid,
  resourceAppId: guid,
  scope: z.string().min(1),
  consentType: z.enum(['AllPrincipals', 'Principal']).default('AllPrincipals'),
  principalId: guid.nullable().optional(),
});

export const appRoleAssignmentInput = z.object({
  resourceAppId: guid,
  /** App role id, its value (e.g. "User.Read.All"), or omitted for default access (00000000-...). */
  appRole: z.string().optional(),
  principal: z.union([z.object({ servicePrincipalAppId: guid }), z.object({ userId: guid })]),
});

export const gdapPatch = z.object({
  status: z.enum(delegatedAdminRelationshipStatuses).optional(),
  endDateTime: z.string().nullable().optional(),
  /** Role template ids or display names; replaces the relationship's roles and every access assignment's. */
  roles: z.array(z.string().min(1)).optional(),
});

export const accessAssignmentInput = z.object({
  /** Security group in the partner tenant; default the scenario's GDAP group. */
  groupId: guid.optional(),
  roles: z.array(z.string().min(1)).optional(),
  status: z.enum(['active', 'pending']).optional(),
});
