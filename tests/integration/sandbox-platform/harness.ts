import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { loadPlatformApiValidator, type PlatformApiValidator, type ValidationIssue } from '../../sandbox/platform/loadPlatformApiValidator';
import { platformApiDocPath } from '../../sandbox/platform/platformApiDocPath';
import type { PlatformBackend } from '../../sandbox/platform/PlatformBackend';
import { platformBackends } from '../../sandbox/platform/platformBackends';
import type { PlatformOrganisationKey } from '../../sandbox/platform/PlatformOrganisation';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';

/** One key/CA folder for all platform test files (generating keys per file is slow). */
export const platformTestDataDir = join(tmpdir(), 'entra-onboard-sandbox-platform-tests');

export interface PlatformCallResult {
  status: number;
  headers: Headers;
  text: string;
  // Bodies are checked against the document by the harness; tests read them freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  operationId: string | null;
}

export interface PlatformCallOptions {
  /** Send this token instead of the organisation's (for 401 cases). */
  token?: string | null;
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A response that broke docs/platform-api.yaml, as seen by the client side. */
export interface ContractFailure {
  operationId: string;
  method: string;
  path: string;
  status: number;
  errors: ValidationIssue[];
}

export interface PlatformHarness {
  sandbox: SandboxHandle;
  backend: PlatformBackend;
  validator: PlatformApiValidator;
  /** Every response of every call so far that broke the document (client-side check). */
  contractFailures: ContractFailure[];
  /** Number of responses checked against the document. */
  checkedResponses(): number;
  /** HTTPS call to the platform mount as organisation `org` (null: no Authorization header). */
  call(org: PlatformOrganisationKey | null, method: string, path: string, options?: PlatformCallOptions): Promise<PlatformCallResult>;
  /** A confidential multi-tenant app with a service principal and a secret in the partner tenant, via the control API. */
  confidentialApp(displayName: string): Promise<{ appId: string; secretText: string; hint: string }>;
  close(): Promise<void>;
}

/** Which operation a request is, from the document's path templates (null for paths the API does not have). */
function operationResolver(validator: PlatformApiValidator): (method: string, path: string) => string | null {
  const paths = validator.document.paths as Record<string, Record<string, { operationId?: string }>>;
  const table = Object.entries(paths).map(([template, item]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    item,
  }));
  return (method, path) => {
    const bare = path.split('?')[0] ?? path;
    // A concrete path (/v1/tenants/batch) and a template (/v1/tenants/{tenantId}) may both match: the one with
    // this method is the operation, as OpenAPI's path matching has it.
    const entry = table.find((t) => t.pattern.test(bare) && t.item[method.toLowerCase()]?.operationId) ?? table.find((t) => t.pattern.test(bare));
    return entry?.item[method.toLowerCase()]?.operationId ?? null;
  };
}

export async function startPlatformHarness(options: { settings?: unknown } = {}): Promise<PlatformHarness> {
  const sandbox = await startSandbox({ dataDir: platformTestDataDir, settings: options.settings ?? instantReplication });
  const backend = platformBackends.get(sandbox.runtime);
  if (!backend) throw new Error('The platform routes are not registered');
  // The client side loads the document on its own, as the console's contract tests will.
  const validator = loadPlatformApiValidator(platformApiDocPath);
  const operationOf = operationResolver(validator);
  const agent = new Agent({ connect: { ca: readFileSync(sandbox.info.caFile, 'utf8') } });
  const contractFailures: ContractFailure[] = [];
  let checked = 0;

  const control = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await undiciFetch(`${sandbox.info.control}${path}`, {
      method,
      headers: { authorization: `Bearer ${sandbox.info.controlToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: agent,
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  return {
    sandbox,
    backend,
    validator,
    contractFailures,
    checkedResponses: () => checked,
    async call(org, method, path, opts = {}) {
      const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
      const token = opts.token !== undefined ? opts.token : org ? sandbox.info.platformTokens[org] : null;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
      if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
      const res = await undiciFetch(`${sandbox.info.platform}${path}`, { method, headers, body: payload, dispatcher: agent });
      const text = await res.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      const operationId = operationOf(method, path);
      if (operationId) {
        checked++;
        const result = validator.validateResponse(operationId, res.status, body, res.headers.get('content-type') ?? undefined);
        if (!result.ok) contractFailures.push({ operationId, method, path, status: res.status, errors: result.errors });
      }
      return { status: res.status, headers: res.headers as unknown as Headers, text, body, operationId };
    },
    async confidentialApp(displayName) {
      const tenant = sandbox.info.partnerTenantId;
      const app = await control('POST', `/tenants/${tenant}/applications`, {
        displayName,
        signInAudience: 'AzureADMultipleOrgs',
        web: { redirectUris: ['https://contosomsp.acme-dispatch.example/auth/microsoft/callback'] },
        createServicePrincipal: true,
      });
      const password = await control('POST', `/tenants/${tenant}/applications/${String(app.appId)}/addPassword`, { displayName: 'platform test' });
      return { appId: String(app.appId), secretText: String(password.secretText), hint: String(password.hint) };
    },
    async close() {
      await agent.close();
      await sandbox.close();
      await backend.dispose();
    },
  };
}
