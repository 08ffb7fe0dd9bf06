import { z } from 'zod';

export const stepActionSchema = z.enum(['create', 'update', 'keep', 'blocked']);

export const previewItemSchema = z.object({
  stepId: z.string(),
  title: z.string(),
  why: z.string(),
  action: stepActionSchema,
  summary: z.string(),
  details: z.array(z.string()),
  adoptable: z
    .object({ role: z.string(), apps: z.array(z.object({ appId: z.string(), displayName: z.string() })) })
    .optional(),
  /** Blocked, but the run can get past it another way (admin consent in the browser). */
  fallback: z.literal('browserConsent').optional(),
  /** Blocked until an administrator consents to the plan's permissions (AADSTS90094 for this admin): Microsoft's URL for that. */
  adminConsent: z.object({ url: z.string(), steps: z.array(z.string()), roles: z.string() }).optional(),
});
export type PreviewItemDto = z.infer<typeof previewItemSchema>;

/** A permission a setup asks Microsoft for, listed once, with why each step that uses it needs it. */
export const planPermissionSchema = z.object({
  scope: z.string(),
  resource: z.enum(['graph', 'partnerCenter']),
  reasons: z.array(z.string()),
});
export type PlanPermissionDto = z.infer<typeof planPermissionSchema>;

export const questionSchema = z.object({
  id: z.string(),
  kind: z.enum(['text', 'choice', 'yesNo', 'redirectUris', 'principals']),
  label: z.string(),
  help: z.string().optional(),
  placeholder: z.string().optional(),
  required: z.boolean().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string(), help: z.string().optional() })).optional(),
  default: z.union([z.string(), z.boolean()]).optional(),
});
export type QuestionDto = z.infer<typeof questionSchema>;

export const wizardSchema = z.object({
  supported: z.boolean(),
  /** A platform described by its own API: connect to it before anything can be planned. */
  needsConnection: z.boolean(),
  platformName: z.string(),
  guideTitle: z.string(),
  manualSteps: z.number(),
  questions: z.array(questionSchema),
  /** What the admin last entered, valid or not: nothing typed is lost. */
  answers: z.record(z.string(), z.unknown()),
  /** The guide's own troubleshooting table: what users see when something is wrong, and the fix. */
  troubleshooting: z.array(z.object({ symptom: z.string(), cause: z.string(), fix: z.string() })),
});
export type WizardDto = z.infer<typeof wizardSchema>;

export const runStepStatusSchema = z.enum(['pending', 'running', 'done', 'failed', 'skipped']);

export const runProgressSchema = z.object({
  workspaceId: z.string(),
  runId: z.string(),
  seq: z.number().int(),
  stepId: z.string(),
  status: runStepStatusSchema,
  message: z.string().optional(),
  fix: z.string().optional(),
  /** While Microsoft replicates: how long the step has waited so far. */
  waitingMs: z.number().optional(),
});
export type RunProgress = z.infer<typeof runProgressSchema>;

export const runViewSchema = z.object({
  runId: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  /** True when the run is marked running but nothing is working on it (a crash or restart). */
  interrupted: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  steps: z.array(
    z.object({
      seq: z.number().int(),
      stepId: z.string(),
      title: z.string(),
      status: runStepStatusSchema,
      attempts: z.number().int(),
      error: z.object({ code: z.string(), message: z.string(), fix: z.string().optional() }).optional(),
    }),
  ),
});
export type RunView = z.infer<typeof runViewSchema>;

export const handoverFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  secret: z.boolean(),
  /** Non-secret values only; a secret is revealed on request (onboarding.revealSecret). */
  value: z.string().nullable(),
  /** For secrets: which app's secret, and its hint and expiry. */
  secretOf: z.object({ role: z.string(), hint: z.string(), endDateTime: z.string() }).optional(),
});
export type HandoverField = z.infer<typeof handoverFieldSchema>;

/** A step left to do in the platform's own portal, and whether the admin has ticked it. */
export const checklistItemSchema = z.object({
  key: z.string(),
  text: z.string(),
  help: z.string().optional(),
  done: z.boolean(),
});
export type ChecklistItemDto = z.infer<typeof checklistItemSchema>;

/** The workspace's checklist in the guide's order; empty when the platform has none. */
export const checklistSchema = z.object({ items: z.array(checklistItemSchema) });
export type ChecklistDto = z.infer<typeof checklistSchema>;
