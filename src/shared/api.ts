import type { Result } from './result';
import type { Channel, InputOf, OutputOf } from './contract/requests';
import type { EventName, EventPayload } from './contract/events';

/**
 * The one API the renderer sees, whichever host it runs on. The preload exposes an untyped
 * `RawBridge`; the renderer wraps it (or the web-socket transport) into this typed form.
 */
export interface RawBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

export interface TypedApi {
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The name under which the Electron preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'entraOnboard';
