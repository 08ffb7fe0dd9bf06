import type { RawBridge, TypedApi } from '../../../shared/api';
import { isEventName } from '../../../shared/contract/events';
import { ErrorCode } from '../../../shared/error-codes';
import { resultSchema, type Result } from '../../../shared/result';

/** Wraps whichever bridge the host provides into the typed API the features use. */
export function createApi(bridge: RawBridge): TypedApi {
  return {
    async call(channel, input) {
      let raw: unknown;
      try {
        raw = await bridge.invoke(channel, input);
      } catch {
        raw = undefined;
      }
      const parsed = resultSchema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: ErrorCode.Internal,
            message: 'The app answered in a way this window does not understand.',
            fix: 'Reload the window. If it keeps happening, restart Entra Onboard.',
          },
        };
      }
      return parsed.data as Result<never>;
    },
    on(name, listener) {
      return bridge.onEvent((eventName, payload) => {
        if (isEventName(eventName) && eventName === name) listener(payload as never);
      });
    },
  };
}
