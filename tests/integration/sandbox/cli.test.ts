import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcessWithoutNullStreams;
let ready: Record<string, unknown> & { authority: string; control: string; controlToken: string; caFile: string; partnerTenantId: string; clientTenants: unknown[]; clientTenantsTotal: number; clientTenantsTruncated: boolean; knownAuthorities: string[] };

function run(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
}

beforeAll(async () => {
  child = run(['--import', 'tsx', 'tests/sandbox/cli.ts', '--tenants', '120', '--seed', 'cli', '--secret-replication-ms', '0']);
  ready = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('SANDBOX_READY '));
      if (line) resolve(JSON.parse(line.slice('SANDBOX_READY '.length)) as typeof ready);
    });
    child.on('exit', (code) => reject(new Error(`cli exited with ${code}`)));
  });
}, 30_000);
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('cli.ts', () => {
  it('prints one SANDBOX_READY line with the endpoints, users and a capped tenant list', () => {
    expect(ready.authority).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.graph).toBe(`${ready.authority}/graph/v1.0`);
    expect(ready.control).toBe(`${ready.authority}/_sandbox`);
    expect(ready.partnerTenantName).toBe('Contoso MSP');
    expect(Array.isArray(ready.users)).toBe(true);
    expect(ready.clientTenantsTotal).toBe(120);
    expect(ready.clientTenants).toHaveLength(50);
    expect(ready.clientTenantsTruncated).toBe(true);
  });

  it('works with the real msal-node default network client when NODE_EXTRA_CA_CERTS names the CA', async () => {
    // A second process, because NODE_EXTRA_CA_CERTS is read only at process start.
    const script = `
      import { ConfidentialClientApplication } from '@azure/msal-node';
      const ready = JSON.parse(process.env.READY);
      const headers = { authorization: 'Bearer ' + ready.controlToken, 'content-type': 'application/json' };
      const app = await (await fetch(ready.control + '/tenants/' + ready.partnerTenantId + '/applications', { method: 'POST', headers, body: JSON.stringify({ displayName: 'cli probe', createServicePrincipal: true }) })).json();
      const pwd = await (await fetch(ready.control + '/tenants/' + ready.partnerTenantId + '/applications/' + app.appId + '/addPassword', { method: 'POST', headers, body: '{}' })).json();
      const cca = new ConfidentialClientApplication({ auth: { clientId: app.appId, authority: ready.authority + '/' + ready.partnerTenantId, knownAuthorities: ready.knownAuthorities, clientSecret: pwd.secretText } });
      const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
      console.log('TOKEN_OK ' + JSON.parse(Buffer.from(result.accessToken.split('.')[1], 'base64url')).tid);
    `;
    const probe = run(['--input-type=module', '-e', script], { NODE_EXTRA_CA_CERTS: ready.caFile, READY: JSON.stringify(ready) });
    let out = '';
    let err = '';
    probe.stdout.on('data', (c: Buffer) => (out += c.toString()));
    probe.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => probe.on('exit', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`TOKEN_OK ${ready.partnerTenantId}`);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
