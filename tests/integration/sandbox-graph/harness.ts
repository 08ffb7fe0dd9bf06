import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthenticationHandler,
  Client,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { Agent, fetch as undiciFetch } from 'undici';
import { issueAppToken, issueUserTokens } from '../../sandbox/identity/issueTokens';
import { assignAppRole } from '../../sandbox/model/assignAppRole';
import { createApplication } from '../../sandbox/model/createApplication';
import { ensureServicePrincipal } from '../../sandbox/model/ensureServicePrincipal';
import { resolveTenantAccess } from '../../sandbox/model/resolveTenantAccess';
import { upsertDelegatedGrant } from '../../sandbox/model/upsertDelegatedGrant';
import type { Application, ServicePrincipal, User } from '../../sandbox/model/directoryTypes';
import { graphAppId, graphResourceUri, partnerCenterAppId } from '../../sandbox/model/wellKnownIds';
import type { GraphService } from '../../sandbox/graph/registerGraphRoutes';
import type { GraphSettings } from '../../sandbox/graph/GraphSettings';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';

/** One key/CA folder for all Graph test files (startSandbox locks it; generating keys per file is slow). */
const dataDir = join(tmpdir(), 'entra-onboard-sandbox-graph-tests');

/** A parsed Graph answer, typed for the assertions the tests make (absent members are simply undefined). */
export interface GraphAnswer {
  error: {
    code: string;
    message: string;
    target?: string;
    details: Array<{ code: string; message: string; target: string }>;
    innerError: Record<string, string>;
  };
  value: Array<Record<string, unknown> & { id: string; displayName: string; tenantId: string }>;
  responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: GraphAnswer }>;
  id: string;
  appId: string;
  displayName: string;
  publisherDomain: string;
  principalType: string;
  [key: string]: unknown;
}

