import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connectivity } from '../../../src/main/core/net/connectivity';
import { ConnectivityMonitor } from '../../../src/main/core/net/connectivity-monitor';
import { NetworkUnreachableError } from '../../../src/main/core/net/network-failure';
import { observeConnectivity } from '../../../src/main/core/net/observe-connectivity';
import type { ConnectivityState } from '../../../src/shared/domain/connectivity';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A stand-in for the cloud's OpenID discovery document on a local port; `stop()` makes the port refuse. */
async function cloud(status = 200): Promise<{ host: string; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    res.writeHead(req.url?.endsWith('/.well-known/openid-configuration') ? status : 404, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    stop: () =>
      new Promise<void>((r) => {
        servers.splice(servers.indexOf(server), 1);
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const plainFetch = (input: string, init?: RequestInit) => fetch(input, init);

describe('the connectivity state', () => {
  it('starts unknown, goes online on any answer and offline on none, and publishes only changes', () => {
    const seen: ConnectivityState[] = [];
    let t = Date.parse('2026-12-01T10:00:00Z');
    const c = new Connectivity({ microsoftHosts: ['login.microsoftonline.com', 'graph.microsoft.com'], onChange: (s) => seen.push(s), now: () => new Date(t) });
    expect(c.state()).toEqual({ status: 'unknown', since: null, checkedAt: null, failure: null });
    c.answered('graph.microsoft.com');
    t += 1000;
    c.answered('graph.microsoft.com');
    expect(seen.map((s) => s.status)).toEqual(['online']);
    expect(c.state().checkedAt).toBe('2026-12-01T10:00:01.000Z');
    expect(c.state().since).toBe('2026-12-01T10:00:00.000Z');
    c.unreachable({ host: 'login.microsoftonline.com', code: 'ENOTFOUND' });
    expect(c.state()).toMatchObject({
      status: 'offline',
      failure: { host: 'login.microsoftonline.com', code: 'ENOTFOUND', message: expect.stringContaining("Can't reach Microsoft (login.microsoftonline.com)") },
    });
    expect(seen.map((s) => s.status)).toEqual(['online', 'offline']);
  });

  it('a platform’s host going down says nothing about Microsoft', () => {
    const c = new Connectivity({ microsoftHosts: ['graph.microsoft.com'] });
    c.answered('graph.microsoft.com');
    c.unreachable({ host: 'api.panelone.example', code: 'ECONNREFUSED' });
    expect(c.state().status).toBe('online');
    // Nor does the platform answering mean Microsoft is back.
    c.unreachable({ host: 'graph.microsoft.com', code: 'ECONNREFUSED' });
    c.answered('api.panelone.example');
    expect(c.state().status).toBe('offline');
  });

  it('is fed by real requests through the observed fetch: answered, refused, answered again', async () => {
    const server = await cloud(500);
    const c = new Connectivity({ microsoftHosts: [server.host] });
    const observed = observeConnectivity(plainFetch, c);
    // Even a 500 is an answer: the network is fine.
    await observed(`http://${server.host}/.well-known/openid-configuration`);
    expect(c.state().status).toBe('online');
    const port = server.host.split(':')[1];
    await server.stop();
    const error = await observed(`http://${server.host}/v1.0/me`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkUnreachableError);
    expect(error).toMatchObject({ host: `127.0.0.1:${port}`, networkCode: 'ECONNREFUSED', microsoft: true });
    expect(c.state()).toMatchObject({ status: 'offline', failure: { code: 'ECONNREFUSED', host: `127.0.0.1:${port}` } });
  });

  it('a request the caller aborted is not an outage', async () => {
    const server = await cloud();
    const c = new Connectivity({ microsoftHosts: [server.host] });
    const observed = observeConnectivity(plainFetch, c);
    const controller = new AbortController();
    controller.abort();
    const error = await observed(`http://${server.host}/x`, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NetworkUnreachableError);
    expect(c.state().status).toBe('unknown');
  });

  it('the probe reads the OpenID discovery document and says when Microsoft is back', async () => {
    const first = await cloud();
    const c = new Connectivity({ microsoftHosts: [first.host] });
    const monitor = new ConnectivityMonitor({ connectivity: c, fetchFn: observeConnectivity(plainFetch, c), cloud: { authorityHost: `http://${first.host}` }, retryMs: 60_000 });
    expect((await monitor.check()).status).toBe('online');
    await first.stop();
    expect((await monitor.check()).status).toBe('offline');
    // Back on the same port (the VPN came back).
    const port = Number(first.host.split(':')[1]);
    const again = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((r) => again.listen(port, '127.0.0.1', r));
    servers.push(again);
    expect((await monitor.check()).status).toBe('online');
    monitor.stop();
  });
});
