import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { startSandbox, type SandboxHandle } from '../../sandbox/startSandbox';
import { sandboxHttp } from './helpers/sandboxHttp';

let sandbox: SandboxHandle;
let http: ReturnType<typeof sandboxHttp>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'discovery' });
  http = sandboxHttp(sandbox);
});
afterAll(() => sandbox?.close());

describe('OIDC discovery (facts §11)', () => {
  it('serves the v2 document for a tenant GUID with the tenant in issuer and endpoints', async () => {
    const res = await http.get(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('max-age=86400, private');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = res.json<Record<string, string>>();
    const tid = sandbox.info.partnerTenantId;
    expect(doc.issuer).toBe(`${sandbox.info.authority}/${tid}/v2.0`);
    expect(doc.token_endpoint).toBe(`${sandbox.info.authority}/${tid}/oauth2/v2.0/token`);
    expect(doc.authorization_endpoint).toBe(`${sandbox.info.authority}/${tid}/oauth2/v2.0/authorize`);
    expect(doc.device_authorization_endpoint).toBe(`${sandbox.info.authority}/${tid}/oauth2/v2.0/devicecode`);
    expect(doc.jwks_uri).toBe(`${sandbox.info.authority}/${tid}/discovery/v2.0/keys`);
    expect(doc.response_modes_supported).toEqual(['query', 'fragment', 'form_post']);
  });

  it('resolves a verified domain to the tenant GUID (tenant ID discovery, facts §7.5)', async () => {
    const doc = (await http.get(`${sandbox.info.authority}/${sandbox.info.partnerDomain}/v2.0/.well-known/openid-configuration`)).json<Record<string, string>>();
    expect(doc.issuer).toBe(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/v2.0`);
    const v1 = (await http.get(`${sandbox.info.authority}/${sandbox.info.partnerDomain}/.well-known/openid-configuration`)).json<Record<string, string>>();
    expect(v1.issuer).toBe(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/`);
  });

  it('publishes the {tenantid} issuer template for common and organizations', async () => {
    for (const segment of ['common', 'organizations']) {
      const doc = (await http.get(`${sandbox.info.authority}/${segment}/v2.0/.well-known/openid-configuration`)).json<Record<string, string>>();
      expect(doc.issuer).toBe(`${sandbox.info.authority}/{tenantid}/v2.0`);
      expect(doc.token_endpoint).toBe(`${sandbox.info.authority}/${segment}/oauth2/v2.0/token`);
    }
  });

  it('answers AADSTS90002 invalid_tenant for an unknown tenant and for a domain that does not resolve', async () => {
    const unresolvable = sandbox.info.clientTenants.find((t) => t.kind === 'unresolvableDomain');
    expect(unresolvable).toBeDefined();
    for (const segment of ['nosuchtenant.onmicrosoft.com', unresolvable?.domain ?? '']) {
      const res = await http.get(`${sandbox.info.authority}/${segment}/v2.0/.well-known/openid-configuration`);
      expect(res.status).toBe(400);
      const body = res.json<Record<string, unknown>>();
      expect(body.error).toBe('invalid_tenant');
      expect(body.error_codes).toEqual([90002]);
      expect(String(body.error_description)).toMatch(/^AADSTS90002: Tenant '.+' not found\..*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s);
      expect(body.error_uri).toBe(`${sandbox.info.authority}/error?code=90002`);
    }
    // The same tenant is still reachable by its GUID.
    const byId = await http.get(`${sandbox.info.authority}/${unresolvable?.tenantId ?? ''}/v2.0/.well-known/openid-configuration`);
    expect(byId.status).toBe(200);
  });

  it('answers instance discovery with the sandbox host as its own cloud (facts §11.3)', async () => {
    const res = await http.get(`${sandbox.info.authority}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${sandbox.info.authority}/common/oauth2/v2.0/authorize`)}`);
    const body = res.json<{ tenant_discovery_endpoint: string; metadata: Array<{ aliases: string[] }> }>();
    expect(body.tenant_discovery_endpoint).toBe(`${sandbox.info.authority}/{tenant}/v2.0/.well-known/openid-configuration`);
    expect(body.metadata[0]?.aliases).toEqual([sandbox.info.authorityHost]);
  });

  it('publishes an RS256 JWKS with kid == x5t and an x5c certificate that verifies issued tokens', async () => {
    const jwks = (await http.get(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/discovery/v2.0/keys`)).json<{ keys: Array<Record<string, unknown>> }>();
    const key = jwks.keys[0];
    expect(key?.kty).toBe('RSA');
    expect(key?.use).toBe('sig');
    expect(key?.kid).toBe(key?.x5t);
    expect(Array.isArray(key?.x5c)).toBe(true);
    const token = await sandbox.runtime.signer.sign({ iss: 'test', aud: 'test' });
    const verified = await jwtVerify(token, createLocalJWKSet(jwks as never));
    expect(verified.protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: key?.kid, x5t: key?.x5t });
  });
});
