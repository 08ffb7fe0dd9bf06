import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionCookieName } from '../../../src/main/web-host/request-guard';
import { startWebHostProcess, type RunningWebHost } from '../../e2e/fixtures/web-host-process';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * Thousands of generated hostile inputs against the real web host process (src/main/web-host/cli.ts,
 * as `npm run web` starts it): malformed request lines and percent-encoding, huge and broken headers,
 * bad WebSocket frames, malformed and oversized RPC messages. Seeded, so a failure replays: set
 * FUZZ_SEED to the seed a failing run printed.
 */
const seed = Number(process.env['FUZZ_SEED'] ?? 20261201);

/** mulberry32: small, fast, good enough to spread inputs, and the same for the same seed. */
function prng(s: number) {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

const dir = makeTempDir('eo-fuzz-');
let host: RunningWebHost;
let port: number;
let token: string;
let cookie: string;

beforeAll(async () => {
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>fuzz</title>');
  host = await startWebHostProcess(join(dir.path, 'data'), ['--renderer-dir', rendererDir]);
  const url = new URL(host.url);
  port = Number(url.port);
  token = url.searchParams.get('token')!;
  cookie = `${sessionCookieName(port)}=${token}`;
}, 60_000);

afterAll(async () => {
  await host.stop();
  dir.remove();
});

/**
 * Sends raw bytes on a fresh connection and resolves with the first bytes the host answers, or ''
 * when it closes without answering or `waitMs` pass (a half-written request may legitimately wait).
 */
function rawExchange(data: Buffer | string, waitMs = 150): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(data);
  });
}

const percentJunk = ['%', '%%', '%G1', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%00', '%2e%2e%2f', '%FF%FE', '%u0041', '%25%'];
const paths = ['/', '/index.html', '/assets/x.js', '/rpc', '/../../etc/passwd', '//', '/?token=', '*', 'http://evil/', '', ' '];

function randomPath(): string {
  let path = pick(paths);
  for (let i = int(4); i > 0; i--) path += pick([...percentJunk, String.fromCharCode(int(0x80)), 'a', '/', '?', '#', '\u00e9', '\ud800']);
  return path;
}

function randomHeaders(): string {
  const lines: string[] = [];
  const good = int(4) > 0;
  lines.push(good ? `Host: 127.0.0.1:${port}` : pick(['Host: evil.example', 'Host:', `Host: 127.0.0.1:${port}\r\nHost: localhost:${port}`, 'Host: \u0000']));
  if (int(3) > 0) lines.push(`Cookie: ${pick([cookie, `${cookie}; ${cookie}`, 'eo_session=x', `${sessionCookieName(port)}=%E0%A4%A`, '=;;=', ';'.repeat(200)])}`);
  for (let i = int(5); i > 0; i--) {
    lines.push(
      pick([
        `X-Fuzz-${int(1000)}: ${bytes(int(40)).toString('latin1').replace(/[\r\n]/g, '')}`,
        `Origin: ${pick([`http://127.0.0.1:${port}`, 'null', 'http://evil.example', '%%%'])}`,
        `Content-Length: ${pick(['-1', '1e9', 'abc', '5, 6', '99999999999999999999'])}`,
        'Transfer-Encoding: chunked',
        'Transfer-Encoding: gzip, chunked',
        `Upgrade: ${pick(['websocket', 'WebSocket', 'h2c', ''])}`,
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${pick(['', 'not-base64', 'dGhlIHNhbXBsZSBub25jZQ=='])}`,
        `Sec-WebSocket-Version: ${pick(['13', '8', 'x'])}`,
        `X-Huge: ${'A'.repeat(pick([1024, 17 * 1024, 70 * 1024]))}`,
        'Bad Header Without Colon',
        ': empty name',
      ]),
    );
  }
  return lines.join('\r\n');
}

function randomHttpRequest(): Buffer | string {
  switch (int(6)) {
    case 0:
      return bytes(1 + int(300));
    case 1:
      return `${pick(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'BREW', 'G\u0000T'])} ${randomPath()} HTTP/1.1\r\n${randomHeaders()}\r\n\r\n`;
    case 2:
      return `GET ${randomPath()} ${pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'FOO', ''])}\r\n${randomHeaders()}\r\n\r\n${bytes(int(50)).toString('latin1')}`;
    case 3:
      return `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nTransfer-Encoding: chunked\r\n\r\n${pick(['zz\r\n', 'ffffffffffffffff\r\n', '5\r\nab\r\n', '-1\r\n'])}`;
    case 4:
      return `GET ${randomPath()} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n\r\n`;
    default:
      return `GET /?token=${pick([token, `${token}%`, '%E0%A4%A', ''])}${pick(percentJunk)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
  }
}

/** A WebSocket frame a client could send: mostly broken (unmasked, reserved bits, bad lengths, bad UTF-8). */
function randomFrame(): Buffer {
  const opcode = pick([0x0, 0x1, 0x2, 0x3, 0x8, 0x9, 0xa, 0xb, 0xf]);
  const fin = int(4) > 0 ? 0x80 : 0;
  const rsv = int(5) === 0 ? pick([0x40, 0x20, 0x10]) : 0;
  const masked = int(5) > 0;
  const payload = int(3) === 0 ? Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]) : bytes(int(200));
  const header: number[] = [fin | rsv | opcode];
  const lengthKind = int(6);
  if (lengthKind === 0) header.push((masked ? 0x80 : 0) | 127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
  else if (lengthKind === 1) header.push((masked ? 0x80 : 0) | 126, (payload.length >> 8) & 0xff, payload.length & 0xff);
  else header.push((masked ? 0x80 : 0) | Math.min(payload.length, 125));
  const mask = masked ? bytes(4) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(header), mask, payload.subarray(0, 125)]);
}

