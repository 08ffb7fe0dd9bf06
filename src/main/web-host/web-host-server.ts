import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { EventBus } from '../core/events/event-bus';
import { contentSecurityPolicyHeader } from '../host-common/content-security-policy';
import type { Dispatch } from '../rpc/dispatch';
import { checkRequest, SESSION_COOKIE } from './request-guard';
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
  id: z.number().int(),
  channel: z.string(),
  input: z.unknown(),
});

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

  const server = createServer(async (req, res) => {
    const { url, verdict } = guard(req, false);
    if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here.');
    if (url.searchParams.has('token')) {
      // Trade the token in the link for a cookie, then drop it from the address bar and history.
      res.writeHead(303, {
        'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        ...securityHeaders,
      });
      return res.end();
    }
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    res.writeHead(200, { 'Content-Type': file.contentType, ...securityHeaders });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const { url, verdict } = guard(req, true);
    if (!verdict.ok || url.pathname !== '/rpc') {
      const status = verdict.ok ? 404 : verdict.status;
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', async (data) => {
        let message: z.infer<typeof callMessageSchema>;
        try {
          message = callMessageSchema.parse(JSON.parse(String(data)));
        } catch {
          ws.close(1003, 'Malformed message');
          return;
        }
        const result = await options.dispatch(message.channel, message.input, { host: 'web' });
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
