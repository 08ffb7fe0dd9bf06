import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { checkDelegatedAccess } from '../../sandbox/identity/checkDelegatedAccess';
import { issueAppToken, issueUserTokens } from '../../sandbox/identity/issueTokens';
import type { ScopeRequest } from '../../sandbox/identity/parseScopeRequest';
import { createApplication } from '../../sandbox/model/createApplication';
import type { Application, SignInAudience, TenantKind, User } from '../../sandbox/model/directoryTypes';
import { ensureServicePrincipal } from '../../sandbox/model/ensureServicePrincipal';
import { resolveTenantAccess } from '../../sandbox/model/resolveTenantAccess';
import { upsertDelegatedGrant } from '../../sandbox/model/upsertDelegatedGrant';
import { graphAppId, graphResourceUri, partnerCenterAppId, partnerCenterResourceUri } from '../../sandbox/model/wellKnownIds';
import { partnerCenterServices } from '../../sandbox/partner-center/partnerCenterServices';
import type { PartnerCenterSettings } from '../../sandbox/partner-center/PartnerCenterSettings';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';

/** One key/CA folder for all Partner Center test files (generating keys per file is slow). */
const dataDir = join(tmpdir(), 'entra-onboard-sandbox-partner-center-tests');

export interface PcAnswer {
  status: number;
  headers: Headers;
  /** The body as sent, BOM included (U+FEFF, the bytes EF BB BF). */
  text: string;
  /** Parsed JSON after stripping a leading BOM, as clients do (facts §7.3); undefined for an empty body. */
  body: Record<string, unknown> & {
    code?: string;
    description?: string;
    data?: unknown[];
    source?: string;
    totalCount?: number;
    items?: Array<Record<string, unknown>>;
    links?: { self: { uri: string }; next?: { uri: string; method: string; headers: Array<{ key: string; value: string }> } };
    attributes?: { objectType: string };
  };
}

export type UserKey = 'globalAdmin' | 'applicationAdmin' | 'member';

