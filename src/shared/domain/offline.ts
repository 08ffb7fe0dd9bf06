import { z } from 'zod';
import { appErrorShapeSchema } from '../result';

/**
 * What the console shows from its own database when Microsoft cannot be reached, each item with the
 * time it was last read from (or written to) Microsoft. Secrets are metadata only: the value stays in the vault.
 */
export const cachedAppSchema = z.object({
  role: z.string(),
  appId: z.string().nullable(),
  /** When the app registration was last written by setup or read back from Entra. */
  asOf: z.string(),
});

export const cachedSecretSchema = z.object({
  role: z.string(),
  keyId: z.string(),
  hint: z.string(),
  endDateTime: z.string(),
  asOf: z.string(),
});

export const cachedWorkspaceSchema = z.object({
  workspaceId: z.string(),
  apps: z.array(cachedAppSchema),
  secrets: z.array(cachedSecretSchema),
  tenants: z.object({
    total: z.number().int(),
    /** Tenants whose status was read from the tenant at least once. */
    read: z.number().int(),
    /** The oldest and newest status reads: the list is only as fresh as its oldest row. */
    oldestAsOf: z.string().nullable(),
    newestAsOf: z.string().nullable(),
  }),
  /** The last refresh this session (null: none since the app started). */
  lastRefresh: z.object({ at: z.string(), changes: z.array(z.string()) }).nullable(),
});
export type CachedWorkspace = z.infer<typeof cachedWorkspaceSchema>;

/** The outcome of one refresh: what changed since the cached snapshot, and what could not be re-read. */
export const refreshResultSchema = z.object({
  at: z.string(),
  /** Sentences for the admin, e.g. "3 tenants changed status", "1 secret now expires sooner". */
  changes: z.array(z.string()),
  /** Workspaces that were left as they were, with why (a sign-in is gone, setup not run...). */
  skipped: z.array(z.object({ workspaceId: z.string(), workspaceName: z.string(), reason: appErrorShapeSchema })),
  workspaces: z.array(cachedWorkspaceSchema),
});
export type RefreshResult = z.infer<typeof refreshResultSchema>;