export interface GraphHarness {
  sandbox: SandboxHandle;
  graph: GraphService;
  agent: Agent;
  partnerTenantId: string;
  /** The first client tenant with a full GDAP relationship (kind gdapFull). */
  customerTenantId: string;
  upn(key: 'globalAdmin' | 'applicationAdmin' | 'member'): string;
  /** Raw HTTPS call to the sandbox Graph (`/v1.0` path), trusting the sandbox CA. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: GraphAnswer }>;
  userToken(input: { upn: string; scopes: string[]; tenantId?: string; resourcePrefix?: string }): Promise<string>;
  appToken(input: { roles: string[]; tenantId?: string }): Promise<string>;
  client(token: string, options?: { retry?: boolean }): Client;
  close(): Promise<void>;
}

/**
 * Starts the sandbox in-process (startSandbox, which serves Graph on its graph mount). Tokens are minted through the identity code's own issuers (issueUserTokens /
 * issueAppToken), backed by real consent records in the directory, so `scp`/`roles`/`wids` are what Entra
 * would put there.
 */
export async function startGraphHarness(options: { graphSettings?: Partial<GraphSettings>; sandboxSettings?: unknown } = {}): Promise<GraphHarness> {
  const sandbox = await startSandbox({
    dataDir,
    // These files test Graph's shapes and rules; replication has its own tests, which pass their own settings.
    settings: options.sandboxSettings ?? instantReplication,
    ...(options.graphSettings ? { graphSettings: options.graphSettings } : {}),
  });
  const graph = sandbox.graph;
  const rt = sandbox.runtime;
  const agent = new Agent({ connect: { ca: readFileSync(sandbox.info.caFile, 'utf8') } });
  const partnerTenantId = sandbox.info.partnerTenantId;
  const customer = sandbox.info.clientTenants.find((t) => t.kind === 'gdapFull');
  if (!customer) throw new Error('Scenario has no gdapFull tenant');
  const clients = new Map<string, { app: Application; sp: ServicePrincipal }>();
  let counter = 0;

  const clientFor = (tenantId: string, key: string) => {
    const cacheKey = `${tenantId}|${key}`;
    let entry = clients.get(cacheKey);
    if (!entry) {
      counter++;
      const app = createApplication(rt.state, partnerTenantId, { displayName: `Graph test client ${counter}`, signInAudience: 'AzureADMultipleOrgs' });
      const sp = ensureServicePrincipal(rt.state, tenantId, app);
      entry = { app, sp };
      clients.set(cacheKey, entry);
    }
    return entry;
  };

  const findUser = (upn: string): { homeTenantId: string; user: User } => {
    for (const seed of [sandbox.info.partnerTenantId, ...sandbox.info.clientTenants.map((t) => t.tenantId)]) {
      const user = rt.state.directory(seed).findUserByUpn(upn);
      if (user) return { homeTenantId: seed, user };
    }
    throw new Error(`No user ${upn}`);
  };

  const harness: GraphHarness = {
    sandbox,
    graph,
    agent,
    partnerTenantId,
    customerTenantId: customer.tenantId,
    upn: (key) => {
      const user = sandbox.info.users.find((u) => u.key === key);
      if (!user) throw new Error(`No scenario user ${key}`);
      return user.username;
    },
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await undiciFetch(`${sandbox.info.graph}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        dispatcher: agent,
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers as unknown as Headers, body: (text ? JSON.parse(text) : undefined) as GraphAnswer };
    },
    async userToken({ upn, scopes, tenantId, resourcePrefix }) {
      const { homeTenantId, user } = findUser(upn);
      const target = tenantId ?? homeTenantId;
      const { app, sp } = clientFor(target, `user:${[...scopes].sort().join(' ')}`);
      const directory = rt.state.directory(target);
      const resourceAppId = resourcePrefix === 'https://api.partnercenter.microsoft.com' ? partnerCenterAppId : graphAppId;
      const resource = directory.findServicePrincipalByAppId(resourceAppId);
      if (!resource) throw new Error('No resource service principal');
      upsertDelegatedGrant(rt.state, target, { clientId: sp.id, resourceId: resource.id, consentType: 'AllPrincipals', principalId: null, scopes });
      const access = resolveTenantAccess(rt.state, { homeTenantId, user }, target);
      if (!access) throw new Error(`${upn} cannot reach ${target}`);
      const response = await issueUserTokens(rt, {
        tenantId: target,
        client: app,
        account: { homeTenantId, userId: user.id },
        granted: { user, access, clientSp: sp },
        request: { oidc: [], resource, resourcePrefix: resourcePrefix ?? graphResourceUri, values: scopes, isDefault: false },
        nonce: undefined,
        authTimeS: rt.clock.nowSeconds(),
        amr: ['pwd'],
        confidential: false,
      });
      return response.access_token;
    },
    async appToken({ roles, tenantId }) {
      const target = tenantId ?? partnerTenantId;
      const { app, sp } = clientFor(target, `app:${[...roles].sort().join(' ')}`);
      const graphSp = rt.state.directory(target).findServicePrincipalByAppId(graphAppId);
      if (!graphSp) throw new Error('No Graph service principal');
      for (const value of roles) {
        const role = graphSp.appRoles.find((r) => r.value === value);
        if (!role) throw new Error(`Graph has no app role ${value}`);
        assignAppRole(rt.state, target, { principalId: sp.id, principalType: 'ServicePrincipal', principalDisplayName: sp.displayName, resourceId: graphSp.id, appRoleId: role.id });
      }
      const response = await issueAppToken(rt, { tenantId: target, client: app, clientSp: sp, resource: graphSp, resourcePrefix: graphResourceUri });
      return response.access_token;
    },
    client(token, opts = {}) {
      const middleware: Middleware[] = [new AuthenticationHandler({ getAccessToken: () => Promise.resolve(token) })];
      if (opts.retry) middleware.push(new RetryHandler(new RetryHandlerOptions(1, 2)));
      middleware.push(new TelemetryHandler(), new UndiciFetchHandler(agent));
      return Client.initWithMiddleware({
        baseUrl: sandbox.info.graph.replace(/\/v1\.0$/, ''),
        defaultVersion: 'v1.0',
        customHosts: new Set([new URL(sandbox.info.graph).hostname]),
        middleware,
      });
    },
    async close() {
      await agent.close();
      await sandbox.close();
    },
  };
  return harness;
}

/**
 * Terminal middleware for the real Graph client: undici's fetch with an Agent that trusts the sandbox CA (Graph
 * client 3 would otherwise use global fetch, which cannot be given a CA without NODE_TLS_REJECT_UNAUTHORIZED).
 */
class UndiciFetchHandler implements Middleware {
  constructor(private readonly agent: Agent) {}

  async execute(context: Context): Promise<void> {
    const request = context.request;
    const url = typeof request === 'string' ? request : request.url;
    const options = (context.options ?? {}) as { method?: string; headers?: Record<string, string>; body?: string };
    const response = await undiciFetch(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      body: options.body,
      dispatcher: this.agent,
    });
    context.response = response as unknown as Response;
  }
}
