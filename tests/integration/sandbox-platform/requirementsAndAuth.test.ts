import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Requirements } from '../../sandbox/platform/platformApiTypes';
import { startPlatformHarness, type PlatformHarness } from './harness';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness();
});
afterAll(() => h.close());

const signIn = ['openid', 'profile', 'email', 'User.Read'];

async function requirements(org: 'panelone' | 'sonicsaas' | 'clment' | 'acme'): Promise<Requirements> {
  const r = await h.call(org, 'GET', '/v1/onboarding/requirements');
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  return r.body as Requirements;
}

describe('GET /v1/onboarding/requirements, per organisation', () => {
  it('PanelOne (ClientOne): multi-tenant, its Web redirect URI, sign-in scopes, the ClientOne settings fields', async () => {
    const r = await requirements('panelone');
    expect(r.platform.name).toBe('PanelOne (ClientOne)');
    expect(r.app).toEqual({
      displayName: 'ClientOne SSO',
      signInAudience: 'AzureADMultipleOrgs',
      redirectUris: { web: ['https://panel.contosomsp.example/auth-clientone-sso-callback'], spa: [] },
      permissions: { delegated: signIn, application: [] },
      groupMembershipClaims: null,
      idTokenOptionalClaims: [],
      assignmentRequired: false,
      secretMaxLifetimeMonths: 24,
    });
    expect(r.fields.map((f) => [f.source, f.secret, f.required])).toEqual([
      ['clientId', false, true],
      ['clientSecret', true, true],
      ['tenantId', false, true],
      ['partnerCenterClientId', false, false],
      ['partnerCenterClientSecret', true, false],
      ['origin', false, false],
      ['enabled', false, true],
    ]);
    expect(r.fields.map((f) => f.label)).toContain('Partner Center client secret');
  });

  it('SonicSaaS team: group claims, Group.Read.All, AUTH_MODE and the tenant ID the team registers', async () => {
    const r = await requirements('sonicsaas');
    expect(r.app).toMatchObject({
      signInAudience: 'AzureADMultipleOrgs',
      redirectUris: { web: ['https://sonicsaas.contosomsp.example/api/auth/callback/microsoft-entra-id'], spa: [] },
      permissions: { delegated: [], application: ['Group.Read.All'] },
      groupMembershipClaims: 'SecurityGroup',
      idTokenOptionalClaims: ['groups'],
    });
    expect(r.fields.map((f) => f.key)).toEqual(['MICROSOFT_ENTRA_ID_CLIENT_ID', 'MICROSOFT_ENTRA_ID_CLIENT_SECRET', 'AUTH_MODE', 'tenantId', 'enabled']);
  });

  it('Clment: single tenant, tenant ID, client ID and secret only', async () => {
    const r = await requirements('clment');
    expect(r.app.signInAudience).toBe('AzureADMyOrg');
    expect(r.app.redirectUris.web).toEqual(['https://identity.us.clment.com/auth/sso/microsoft/callback']);
    expect(r.app.permissions).toEqual({ delegated: signIn, application: [] });
    expect(r.fields.map((f) => f.source)).toEqual(['tenantId', 'clientId', 'clientSecret']);
  });

  it('Acme Dispatch (no console profile): Web + SPA redirect URIs, User.Read.All, group claims, 12-month secrets', async () => {
    const r = await requirements('acme');
    expect(r).toEqual({
      platform: { name: 'Acme Dispatch', website: 'https://acme-dispatch.example' },
      app: {
        displayName: 'Acme Dispatch',
        signInAudience: 'AzureADMultipleOrgs',
        redirectUris: {
          web: ['https://contosomsp.acme-dispatch.example/auth/microsoft/callback'],
          spa: ['https://app.acme-dispatch.example/contosomsp'],
        },
        permissions: { delegated: signIn, application: ['User.Read.All'] },
        groupMembershipClaims: 'SecurityGroup',
        idTokenOptionalClaims: ['groups'],
        assignmentRequired: false,
        secretMaxLifetimeMonths: 12,
      },
      fields: [
        { key: 'clientId', label: 'Application (client) ID', secret: false, required: true, source: 'clientId' },
        { key: 'clientSecret', label: 'Client secret', secret: true, required: true, source: 'clientSecret' },
        { key: 'tenantId', label: 'Directory (tenant) ID', secret: false, required: true, source: 'tenantId' },
        { key: 'enabled', label: 'Microsoft sign-in enabled', secret: false, required: true, source: 'enabled' },
      ],
    });
  });
});

describe('tokens', () => {
  it('SANDBOX_READY info (and GET /_sandbox/info) carries one random token per organisation', async () => {
    const tokens = h.sandbox.info.platformTokens;
    expect(Object.keys(tokens).sort()).toEqual(['acme', 'clment', 'panelone', 'sonicsaas']);
    expect(new Set(Object.values(tokens)).size).toBe(4);
    for (const [key, token] of Object.entries(tokens)) expect(token).toMatch(new RegExp(`^plat_${key}_[A-Za-z0-9_-]{32}$`));
    const agent = new Agent({ connect: { ca: readFileSync(h.sandbox.info.caFile, 'utf8') } });
    try {
      const res = await undiciFetch(`${h.sandbox.info.control}/info`, { headers: { authorization: `Bearer ${h.sandbox.info.controlToken}` }, dispatcher: agent });
      expect(((await res.json()) as { platformTokens: unknown }).platformTokens).toEqual(tokens);
    } finally {
      await agent.close();
    }
  });

  it('401 unauthorized on every operation without a token, with an unknown one, or with another scheme', async () => {
    const operations: Array<[string, string, unknown?]> = [
      ['GET', '/v1/onboarding/requirements'],
      ['GET', '/v1/sso-configuration'],
      ['PUT', '/v1/sso-configuration', { tenantId: h.sandbox.info.partnerTenantId }],
      ['POST', '/v1/sso-configuration/test'],
      ['GET', '/v1/tenants'],
      ['PUT', `/v1/tenants/${h.sandbox.info.partnerTenantId}`, { enabled: true, consentStatus: 'granted' }],
    ];
    for (const [method, path, body] of operations) {
      const none = await h.call(null, method, path, { body, headers: { 'idempotency-key': 'k' } });
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.body.code).toBe('unauthorized');
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="platform"');
      const unknown = await h.call('panelone', method, path, { body, token: 'plat_panelone_not-a-real-token' });
      expect(unknown.status).toBe(401);
      expect(unknown.headers.get('www-authenticate')).toContain('invalid_token');
      const basic = await h.call(null, method, path, { body, headers: { authorization: `Basic ${h.sandbox.info.platformTokens.panelone}` } });
      expect(basic.status).toBe(401);
    }
  });

  it('unknown paths are 404 and wrong methods 405, as problems', async () => {
    const missing = await h.call('panelone', 'GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, code: 'not_found' });
    const wrong = await h.call('panelone', 'DELETE', '/v1/sso-configuration');
    expect(wrong.status).toBe(405);
    expect(wrong.body.code).toBe('method_not_allowed');
    expect(wrong.headers.get('allow')).toContain('PUT');
  });

  it('every response matched docs/platform-api.yaml, on both sides', () => {
    expect(h.checkedResponses()).toBeGreaterThan(20);
    expect(h.contractFailures).toEqual([]);
    expect(h.backend.contractViolations).toEqual([]);
  });
});
