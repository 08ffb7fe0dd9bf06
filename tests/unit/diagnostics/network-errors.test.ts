import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PublicClientApplication } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { MsalNetworkClient } from '../../../src/main/core/auth/msal-network-client';
import { signInFailed } from '../../../src/main/core/auth/sign-in-errors';
import { HttpClient } from '../../../src/main/core/consent/http-client';
import { diagnose } from '../../../src/main/core/diagnostics/diagnose';
import { AppError } from '../../../src/main/core/errors/app-error';
import { createGraphClient } from '../../../src/main/core/graph/create-graph-client';
import { graphFailed } from '../../../src/main/core/graph/graph-errors';
import { Connectivity } from '../../../src/main/core/net/connectivity';
import { networkFailureOf } from '../../../src/main/core/net/network-failure';
import { observeConnectivity } from '../../../src/main/core/net/observe-connectivity';
import { ErrorCode } from '../../../src/shared/error-codes';

/** A port nothing listens on: bound once, then closed, so a connection is refused (ECONNREFUSED). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function expectNetworkError(error: unknown, host: string, code: string): AppError {
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code).toBe(ErrorCode.NetworkUnreachable);
  expect(e.message).toContain(host);
  expect(e.message).toContain(code);
  expect(e.fix).toMatch(/network or VPN/);
  expect(e.details).toMatchObject({ networkCode: code });
  // Nothing Microsoft said, so nothing to quote to Microsoft support; never a JS class name.
  expect(e.details?.['microsoftCode']).toBeUndefined();
  expect(JSON.stringify(e.toShape())).not.toMatch(/TypeError|fetch failed/);
  return e;
}

describe('a request that gets no answer', () => {
  it('Node fetch to a refused port: diagnose names the address and ECONNREFUSED, not "TypeError"', async () => {
    const port = await closedPort();
    const error = await rejection(fetch(`http://127.0.0.1:${port}/v1.0/me`));
    expect(error).toBeInstanceOf(TypeError); // what undici gives us
    const d = diagnose(error);
    expect(d.cause).toBe(`Can't reach Microsoft (127.0.0.1:${port}): the connection was refused (ECONNREFUSED).`);
    expect(d.code).toBeUndefined();
    expect(d.network).toEqual({ host: `127.0.0.1:${port}`, code: 'ECONNREFUSED' });
  });

  it('undici’s shape for DNS failures and TLS failures is read from the cause', () => {
    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND graph.microsoft.com'), { code: 'ENOTFOUND', hostname: 'graph.microsoft.com' }) });
    expect(diagnose(dns).cause).toBe("Can't reach Microsoft (graph.microsoft.com): the name could not be looked up (DNS) (ENOTFOUND).");
    const tls = new TypeError('fetch failed', { cause: Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }) });
    const d = diagnose(tls);
    expect(d.cause).toContain('SELF_SIGNED_CERT_IN_CHAIN');
    expect(d.fix).toMatch(/proxy or security product/);
    // A timeout from AbortSignal.timeout (MSAL's GETs use one).
    expect(networkFailureOf(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toEqual({ host: undefined, code: 'ETIMEDOUT' });
  });

  it('a Graph error whose code is a JavaScript class name is not quoted as Microsoft’s code', () => {
    // What GraphErrorHandler.constructError makes of an Error it cannot read: code = error.name.
    const d = diagnose({ statusCode: -1, code: 'TypeError', message: 'something odd', body: 'TypeError: something odd' });
    expect(d.code).toBeUndefined();
  });

  it('the Graph client: graphFailed says "Can\'t reach Microsoft" with the host and the cause code', async () => {
    const port = await closedPort();
    const connectivity = new Connectivity({ microsoftHosts: [`127.0.0.1:${port}`] });
    const client = createGraphClient({
      cloud: { graphBaseUrl: `https://127.0.0.1:${port}/v1.0` } as never,
      fetchFn: observeConnectivity((input, init) => fetch(input, init), connectivity),
      getAccessToken: async () => 'token',
      maxRetries: 0,
    });
    const error = await rejection(client.api('/organization').get());
    expectNetworkError(graphFailed(error, 'read your tenant'), `Microsoft (127.0.0.1:${port})`, 'ECONNREFUSED');
    expect(connectivity.state().status).toBe('offline');
  });

  it('the Graph client without the connectivity wrapper still keeps the cause (not GraphError "TypeError")', async () => {
    const port = await closedPort();
    const client = createGraphClient({
      cloud: { graphBaseUrl: `https://127.0.0.1:${port}/v1.0` } as never,
      fetchFn: (input, init) => fetch(input, init),
      getAccessToken: async () => 'token',
      maxRetries: 0,
    });
    const error = await rejection(client.api('/organization').get());
    expectNetworkError(graphFailed(error, 'read your tenant'), `127.0.0.1:${port}`, 'ECONNREFUSED');
  });

  it('MSAL: a sign-in with Microsoft out of reach is a network error, not "Microsoft returned an error"', async () => {
    const port = await closedPort();
    const connectivity = new Connectivity({ microsoftHosts: [`127.0.0.1:${port}`] });
    const network = new MsalNetworkClient(observeConnectivity((input, init) => fetch(input, init), connectivity));
    const pca = new PublicClientApplication({
      auth: { clientId: '14d82eec-204b-4c2f-b7e8-296a70dab67e', authority: `https://127.0.0.1:${port}/organizations`, knownAuthorities: [`127.0.0.1:${port}`] },
      system: { networkClient: network },
    });
    const error = await rejection(pca.acquireTokenByDeviceCode({ scopes: ['User.Read'], deviceCodeCallback: () => undefined }));
    // MSAL reports its own "endpoints_resolution_error" and drops the cause; the network module puts it back.
    expect((error as { errorCode?: string }).errorCode).toBe('endpoints_resolution_error');
    expectNetworkError(signInFailed(network.explain(error)), `Microsoft (127.0.0.1:${port})`, 'ECONNREFUSED');
    expect(connectivity.state().status).toBe('offline');
  });

  it('the consent runs’ HTTP client ends with the same network error after its retries', async () => {
    const port = await closedPort();
    const http = new HttpClient({ fetchFn: (input, init) => fetch(input, init), policy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, random: () => 0 } });
    const error = await rejection(http.json(`https://127.0.0.1:${port}/v1.0/organization`));
    expectNetworkError(error, `127.0.0.1:${port}`, 'ECONNREFUSED');
  });
});
