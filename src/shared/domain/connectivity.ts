import { z } from 'zod';

/**
 * Whether Microsoft answers, as the main process last saw it: from the outcome of real requests and a
 * cheap probe (the cloud's OpenID discovery document). 'unknown' until the first answer or failure.
 */
export const connectivityStateSchema = z.object({
  status: z.enum(['unknown', 'online', 'offline']),
  /** When the status last changed (ISO). */
  since: z.string().nullable(),
  /** When a request or probe last told us anything (ISO). */
  checkedAt: z.string().nullable(),
  /** Why it is offline: the host and the cause code (ECONNREFUSED...), in the admin's words. */
  failure: z.object({ host: z.string().nullable(), code: z.string(), message: z.string(), fix: z.string() }).nullable(),
});
export type ConnectivityState = z.infer<typeof connectivityStateSchema>;
