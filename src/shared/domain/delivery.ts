import { z } from 'zod';

export const fieldChangeSchema = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });

export const deliveryStatusSchema = z.object({
  connection: z.object({ baseUrl: z.string(), platformName: z.string().nullable() }).nullable(),
  /** Copy-sheet fields the admin has ticked as pasted. */
  ticks: z.array(z.string()),
  /** The platform reads a .env file (SonicSaaS): offer to write one. */
  envFile: z.boolean(),
});
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const connectInputSchema = z.object({
  workspaceId: z.string().min(1),
  baseUrl: z
    .string()
    .trim()
    .refine((s) => {
      try {
        return new URL(s).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'Enter the platform’s API address, starting with https://.'),
  token: z.string().trim().min(8, 'Paste the API token from the platform’s settings.').max(4096),
});

export const pushResultSchema = z.object({
  pushId: z.string(),
  changes: z.array(fieldChangeSchema),
  readBack: z.object({ matches: z.boolean(), problems: z.array(z.string()) }),
  test: z.object({ ok: z.boolean(), checks: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })), testedAt: z.string() }),
});
export type PushResultDto = z.infer<typeof pushResultSchema>;