function handshake(): string {
  return `GET /rpc HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nCookie: ${cookie}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
}

function randomJson(depth = 0): unknown {
  switch (depth > 3 ? int(4) : int(7)) {
    case 0:
      return int(2) ? null : random() * 1e308;
    case 1:
      return bytes(int(30)).toString('latin1');
    case 2:
      return pick([true, -0, Number.MAX_SAFE_INTEGER + 2, '', '__proto__', 'constructor']);
    case 3:
      return int(1000) - 500;
    case 4:
      return Array.from({ length: int(5) }, () => randomJson(depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['workspaceId', 'id', 'name', '__proto__', 'constructor', 'x']), randomJson(depth + 1)]));
  }
}

const channels = ['app.info', 'workspaces.list', 'workspaces.rename', 'workspaces.delete', 'onboarding.wizard', 'onboarding.handover', 'delivery.status', 'nope', '', '__proto__', 'toString'];

function randomRpcMessage(): string | Buffer {
  switch (int(8)) {
    case 0:
      return bytes(int(100)).toString('latin1');
    case 1:
      return `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    case 2:
      return JSON.stringify({ t: 'call', id: 1, channel: 'workspaces.rename', input: { id: 'x', name: 'y'.repeat(1_100_000) } });
    case 3:
      return JSON.stringify({ t: pick(['call', 'result', 'event', 1]), id: pick([1, -1, 1.5, '1', null, 1e300]), channel: pick(channels), input: randomJson() });
    case 4:
      return bytes(int(64));
    case 5:
      return `{"t":"call","id":${int(100)},"channel":"${pick(channels)}","input":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    default:
      return JSON.stringify({ t: 'call', id: int(1e6), channel: pick(channels), input: randomJson() });
  }
}

function openRpc(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc`, { headers: { Origin: `http://127.0.0.1:${port}`, Cookie: cookie } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function stillAnswers(): Promise<void> {
  expect(host.process.exitCode, `the web host exited (seed ${seed})`).toBeNull();
  const page = await rawExchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`, 5000);
  expect(page).toMatch(/^HTTP\/1\.1 200/);
  const ws = await openRpc();
  const answer = await new Promise<{ result: { ok: boolean } }>((resolve) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { t: string; id?: number; result: { ok: boolean } };
      if (frame.t === 'result' && frame.id === 7) resolve(frame);
    });
    ws.send(JSON.stringify({ t: 'call', id: 7, channel: 'workspaces.list', input: {} }));
  });
  ws.close();
  expect(answer.result.ok).toBe(true);
}

describe(`web host fuzz (seed ${seed})`, () => {
  it('answers before the fuzz', async () => {
    await stillAnswers();
  });

  it('survives 1,500 malformed HTTP requests and still answers', async () => {
    const statuses = new Map<string, number>();
    for (let batch = 0; batch < 150; batch++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => rawExchange(randomHttpRequest())));
      for (const a of answers) {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(a)?.[1] ?? 'closed';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
    // The host never answers 500: a malformed request is the client's fault (400, 401, 404, 405, 421, 431).
    expect(statuses.has('500'), JSON.stringify([...statuses])).toBe(false);
    expect(statuses.get('400') ?? 0).toBeGreaterThan(0);
    await stillAnswers();
  }, 120_000);

  it('survives 600 connections of bad WebSocket frames and still answers', async () => {
    for (let batch = 0; batch < 60; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, () => {
          const frames = Buffer.concat(Array.from({ length: 1 + int(4) }, randomFrame));
          return rawExchange(Buffer.concat([Buffer.from(handshake(), 'latin1'), frames]));
        }),
      );
    }
    await stillAnswers();
  }, 180_000);

  it('survives 1,000 malformed, oversized and ill-typed RPC messages and still answers', async () => {
    let ws = await openRpc();
    let closedByHost = 0;
    for (let i = 0; i < 1000; i++) {
      if (ws.readyState !== WebSocket.OPEN) {
        closedByHost++;
        ws = await openRpc();
      }
      ws.send(randomRpcMessage());
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    ws.close();
    // Malformed messages close that socket (1003 or 1009), so the host must have closed some.
    expect(closedByHost).toBeGreaterThan(0);
    await stillAnswers();
  }, 180_000);
});

describe('the launch token', () => {
  it('is in no process arguments and no environment variable of the host', () => {
    const pid = host.process.pid!;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
    expect(cmdline).toContain('src/main/web-host/cli.ts');
    expect(cmdline).not.toContain(token);
    expect(environ).not.toContain(token);
  });
});
