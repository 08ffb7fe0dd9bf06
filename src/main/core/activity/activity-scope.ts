import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the code running now works for: set where a request handler or a run starts, read by the
 * recording fetch deep below (Graph client, Partner Center, platform API), so no helper has to pass
 * the workspace down to have its writes logged. AsyncLocalStorage follows the async work a handler
 * starts, so a run launched by a handler keeps its scope after the handler has returned.
 */
export interface ActivityScope {
  workspaceId?: string;
  operation?: string;
  /** The signed-in account last seen in this scope's tokens; named for writes whose token is not Microsoft's. */
  actor?: { who: string; oid: string | null; tid: string | null };
}

const storage = new AsyncLocalStorage<ActivityScope>();

/** Runs `fn` in a scope; an inner scope inherits what it does not set (a run inside a handler). */
export function withActivityScope<T>(scope: Omit<ActivityScope, 'actor'>, fn: () => T): T {
  const outer = storage.getStore();
  return storage.run({ ...outer, ...scope }, fn);
}

export function currentActivityScope(): ActivityScope | undefined {
  return storage.getStore();
}
