import type { TypedApi } from '../../../shared/api';

let current: TypedApi | undefined;

/** Set once at start-up by main.tsx; features read it through getApi(). */
export function setApi(api: TypedApi): void {
  current = api;
}

export function getApi(): TypedApi {
  if (!current) throw new Error('The API is used before start-up finished.');
  return current;
}