export interface PartnerCenterHarness {
  sandbox: SandboxHandle;
  settings: PartnerCenterSettings;
  partnerTenantId: string;
  customerId(kind: TenantKind): string;
  /** Raw HTTPS call to the sandbox Partner Center (`/v1/...` path), trusting the sandbox CA. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<PcAnswer>;
  /** A multi-tenant app registered in the partner tenant, standing in for the CPV app. */
  cpvApp(name: string, signInAudience?: SignInAudience): Application;
  /** App+User token for Partner Center (aud https://api.partnercenter.microsoft.com, scp user_impersonation) in the partner tenant. */
  partnerCenterToken(user: UserKey, app: Application, options?: { amr?: string[] }): Promise<string>;
  /** App-only token for Partner Center in the partner tenant. */
  partnerCenterAppToken(app: Application): Promise<string>;
  /** A delegated Graph token in the partner tenant (the wrong audience for Partner Center). */
  graphTokenInPartner(user: UserKey, app: Application): Promise<string>;
  /**
   * The app's delegated Graph token for a partner user in a customer tenant, through the identity code's own
   * checks (GDAP reach, consent): the error code when Entra would refuse it.
   */
  customerGraphToken(user: UserKey, app: Application, customerId: string, scopes: string[]): Promise<{ ok: true; token: string } | { ok: false; code: number }>;
  /** POST to the real token endpoint: client credentials for `app` in `tenantId`. */
  clientCredentials(app: Application, secret: string, tenantId: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * Starts the sandbox in-process; tokens are minted through the identity code's issuers (issueUserTokens /
 * issueAppToken) backed by real grants in the partner tenant, as the Graph harness does.
 */
export async function startPartnerCenterHarness(): Promise<PartnerCenterHarness> {
  const sandbox = await startSandbox({ dataDir, settings: instantReplication });
  const rt = sandbox.runtime;
  const service = partnerCenterServices.get(rt);
  if (!service) throw new Error('Partner Center routes are not registered');
  const agent = new Agent({ connect: { ca: readFileSync(sandbox.info.caFile, 'utf8') } });
  const partnerTenantId = sandbox.info.partnerTenantId;

  const partnerUser = (key: UserKey): User => {
    const info = sandbox.info.users.find((u) => u.key === key);
    const user = info ? rt.state.directory(partnerTenantId).findUserByUpn(info.username) : undefined;
    if (!user) throw new Error(`No partner user ${key}`);
    return user;
  };

  // Partner admins sign in with MFA unless a test says otherwise: Partner Center requires it (PartnerCenterSettings.appUserMfa).
  const delegatedToken = async (key: UserKey, app: Application, tenantId: string, request: ScopeRequest, amr: string[] = ['pwd', 'mfa']): Promise<string> => {
    const user = partnerUser(key);
    const clientSp = ensureServicePrincipal(rt.state, tenantId, app);
    upsertDelegatedGrant(rt.state, tenantId, { clientId: clientSp.id, resourceId: request.resource.id, consentType: 'AllPrincipals', principalId: null, scopes: request.values });
    const access = resolveTenantAccess(rt.state, { homeTenantId: partnerTenantId, user }, tenantId);
    if (!access) throw new Error(`${key} cannot reach ${tenantId}`);
    const response = await issueUserTokens(rt, {
      tenantId,
      client: app,
      account: { homeTenantId: partnerTenantId, userId: user.id },
      granted: { user, access, clientSp },
      request,
      nonce: undefined,
      authTimeS: rt.clock.nowSeconds(),
      amr,
      confidential: true,
    });
    return response.access_token;
  };

  const resourceSp = (tenantId: string, appId: string) => {
    const sp = rt.state.directory(tenantId).findServicePrincipalByAppId(appId);
    if (!sp) throw new Error(`No ${appId} service principal in ${tenantId}`);
    return sp;
  };

  return {
    sandbox,
    settings: service.settings,
    partnerTenantId,
    customerId(kind) {
      const tenant = sandbox.info.clientTenants.find((t) => t.kind === kind);
      if (!tenant) throw new Error(`Scenario has no ${kind} tenant`);
      return tenant.tenantId;
    },
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await undiciFetch(`${sandbox.info.partnerCenter}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        dispatcher: agent,
      });
      // fetch's text() strips a BOM (WHATWG "UTF-8 decode"), so decode the bytes keeping it.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      const json = text.replace(/^\uFEFF/, '');
      return { status: res.status, headers: res.headers as unknown as Headers, text, body: (json ? JSON.parse(json) : undefined) as PcAnswer['body'] };
    },
    cpvApp(name, signInAudience = 'AzureADMultipleOrgs') {
      const app = createApplication(rt.state, partnerTenantId, { displayName: name, signInAudience }, { createServicePrincipal: true });
      return app;
    },
    partnerCenterToken(key, app, options) {
      return delegatedToken(
        key,
        app,
        partnerTenantId,
        {
          oidc: [],
          resource: resourceSp(partnerTenantId, partnerCenterAppId),
          resourcePrefix: partnerCenterResourceUri,
          values: ['user_impersonation'],
          isDefault: false,
        },
        options?.amr,
      );
    },
    async partnerCenterAppToken(app) {
      const clientSp = ensureServicePrincipal(rt.state, partnerTenantId, app);
      const resource = resourceSp(partnerTenantId, partnerCenterAppId);
      const response = await issueAppToken(rt, { tenantId: partnerTenantId, client: app, clientSp, resource, resourcePrefix: partnerCenterResourceUri });
      return response.access_token;
    },
    graphTokenInPartner(key, app) {
      return delegatedToken(key, app, partnerTenantId, {
        oidc: [],
        resource: resourceSp(partnerTenantId, graphAppId),
        resourcePrefix: graphResourceUri,
        values: ['User.Read'],
        isDefault: false,
      });
    },
    async customerGraphToken(key, app, customerId, scopes) {
      const user = partnerUser(key);
      const request: ScopeRequest = { oidc: [], resource: resourceSp(customerId, graphAppId), resourcePrefix: graphResourceUri, values: scopes, isDefault: false };
      const checked = checkDelegatedAccess(rt, { tenantId: customerId, client: app, account: { homeTenantId: partnerTenantId, userId: user.id }, request, amr: ['pwd'] });
      if (!checked.ok) return { ok: false, code: checked.error.code };
      const response = await issueUserTokens(rt, {
        tenantId: customerId,
        client: app,
        account: { homeTenantId: partnerTenantId, userId: user.id },
        granted: checked.value,
        request,
        nonce: undefined,
        authTimeS: rt.clock.nowSeconds(),
        amr: ['pwd', 'mfa'],
        confidential: true,
      });
      return { ok: true, token: response.access_token };
    },
    async clientCredentials(app, secret, tenantId) {
      const res = await undiciFetch(`${sandbox.info.authority}/${tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.appId, client_secret: secret, scope: `${graphResourceUri}/.default` }).toString(),
        dispatcher: agent,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    async close() {
      await agent.close();
      await sandbox.close();
    },
  };
}
