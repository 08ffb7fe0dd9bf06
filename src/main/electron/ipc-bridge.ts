import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ErrorCode } from '../../shared/error-codes';
import type { EventBus } from '../core/events/event-bus';
import type { Dispatch } from '../rpc/dispatch';
import { isAppUrl } from './app-origin';

export const INVOKE_CHANNEL = 'eo:invoke';
export const EVENT_CHANNEL = 'eo:event';

function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  // Only our top-level page, never a sub-frame, and only from our own origin.
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}

/**
 * The one place that uses ipcMain. Every call is checked for its sender before it reaches the
 * handler table, which then validates the input against the contract.
 */
export function bridgeIpc(dispatch: Dispatch, devServerUrl: string | undefined): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event, devServerUrl)) {
      return {
        ok: false,
        error: { code: ErrorCode.ForbiddenSender, message: 'This request did not come from the Entra Onboard window.' },
      };
    }
    return dispatch(channel, input, { host: 'electron' });
  });
}

/** Forwards main-side events to a window for as long as it lives. */
export function forwardEvents(events: EventBus, window: BrowserWindow): void {
  const unsubscribe = events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  window.on('closed', unsubscribe);
}
