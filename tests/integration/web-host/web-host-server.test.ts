import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../../src/main/core/create-core';
import { createDispatch } from '../../../src/main/rpc/dispatch';
import { createHandlerTable } from '../../../src/main/rpc/handler-table';
import { sessionCookieName } from '../../../src/main/web-host/request-guard';
import { startWebHost, type WebHost } from '../../../src/main/web-host/web-host-server';
import { makeTempDir } from '../../helpers/temp-dir';
import { startTestCore } from '../../helpers/start-test-core';

let dir: ReturnType<typeof makeTempDir>;
let core: Core;
let host: WebHost;
let origin: string;
let cookie: string;

/** Raw HTTP so the test controls Host and Origin exactly, as an attacker would. */
function get(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(headers: Record<string, string>) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, channel: string, input: unknown) {
  return new Promise<unknown>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { t: string; id?: number; result?: unknown };
      if (message.t === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'call', id, channel, input }));
  });
}

beforeAll(async () => {
  dir = makeTempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test renderer</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir.path, 'outside.html'), 'must not be served');
  core = startTestCore(join(dir.path, 'data'));
  host = await startWebHost({
    dispatch: createDispatch(createHandlerTable(core.services)),
    events: core.events,
    rendererDir,
  });
  origin = `http://127.0.0.1:${host.port}`;
  cookie = `${sessionCookieName(host.port)}=${host.token}`;
});

afterAll(async () => {
  await host.close();
  core.close();
  dir.remove();
});

describe('web host over HTTP', () => {
  it('binds 127.0.0.1 on a random port and puts a long random token in its URL', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{40,}$`));
  });

  it('rejects a request without the token', async () => {
    const res = await get('/', { Host: `127.0.0.1:${host.port}` });
    expect(res.status).toBe(401);
    expect(res.body).toContain('WEB_READY');
  });

  it('trades the token in the link for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const res = await get(`/?token=${host.token}`, { Host: `127.0.0.1:${host.port}` });
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('serves the renderer with our CSP to a request with the cookie', async () => {
    const res = await get('/', { Host: `127.0.0.1:${host.port}`, Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.body).toContain('test renderer');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('rejects a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await get('/', { Host: `attacker.example:${host.port}`, Cookie: cookie });
    expect(res.status).toBe(421);
  });

  it('rejects a wrong Origin even with the token', async () => {
    const res = await get('/', { Host: `127.0.0.1:${host.port}`, Cookie: cookie, Origin: 'https://attacker.example' });
    expect(res.status).toBe(403);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../outside.html', '/%2e%2e/outside.html', '/assets/../../outside.html']) {
      const res = await get(path, { Host: `127.0.0.1:${host.port}`, Cookie: cookie });
      expect(res.status, path).toBe(404);
    }
  });
});

describe('web host over WebSocket', () => {
  it('refuses an upgrade without the cookie, with a wrong Origin, or without an Origin', async () => {
    await expect(openSocket({ Origin: origin })).rejects.toThrow('refused with 401');
    await expect(openSocket({ Origin: 'https://attacker.example', Cookie: cookie })).rejects.toThrow('refused with 403');
    await expect(openSocket({ Cookie: cookie })).rejects.toThrow('refused with 403');
  });

  it('carries contract calls and pushes events to every open page', async () => {
    const a = await openSocket({ Origin: origin, Cookie: cookie });
    const b = await openSocket({ Origin: origin, Cookie: cookie });
    const event = new Promise<unknown>((resolve) =>
      b.on('message', (data) => {
        const m = JSON.parse(String(data)) as { t: string };
        if (m.t === 'event') resolve(m);
      }),
    );
    const created = (await call(a, 1, 'workspaces.create', { name: 'Over WS', platformId: 'clment' })) as {
      ok: boolean;
      value: { id: string; name: string };
    };
    expect(created.ok).toBe(true);
    expect(created.value.name).toBe('Over WS');
    expect(await event).toEqual({ t: 'event', name: 'workspaces.changed', payload: { reason: 'created', id: created.value.id } });

    const invalid = await call(a, 2, 'workspaces.create', { name: '', platformId: 'clment' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const unknown = await call(a, 3, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    a.close();
    b.close();
  });

  it('closes a socket that sends something other than a call', async () => {
    const ws = await openSocket({ Origin: origin, Cookie: cookie });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1003);
  });
});
