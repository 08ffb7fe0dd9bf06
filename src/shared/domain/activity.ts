import { z } from 'zod';

/** Where a change was made: Microsoft Entra (through Graph), Partner Center, the platform, or the console itself. */
export const activityServiceSchema = z.enum(['graph', 'partnerCenter', 'platform', 'console']);
export type ActivityService = z.infer<typeof activityServiceSchema>;

export const activityResultSchema = z.enum(['succeeded', 'failed']);
export type ActivityResult = z.infer<typeof activityResultSchema>;

/** One entry of the activity log, as the console page shows it. Never a secret (see core/activity). */
export const activityEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  workspaceId: z.string().nullable(),
  workspaceName: z.string().nullable(),
  /** The request or run that made the change (e.g. onboarding.apply). */
  operation: z.string().nullable(),
  /** The signed-in account (user principal name), an app (app-only token) or the local user. */
  who: z.string(),
  whoObjectId: z.string().nullable(),
  whoTenantId: z.string().nullable(),
  service: activityServiceSchema,
  method: z.string().nullable(),
  target: z.string(),
  what: z.string(),
  result: activityResultSchema,
  status: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  /** The ID we sent (client-request-id, MS-CorrelationId, Idempotency-Key). */
  clientRequestId: z.string().nullable(),
  /** The ID the service answered with (request-id, MS-RequestId). */
  requestId: z.string().nullable(),
  /** A whitelisted summary (names and object IDs); never a body. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  hash: z.string(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityQuerySchema = z.object({
  /** Text found in who, what, workspace, result, target, error code or a correlation ID. */
  text: z.string().trim().max(200).default(''),
  workspaceId: z.string().min(1).optional(),
  result: activityResultSchema.optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activityListInputSchema = activityQuerySchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const activityListOutputSchema = z.object({
  total: z.number().int(),
  entries: z.array(activityEntrySchema),
  /** Every workspace the log names (a deleted workspace still has its entries). */
  workspaces: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** "intact, N entries", or the first entry whose hash or link to the one before does not hold. */
export const activityVerifySchema = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  broken: z
    .object({
      id: z.number().int(),
      at: z.string(),
      what: z.string(),
      reason: z.enum(['changed', 'previousMissing']),
    })
    .optional(),
});
export type ActivityVerification = z.infer<typeof activityVerifySchema>;

export const activityCsvSchema = z.object({ fileName: z.string(), csv: z.string(), count: z.number().int() });
