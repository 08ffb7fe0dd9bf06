import { z } from 'zod';
import { platformIdSchema } from './platforms';

export const WORKSPACE_NAME_MAX = 80;

export const workspaceNameSchema = z
  .string({ error: 'Give the workspace a name.' })
  .trim()
  .min(1, 'Give the workspace a name.')
  .max(WORKSPACE_NAME_MAX, `Workspace names are at most ${WORKSPACE_NAME_MAX} characters.`)
  // Control characters would make names unreadable in lists and logs.
  .refine((s) => !/\p{Cc}/u.test(s), 'Workspace names cannot contain control characters.');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name with at least one dot, such as contoso.onmicrosoft.com or contoso.com.
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * The partner tenant, as the admin knows it before signing in: its tenant ID or one of its domains.
 * Optional at creation; sign-in fills in the verified tenant ID.
 */
export const partnerTenantSchema = z
  .string()
  .trim()
  .max(253, 'A tenant ID or domain is at most 253 characters.')
  .refine(
    (s) => s === '' || GUID.test(s) || DOMAIN.test(s),
    'Enter the partner tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com, or leave it empty.',
  )
  .transform((s) => (s === '' ? null : s.toLowerCase()));

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  platformId: platformIdSchema,
  partnerTenant: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const workspaceCreateInputSchema = z.object({
  name: workspaceNameSchema,
  platformId: platformIdSchema,
  partnerTenant: partnerTenantSchema.optional().transform((v) => v ?? null),
});
export type WorkspaceCreateInput = z.input<typeof workspaceCreateInputSchema>;

export const workspaceRenameInputSchema = z.object({
  id: z.string().min(1),
  name: workspaceNameSchema,
});

export const workspaceIdInputSchema = z.object({ id: z.string().min(1) });

/** The key that makes names unique regardless of case and Unicode form ("Contoso" = "contoso"). */
export function workspaceNameKey(name: string): string {
  return name.normalize('NFKC').trim().toLocaleLowerCase('en-US');
}
