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

export const preflightSchema = z.object({
  overview: tenantOverviewSchema,
  required: z.array(capabilityCheckSchema),
  optional: z.array(capabilityCheckSchema),
  guideSays: z.string().optional(),
  /** Set when the workspace names a partner tenant other than the one signed in to. */
  tenantMismatch: z.string().optional(),
});
export type Preflight = z.infer<typeof preflightSchema>;
