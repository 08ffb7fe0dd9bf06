import { z } from 'zod';

/** Pushes from main to the renderer: progress of long work, state changes made elsewhere. */
export const events = {
  /** The workspace list changed (another window, tab or a background job changed it). */
  'workspaces.changed': z.object({ reason: z.enum(['created', 'renamed', 'deleted']), id: z.string() }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
