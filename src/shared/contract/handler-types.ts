import type { Channel, OutputOf, ParsedInputOf } from './requests';

/** What a host knows about the caller; handlers may use it for audit records. */
export interface CallContext {
  host: 'electron' | 'web';
}

export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
  ctx: CallContext,
) => OutputOf<C> | Promise<OutputOf<C>>;

/** A slice of the handler table, declared next to the domain code that implements it. */
export type HandlerSlice<C extends Channel> = { [K in C]: Handler<K> };

export type HandlerTable = HandlerSlice<Channel>;
