import { z } from 'zod';

/**
 * How close a client secret is to its end date. Warnings start 60 days out (time to plan a change window),
 * tighten at 30 and 7, and `expired` means sign-ins with it already fail (AADSTS7000222).
 */
export const expiryBandSchema = z.enum(['ok', 'd60', 'd30', 'd7', 'expired']);
export type ExpiryBand = z.infer<typeof expiryBandSchema>;

/** One client secret the console holds for a workspace's app: metadata only, never its value. */
export const secretEntrySchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  platformId: z.string(),
  role: z.enum(['main', 'partnerCenter']),
  appId: z.string().nullable(),
  keyId: z.string(),
  hint: z.string(),
  startDateTime: z.string(),
  endDateTime: z.string(),
  /** Whole days until the end date (negative once expired). */
  daysLeft: z.number().int(),
  band: expiryBandSchema,
  /** False when the value is no longer in this computer's vault (it cannot be handed over again). */
  inVault: z.boolean(),
});
export type SecretEntry = z.infer<typeof secretEntrySchema>;

export const deliveryModeSchema = z.enum(['push', 'envFile', 'copySheet']);
export type DeliveryMode = z.infer<typeof deliveryModeSchema>;

export const rotationStepKeySchema = z.enum(['create', 'deliver', 'verify', 'removeOld']);
export const rotationStepSchema = z.object({
  key: rotationStepKeySchema,
  status: z.enum(['pending', 'done', 'failed', 'undone', 'skipped']),
  detail: z.string(),
});
export type RotationStep = z.infer<typeof rotationStepSchema>;

/** What a rotation did, step by step, in the admin's words. */
export const rotationResultSchema = z.object({
  rotationId: z.string(),
  workspaceId: z.string(),
  role: z.enum(['main', 'partnerCenter']),
  delivery: deliveryModeSchema,
  /**
   * rotated: the new secret works and the old one is gone; awaitingHandover: the admin pastes the new secret
   * (copy sheet) or installs the .env file, then confirms; rolledBack: the new secret was removed again and
   * the old one keeps working.
   */
  outcome: z.enum(['rotated', 'awaitingHandover', 'rolledBack']),
  steps: z.array(rotationStepSchema),
  message: z.string(),
  newSecret: z.object({ keyId: z.string(), hint: z.string(), endDateTime: z.string() }).nullable(),
  envFilePath: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), fix: z.string().optional() }).nullable(),
});
export type RotationResult = z.infer<typeof rotationResultSchema>;
