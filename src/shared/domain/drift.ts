import { z } from 'zod';

/** What a drift item compares: the desired state a finished setup left, item by item (issue 11 §4). */
export const driftKindSchema = z.enum([
  'appRegistration',
  'redirectUri',
  'permission',
  'adminConsent',
  'secret',
  'servicePrincipal',
  'assignmentRequired',
  'platformConfiguration',
  'clientConsent',
]);
export type DriftKind = z.infer<typeof driftKindSchema>;

export const driftStateSchema = z.enum(['inSync', 'drifted', 'notChecked']);
export type DriftState = z.infer<typeof driftStateSchema>;

const problemSchema = z.object({ code: z.string(), message: z.string(), fix: z.string().optional() });

export const driftItemSchema = z.object({
  /** Stable within a workspace: the repair names the item by it. */
  key: z.string(),
  kind: driftKindSchema,
  /** What is compared, in the admin's words ("Web redirect URI https://…"). */
  title: z.string(),
  state: driftStateSchema,
  expected: z.string(),
  actual: z.string(),
  /** Why the item could not be checked (not signed in to that tenant, offline, a missing role) and what to do. */
  problem: problemSchema.optional(),
  /** What Repair will do, when the console can repair it. */
  repair: z.string().optional(),
});
export type DriftItem = z.infer<typeof driftItemSchema>;

export const workspaceDriftSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  checkedAt: z.string(),
  /** The worst of its items; notChecked when the workspace as a whole could not be read. */
  state: driftStateSchema,
  items: z.array(driftItemSchema),
  /** A problem for the whole workspace (not signed in to its partner tenant, offline). */
  problem: problemSchema.optional(),
});
export type WorkspaceDrift = z.infer<typeof workspaceDriftSchema>;

export const driftReportSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  workspaces: z.array(workspaceDriftSchema),
  /** Workspaces without a finished setup: nothing desired to compare with yet. */
  skipped: z.array(z.object({ workspaceId: z.string(), workspaceName: z.string(), reason: z.string() })),
});
export type DriftReport = z.infer<typeof driftReportSchema>;

export const driftProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** The workspace that just finished, when one did. */
  workspace: workspaceDriftSchema.optional(),
});
export type DriftProgress = z.infer<typeof driftProgressSchema>;
