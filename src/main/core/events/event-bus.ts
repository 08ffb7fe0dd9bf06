import type { EventName, EventPayload } from '../../../shared/contract/events';

type AnyListener = (name: EventName, payload: unknown) => void;

/** Fan-out of main-side events to whichever hosts are listening (IPC windows, web sockets). */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
