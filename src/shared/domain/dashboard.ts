import { z } from 'zod';
import { statusCountsSchema, tenantStatusKindSchema } from './client-tenants';
import { platformIdSchema } from './platforms';

/**
 * The status dashboard across every workspace (issue 11 §2): counts per status and per platform, the tenants
 * that need attention first, the secret expiry timeline, and one filtered, paged list of all client tenants.
 * The HTML report and the CSV are built from the same read model, so their numbers are the dashboard's.
 */

export const dashboardFilterSchema = z
  .object({
    /** Case-insensitive substring of the tenant's name, domain or tenant ID. */
    text: z.string().trim().max(200).optional(),
    statuses: z.array(tenantStatusKindSchema).max(20).optional(),
    platforms: z.array(platformIdSchema).max(20).optional(),
    workspaceIds: z.array(z.string().min(1)).max(500).optional(),
    /** One client tenant (its rows in every workspace): the report an MSP hands to that client. */
    tenantId: z.string().trim().max(64).optional(),
  })
  .strict();
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

export const dashboardSortSchema = z.enum(['name', 'status', 'workspace', 'asOf']);
export type DashboardSort = z.infer<typeof dashboardSortSchema>;

export const platformCountSchema = z.object({
  platformId: platformIdSchema,
  total: z.number().int(),
  counts: statusCountsSchema,
});
export type PlatformCount = z.infer<typeof platformCountSchema>;

/** Secrets whose end date falls in one calendar month (UTC); `expired` holds the ones already past. */
export const expiryBucketSchema = z.object({
  /** "2026-12" for a month; "expired" for secrets already past their end date. */
  period: z.string(),
  label: z.string(),
  count: z.number().int(),
});
export type ExpiryBucket = z.infer<typeof expiryBucketSchema>;

export const dashboardSummarySchema = z.object({
  /** When the numbers were read from the store. */
  at: z.string(),
  workspaces: z.number().int(),
  total: z.number().int(),
  counts: statusCountsSchema,
  byPlatform: z.array(platformCountSchema),
  /** Oldest status read among the matching tenants (null: none read yet). */
  oldestAsOf: z.string().nullable(),
  secrets: z.object({
    total: z.number().int(),
    expired: z.number().int(),
    within30Days: z.number().int(),
    timeline: z.array(expiryBucketSchema),
  }),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const attentionKindSchema = z.enum(['secretExpired', 'failed', 'tenantNotFound', 'secretExpiring', 'accessNeeded', 'partiallyConsented']);
export type AttentionKind = z.infer<typeof attentionKindSchema>;

export const attentionItemSchema = z.object({
  kind: attentionKindSchema,
  /** 1 is the most urgent. */
  severity: z.number().int(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  platformId: platformIdSchema,
  /** Null for a secret (it concerns every tenant of the workspace). */
  tenantId: z.string().nullable(),
  /** The tenant's name or domain, or the app's role for a secret ("main app secret"). */
  title: z.string(),
  /** Why, in one sentence, with the missing permissions or the access reason. */
  why: z.string(),
  fix: z.string(),
  /** The time the item is aged by: the status read, or the secret's end date. */
  since: z.string().nullable(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

export const dashboardRowSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  platformId: platformIdSchema,
  tenantId: z.string(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  status: tenantStatusKindSchema,
  /** The one-line reason beside the status (empty when it needs none). */
  reason: z.string(),
  asOf: z.string().nullable(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const dashboardListInputSchema = z.object({
  filter: dashboardFilterSchema.default({}),
  sort: dashboardSortSchema.default('name'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const dashboardListOutputSchema = z.object({ total: z.number().int(), rows: z.array(dashboardRowSchema) });

export const dashboardAttentionInputSchema = z.object({
  limit: z.number().int().min(1).max(500).default(50),
  /** Secrets ending within this many days count as expiring. */
  expiringWithinDays: z.number().int().min(1).max(365).default(30),
});

export const dashboardAttentionOutputSchema = z.object({ total: z.number().int(), items: z.array(attentionItemSchema) });

export const dashboardExportOutputSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  /** Tenant rows in the file. */
  count: z.number().int(),
});
export type DashboardExport = z.infer<typeof dashboardExportOutputSchema>;
