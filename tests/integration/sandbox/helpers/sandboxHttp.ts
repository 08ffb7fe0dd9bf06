import { Agent, request } from 'node:https';
import { readFileSync } from 'node:fs';
import type { SandboxHandle } from '../../../sandbox/startSandbox';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/** Raw HTTPS against the sandbox, trusting its CA (for protocol details MSAL hides). */
export function sandboxHttp(sandbox: SandboxHandle) {
  const agent = new Agent({ ca: readFileSync(sandbox.info.caFile), keepAlive: false });
  const send = (method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<HttpResult> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method, agent, headers: options.headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T }),
        );
      });
      req.on('error', reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  return {
    get: (url: string, headers?: Record<string, string>) => send('GET', url, { headers }),
    postForm: (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      send('POST', url, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() }),
    control: (method: string, path: string, body?: unknown) =>
      send(method, `${sandbox.info.control}${path}`, {
        headers: { authorization: `Bearer ${sandbox.info.controlToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
