import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { EventBus } from '../core/events/event-bus';
import { contentSecurityPolicyHeader } from '../host-common/content-security-policy';
import { ErrorCode } from '../../shared/error-codes';
import type { Dispatch } from '../rpc/dispatch';
import { checkRequest, sessionCookieName } from './request-guard';
import { readStaticFile } from '../host-common/static-files';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const callMessageSchema = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(200),
  input: z.unknown(),
});

/**
 * The largest RPC message the renderer ever needs (a pasted block of redirect URIs is a few KB);
 * ws refuses bigger frames with close code 1009 before reading them into memory.
 */
export const maxRpcMessageBytes = 1024 * 1024;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicyHeader,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
  res.end(reason);
}

/**
 * The loopback web host: the built renderer over HTTP and the contract over one WebSocket, on
 * 127.0.0.1 only. For development, tests and trying the product; never shipped in the desktop app.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  let port = 0;

  const guard = (req: IncomingMessage, requireOrigin: boolean) => {
    // Throws on a request target no URL parser accepts; both callers answer that with 400.
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    return {
      url,
      verdict: checkRequest(
        {
          host: req.headers.host,
          origin: req.headers.origin,
          cookie: req.headers.cookie,
          queryToken: url.searchParams.get('token'),
          requireOrigin,
        },
        port,
        token,
      ),
    };
  };

  const handleRequest = async (req: IncomingMessage, res: ServerResponse) => {
    let checked: ReturnType<typeof guard>;
    try {
      checked = guard(req, false);
    } catch {
      return refuse(res, 400, 'Malformed request.');
    }
    const { url, verdict } = checked;
    if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here.');
    if (url.searchParams.has('token')) {
      // Trade the token in the link for a cookie, then drop it from the address bar and history.
      res.writeHead(303, {
        'Set-Cookie': `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        ...securityHeaders,
      });
      return res.end();
    }
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    res.writeHead(200, { 'Content-Type': file.contentType, ...securityHeaders });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  // No request may take the host down: whatever a handler throws becomes a 500 for that request.
  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'The web host could not answer this request.');
      else res.destroy();
    });
  });
  // Requests Node's parser rejects (oversized headers: 431, malformed request lines: 400) get an
  // answer and a closed connection; a socket that already went away is just dropped.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxRpcMessageBytes });
  wss.on('error', () => {});
  server.on('upgrade', (req, socket, head) => {
    // A peer that resets mid-handshake must not become an uncaught 'error'.
    socket.on('error', () => socket.destroy());
    let checked: ReturnType<typeof guard>;
    try {
      checked = guard(req, true);
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const { url, verdict } = checked;
    if (!verdict.ok || url.pathname !== '/rpc') {
      const status = verdict.ok ? 404 : verdict.status;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // Bad frames (unmasked, reserved bits, invalid UTF-8, too big) end that socket, not the host.
      ws.on('error', () => ws.terminate());
      ws.on('message', async (data, isBinary) => {
        let message: z.infer<typeof callMessageSchema>;
        try {
          if (isBinary) throw new Error('binary');
          message = callMessageSchema.parse(JSON.parse(String(data)));
        } catch {
          ws.close(1003, 'Malformed message');
          return;
        }
        let result: unknown;
        try {
          result = await options.dispatch(message.channel, message.input, { host: 'web' });
        } catch {
          // dispatch answers every failure itself; this is the last guard for the host process.
          result = { ok: false, error: { code: ErrorCode.Internal, message: 'Something went wrong inside Entra Onboard. Nothing you entered was lost.', fix: 'Try again.' } };
        }
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'result', id: message.id, result }));
      });
    });
  });

  const unsubscribe = options.events.subscribe((name, payload) => {
    const frame = JSON.stringify({ t: 'event', name, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
