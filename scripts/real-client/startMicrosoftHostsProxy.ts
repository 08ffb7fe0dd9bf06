import { createServer, request, type Server } from 'node:https';

/**
 * A reverse proxy on 127.0.0.1:443 that presents the sandbox under Microsoft's host names:
 * login.microsoftonline.com -> the sandbox's identity endpoints, graph.microsoft.com -> its Graph mount. Like
 * any reverse proxy that serves an application under another name (ProxyPassReverse, sub_filter), it translates
 * the sandbox's own base URLs in answers (discovery documents, @odata.context, @odata.nextLink, Location) to the
 * public ones; tokens are passed through untouched.
 */
export async function startMicrosoftHostsProxy(input: { sandboxAuthority: string; caPem: string; certPem: string; keyPem: string; log: (line: string) => void }): Promise<Server> {
  const upstream = new URL(input.sandboxAuthority);
  const mounts: Record<string, { prefix: string; publicBase: string }> = {
    'login.microsoftonline.com': { prefix: '', publicBase: 'https://login.microsoftonline.com' },
    'graph.microsoft.com': { prefix: '/graph', publicBase: 'https://graph.microsoft.com' },
  };
  const translate = (text: string): string =>
    text.split(`${upstream.origin}/graph`).join('https://graph.microsoft.com').split(upstream.origin).join('https://login.microsoftonline.com');

  const server = createServer({ cert: input.certPem, key: input.keyPem }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0]?.toLowerCase() ?? '';
    const mount = mounts[host];
    if (!mount) {
      res.writeHead(421).end();
      return;
    }
    input.log(`${req.method} https://${host}${req.url}`);
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: `${mount.prefix}${req.url ?? '/'}`,
        headers: { ...req.headers, host: upstream.host },
        ca: input.caPem,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const headers = { ...answer.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          if (typeof headers.location === 'string') headers.location = translate(headers.location);
          const type = String(headers['content-type'] ?? '');
          const raw = Buffer.concat(chunks);
          const body = /json|html|text/.test(type) ? Buffer.from(translate(raw.toString('utf8'))) : raw;
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(body.length) });
          res.end(body);
        });
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502).end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, '127.0.0.1', () => resolve());
  });
  return server;
}
