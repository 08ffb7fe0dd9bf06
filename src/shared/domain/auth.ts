import { z } from 'zod';
import { stepIdSchema } from './steps';

export const accountSummarySchema = z.object({
  homeAccountId: z.string(),
  username: z.string(),
  name: z.string().optional(),
  tenantId: z.string(),
});
export type AccountSummaryDto = z.infer<typeof accountSummarySchema>;

export const signInMethodSchema = z.enum(['browser', 'deviceCode']);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

export const deviceCodePromptSchema = z.object({
  userCode: z.string(),
  verificationUri: z.string(),
  message: z.string(),
  expiresInSeconds: z.number(),
});
export type DeviceCodePromptDto = z.infer<typeof deviceCodePromptSchema>;

export const authStateSchema = z.object({
  cloud: z.object({ id: z.string(), name: z.string() }),
  clientId: z.string(),
  accounts: z.array(accountSummarySchema),
  pending: z.enum(['none', 'browser', 'deviceCode']),
});
export type AuthState = z.infer<typeof authStateSchema>;

export const signInInputSchema = z.object({
  method: signInMethodSchema,
  /** The workspace this sign-in is for: its partner tenant is used as the authority when known. */
  workspaceId: z.string().optional(),
  /** Sign in again for these steps' scopes (consent, MFA), as this account: one browser trip for all. */
  steps: z.array(stepIdSchema).max(8).optional(),
  homeAccountId: z.string().optional(),
  /** Ask Microsoft for multi-factor authentication in this sign-in (Partner Center refuses tokens without it: 900421). */
  mfa: z.boolean().optional(),
  loginHint: z
    .string()
    .trim()
    .max(320)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** An application (client) ID: a GUID, as the Entra admin center shows it. */
export const clientIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Enter the application (client) ID: a GUID such as 14d82eec-204b-4c2f-b7e8-296a70dab67e.')
  .transform((s) => s.toLowerCase());
