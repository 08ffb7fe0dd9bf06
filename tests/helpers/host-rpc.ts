import WebSocket from 'ws';
import { sessionCookieName } from '../../src/main/web-host/request-guard';

/** A client of a running web host's contract over its WebSocket, as the renderer is. */
export interface HostRpc {
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  close(): void;
}

/**
 * Connects to the web host at `url` (its WEB_READY link, token included) the way the browser does:
 * session cookie, same Origin. A call whose host dies rejects instead of hanging.
 */
export function connectHostRpc(url: string): Promise<HostRpc> {
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const ws = new WebSocket(`ws://${parsed.host}/rpc`, { headers: { Origin: parsed.origin, Cookie: `${sessionCookieName(Number(parsed.port))}=${token}` } });
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { t: string; id?: number; result?: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
    if (message.t !== 'result' || message.id === undefined) return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (!pending || !message.result) return;
    if (message.result.ok) pending.resolve(message.result.value);
    else pending.reject(Object.assign(new Error(`${message.result.error?.code}: ${message.result.error?.message}`), { code: message.result.error?.code }));
  });
  ws.on('close', () => {
    for (const pending of waiting.values()) pending.reject(new Error('the host closed the connection'));
    waiting.clear();
  });
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the host refused the socket with ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        call: <T>(channel: string, input: unknown = {}) =>
          new Promise<T>((done, fail) => {
            const id = nextId++;
            // A call made after the host died would otherwise wait for ever: ws drops a send on a closed
            // socket silently unless it is given a callback.
            if (ws.readyState !== WebSocket.OPEN) return fail(new Error('the host closed the connection'));
            waiting.set(id, { resolve: done as (value: unknown) => void, reject: fail });
            ws.send(JSON.stringify({ t: 'call', id, channel, input }), (error) => {
              if (!error || !waiting.delete(id)) return;
              fail(new Error(`the host closed the connection: ${error.message}`));
            });
          }),
        close: () => ws.terminate(),
      }),
    );
  });
}
