import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomGuid } from '../util/randomToken';
import type { Mount } from './Mount';
import { connectionReset, type HandlerResult, type Reply } from './Reply';
import { SandboxRequest } from './SandboxRequest';
import type { SandboxRequestLog } from './SandboxRequestLog';

export interface SandboxServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

function findMount(mounts: readonly Mount[], path: string): { mount: Mount; rest: string } | null {
  let best: Mount | null = null;
  for (const mount of mounts) {
    const prefix = mount.prefix.toLowerCase();
    const lower = path.toLowerCase();
    if (prefix === '' || lower === prefix || lower.startsWith(`${prefix}/`)) {
      if (!best || mount.prefix.length > best.prefix.length) best = mount;
    }
  }
  return best ? { mount: best, rest: path.slice(best.prefix.length) || '/' } : null;
}

async function dispatch(mounts: readonly Mount[], req: SandboxRequest): Promise<HandlerResult> {
  const found = findMount(mounts, req.path);
  if (!found) return { status: 404, headers: {}, body: '' };
  const { mount, rest } = found;
  req.mount = mount.name;
  req.mountPath = rest;
  const route = async (): Promise<HandlerResult> => {
    const match = mount.router.match(req.method, rest);
    if (match.kind === 'notFound') return mount.errors.notFound(req);
    if (match.kind === 'methodNotAllowed') return mount.errors.methodNotAllowed(req, match.allowed);
    req.params = match.params;
    return match.handler(req);
  };
  const chain = mount.middleware.reduceRight<() => Promise<HandlerResult>>(
    (next, middleware) => () => middleware(req, next),
    route,
  );
  try {
    return await chain();
  } catch (error) {
    return mount.errors.internalError(req, error);
  }
}

function write(res: ServerResponse, reply: Reply, requestId: string, method: string): void {
  // Entra and Graph both answer with request ids; clients log them.
  res.writeHead(reply.status, { 'x-ms-request-id': requestId, 'request-id': requestId, ...reply.headers });
  res.end(method === 'HEAD' ? undefined : reply.body);
}

/** The single HTTPS listener on 127.0.0.1 that hosts every mount. */
export async function createSandboxServer(options: {
  tls: { certPem: string; keyPem: string };
  port: number;
  mounts: readonly Mount[];
  requests?: SandboxRequestLog;
}): Promise<SandboxServer> {
  const sockets = new Set<Socket>();
  const server = createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, (rawReq: IncomingMessage, res: ServerResponse) => {
    const requestId = randomGuid();
    const url = new URL(rawReq.url ?? '/', `https://${rawReq.headers.host ?? '127.0.0.1'}`);
    const req = new SandboxRequest(rawReq, url, requestId);
    const seq = options.requests?.received(req.method, url.pathname);
    void dispatch(options.mounts, req).then(
      (result) => {
        if (seq !== undefined) options.requests?.answered(seq, req.method, url.pathname, result === connectionReset ? 0 : result.status);
        if (result === connectionReset) return;
        write(res, result, requestId, req.method);
      },
      (error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      },
    );
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
