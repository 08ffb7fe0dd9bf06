import { z } from 'zod';
import { deviceCodePromptSchema } from '../domain/auth';
import { runProgressSchema } from '../domain/onboarding';
import { consentRunProgressSchema } from '../domain/client-tenants';
import { connectivityStateSchema } from '../domain/connectivity';
import { driftProgressSchema } from '../domain/drift';

/** Pushes from main to the renderer: progress of long work, state changes made elsewhere. */
export const events = {
  /** The workspace list changed (another window, tab or a background job changed it). */
  'workspaces.changed': z.object({ reason: z.enum(['created', 'renamed', 'deleted']), id: z.string() }),
  /** Web host only: the page opens Microsoft's sign-in in a new tab (Electron opens the system browser). */
  'auth.openUrl': z.object({ url: z.string() }),
  /** Device code sign-in: the code and where to enter it. */
  'auth.deviceCode': deviceCodePromptSchema,
  /** Accounts signed in or out, or a sign-in started or ended. */
  'auth.changed': z.object({}),
  /** A step of an onboarding run started, reported progress (replication waits), ended or failed. */
  'run.progress': runProgressSchema,
  'run.finished': z.object({ workspaceId: z.string(), runId: z.string(), status: z.enum(['succeeded', 'failed']) }),
  /** A client-tenant consent run's counts, rate and time left (at most a few per second), and its end. */
  'consent.progress': consentRunProgressSchema,
  /** Rows of the client-tenant list changed (discovery, import, include/exclude, a status read): re-read the page. */
  'tenants.changed': z.object({
    workspaceId: z.string(),
    reason: z.enum(['discovered', 'imported', 'added', 'included', 'strategy', 'status', 'platform']),
    /** The tenants that changed when few (at most 100); absent means "many, re-read". */
    tenantIds: z.array(z.string()).optional(),
  }),
  /** Microsoft became reachable or unreachable (from real requests and the probe). */
  'connectivity.changed': connectivityStateSchema,
  /** Drift "check all": workspaces checked so far, with each one's result as it finishes. */
  'drift.progress': driftProgressSchema,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
