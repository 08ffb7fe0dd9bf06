import { z } from 'zod';

export const directoryRoleSchema = z.object({ templateId: z.string(), name: z.string() });

export const tenantOverviewSchema = z.object({
  tenantId: z.string(),
  displayName: z.string(),
  defaultDomain: z.string().nullable(),
  verifiedDomains: z.array(z.string()),
  user: z.object({ displayName: z.string().nullable(), userPrincipalName: z.string() }),
  roles: z.array(directoryRoleSchema),
});
export type TenantOverview = z.infer<typeof tenantOverviewSchema>;

export const capabilityCheckSchema = z.object({
  capability: z.string(),
  label: z.string(),
  allowed: z.enum(['yes', 'no', 'depends']),
  note: z.string().optional(),
  grantedBy: z.array(z.string()),
  /** For optional steps: when the platform needs this. */
  when: z.string().optional(),
});
export type CapabilityCheckDto = z.infer<typeof capabilityCheckSchema>;

/** A check that needs more than sign-in's own scopes; it may ask the admin to sign in for them. */
export const reachCheckSchema = z.object({
  id: z.enum(['existingApps', 'gdapCustomers', 'partnerCenter']),
  label: z.string(),
  status: z.enum(['ok', 'needsSignIn', 'unavailable', 'failed']),
  summary: z.string(),
  items: z.array(z.string()),
  /** The step whose scopes a sign-in would ask for. */
  step: z.string(),
  /** Why sign-in is needed: MFA (Conditional Access), consent, or an expired sign-in. */
  reason: z.enum(['mfa', 'consent', 'signIn']).optional(),
  fix: z.string().optional(),
});
export type ReachCheck = z.infer<typeof reachCheckSchema>;

export const preflightSchema = z.object({
  overview: tenantOverviewSchema,
  required: z.array(capabilityCheckSchema),
  optional: z.array(capabilityCheckSchema),
  guideSays: z.string().optional(),
  /** Set when the workspace names a partner tenant other than the one signed in to. */
  tenantMismatch: z.string().optional(),
  reach: z.array(reachCheckSchema),
});
export type Preflight = z.infer<typeof preflightSchema>;
