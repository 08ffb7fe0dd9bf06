import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudFetch } from '../../../src/main/core/net/cloud-fetch';
import { networkFailureOf } from '../../../src/main/core/net/network-failure';

/** A local server with the answers fetch's contract is about; the cloud fetch runs over it unchanged. */
let server: Server;
let base: string;
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

function handle(req: IncomingMessage, res: ServerResponse, body: string) {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  switch (req.url) {
    case '/json':
      res.writeHead(201, { 'content-type': 'application/json', 'request-id': 'r-1', 'set-cookie': ['a=1', 'b=2'] });
      return res.end(JSON.stringify({ echo: body }));
    case '/empty':
      res.writeHead(204);
      return res.end();
    case '/moved':
      res.writeHead(302, { location: '/json' });
      return res.end();
    case '/slow':
      return setTimeout(() => res.end('late'), 2_000);
    default:
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"error":{"code":"NotFound","message":"No such thing."}}');
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('the cloud fetch (fetch’s contract over undici’s request)', () => {
  const cloudFetch = createCloudFetch({ caFile: undefined });

  it('sends the method, headers and body, and answers a Response with status, headers and text', async () => {
    const response = await cloudFetch(`${base}/json`, { method: 'POST', headers: new Headers({ Authorization: 'Bearer x', 'Content-Type': 'application/json' }), body: '{"a":1}' });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('request-id')).toBe('r-1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ echo: '{"a":1}' });
    const sent = seen.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.headers.authorization).toBe('Bearer x');
  });

  it('sends a form with its content type, and answers 204 with no body', async () => {
    const callersHeaders: Record<string, string> = { Accept: 'application/json' };
    await cloudFetch(`${base}/json`, { method: 'POST', headers: callersHeaders, body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'a b' }) });
    expect(seen.at(-1)!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(callersHeaders).toEqual({ Accept: 'application/json' }); // the caller's object is left as it was
    expect(seen.at(-1)!.body).toBe('grant_type=client_credentials&scope=a+b');
    const empty = await cloudFetch(`${base}/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('follows a redirect as fetch does, and hands other failures back as answers', async () => {
    const moved = await cloudFetch(`${base}/moved`);
    expect(moved.status).toBe(201);
    const missing = await cloudFetch(`${base}/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('rejects with the signal’s reason when aborted (a TimeoutError stays one)', async () => {
    await expect(cloudFetch(`${base}/slow`, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: 'TimeoutError' });
    const controller = new AbortController();
    const pending = cloudFetch(`${base}/slow`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a request that got no answer as fetch does: TypeError "fetch failed", the socket’s code on its cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await cloudFetch(`http://127.0.0.1:${port}/json`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(networkFailureOf(error)?.code).toBe('ECONNREFUSED');
  });
});
