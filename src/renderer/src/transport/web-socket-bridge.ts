import type { RawBridge } from '../../../shared/api';
import { ErrorCode } from '../../../shared/error-codes';
import type { Result } from '../../../shared/result';

interface Pending {
  resolve: (value: unknown) => void;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

const disconnected: Result<never> = {
  ok: false,
  error: {
    code: ErrorCode.Disconnected,
    message: 'Lost the connection to the Entra Onboard web host.',
    fix: 'Check that the web host is still running (npm run web), then try again. Nothing you entered was lost.',
  },
};

/**
 * The web host's transport: the same calls and events as Electron IPC, over one WebSocket on our own
 * origin. The session cookie set by the host authenticates it. It reconnects with backoff; a call
 * made while disconnected waits for the connection, and a call cut off mid-way answers "disconnected".
 */
export function createWebSocketBridge(
  url: string,
  onState: (state: ConnectionState) => void = () => {},
): RawBridge {
  let socket: WebSocket | undefined;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const listeners = new Set<(name: string, payload: unknown) => void>();

  const connect = () => {
    onState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      onState('open');
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as
        | { t: 'result'; id: number; result: unknown }
        | { t: 'event'; name: string; payload: unknown };
      if (message.t === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners) listener(message.name, message.payload);
      }
    };
    ws.onclose = () => {
      onState('closed');
      for (const p of pending.values()) p.resolve(disconnected);
      pending.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    invoke(channel, input) {
      const id = nextId++;
      const frame = JSON.stringify({ t: 'call', id, channel, input });
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
