import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphHarness, type GraphHarness } from '../sandbox-graph/harness';
import { sandboxHttp } from '../sandbox/helpers/sandboxHttp';
import { graphCommandLineToolsAppId } from '../../sandbox/model/wellKnownIds';

let h: GraphHarness;
let http: ReturnType<typeof sandboxHttp>;

const tenantOf = (kind: string) => {
  const t = h.sandbox.info.clientTenants.find((c) => c.kind === kind);
  if (!t) throw new Error(`no ${kind} tenant`);
  return t;
};

async function discovery(segment: string) {
  return http.get(`${h.sandbox.info.authority}/${segment}/v2.0/.well-known/openid-configuration`);
}

beforeAll(async () => {
  h = await startGraphHarness();
  http = sandboxHttp(h.sandbox);
});
afterAll(() => h.close());

describe('client tenants deleted before or during a run', () => {
  it('the scenario’s deleted tenant: discovery and tokens answer AADSTS90002, the control API lists it as deleted', async () => {
    const gone = tenantOf('deletedTenant');
    expect(gone.deleted).toBe(true);
    for (const segment of [gone.tenantId, gone.domain]) {
      const res = await discovery(segment);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
    }
    const token = await http.postForm(`${h.sandbox.info.authority}/${gone.tenantId}/oauth2/v2.0/token`, {
      grant_type: 'client_credentials', client_id: graphCommandLineToolsAppId, client_secret: 'x', scope: 'https://graph.microsoft.com/.default',
    });
    expect(token.json()).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    const listed = (await http.control('GET', '/tenants?kind=deletedTenant')).json<{ value: Array<{ id: string; deletedDateTime?: string }> }>();
    expect(listed.value[0]).toMatchObject({ id: gone.tenantId, deletedDateTime: expect.any(String) });
  });

  it('a tenant deleted mid-run: discovery 90002, Graph refuses tokens issued before, restore brings it back', async () => {
    const target = tenantOf('gdapFull');
    const token = await h.appToken({ roles: ['Application.Read.All'], tenantId: target.tenantId });
    expect((await h.call('GET', '/servicePrincipals?$top=1', { token })).status).toBe(200);
    expect((await discovery(target.domain)).status).toBe(200);

    const deleted = await http.control('DELETE', `/tenants/${target.tenantId}`);
    expect(deleted.status).toBe(200);
    expect((await discovery(target.domain)).json()).toMatchObject({ error_codes: [90002] });
    expect((await discovery(target.tenantId)).json()).toMatchObject({ error_codes: [90002] });
    const graph = await h.call('GET', '/servicePrincipals?$top=1', { token });
    expect(graph.status).toBe(401);
    expect(graph.body.error).toMatchObject({ code: 'OrganizationFromTenantGuidNotFound', message: `The tenant for tenant guid '${target.tenantId}' does not exist.` });
    expect(graph.body.error.innerError).toHaveProperty('request-id');
    // Graph's findTenantInformationByDomainName no longer finds it either.
    const partnerToken = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['CrossTenantInformation.ReadBasic.All'] });
    expect((await h.call('GET', `/tenantRelationships/findTenantInformationByDomainName(domainName='${target.domain}')`, { token: partnerToken })).status).toBe(404);

    expect((await http.control('POST', `/tenants/${target.tenantId}/restore`)).status).toBe(200);
    expect((await discovery(target.domain)).status).toBe(200);
    expect((await h.call('GET', '/servicePrincipals?$top=1', { token })).status).toBe(200);
  });

  it('only client tenants can be deleted', async () => {
    expect((await http.control('DELETE', `/tenants/${h.partnerTenantId}`)).status).toBe(400);
  });
});
