import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/main/core/consent/http-client';
import { readTenantConsent, type AppRoleCatalog } from '../../../src/main/core/consent/read-tenant-consent';
import { TenantGraph } from '../../../src/main/core/consent/tenant-graph';
import type { ConsentTarget } from '../../../src/main/core/consent/consent-target';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const graphBase = 'https://graph.microsoft.com/v1.0';
const target: ConsentTarget = { appId: 'app-1', displayName: 'PanelOne', delegated: [], application: [{ resourceAppId: GRAPH, roles: ['User.Read.All'] }], partnerCenterAppId: null };
const userReadAll = { id: 'df021288-bdef-4463-88db-98f22de89214', value: 'User.Read.All' };

/** One client tenant as Graph answers it: Graph's service principal (its app roles only when selected), the app's, one assignment. */
function tenant(graphSpId: string) {
  const urls: string[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = async (url: string) => {
    urls.push(decodeURIComponent(url));
    const u = decodeURIComponent(url);
    if (u.includes(`servicePrincipals(appId='${GRAPH}')`)) {
      const roles = /\$select=[^&]*appRoles/.test(u) ? { appRoles: [{ id: 'x', value: 'Other.Read.All' }, userReadAll] } : {};
      return json({ id: graphSpId, appId: GRAPH, displayName: 'Microsoft Graph', ...roles });
    }
    if (u.includes("servicePrincipals(appId='app-1')")) return json({ id: 'sp-app', appId: 'app-1' });
    if (u.includes('/oauth2PermissionGrants')) return json({ value: [] });
    if (u.includes(`/servicePrincipals/${graphSpId}/appRoleAssignedTo`)) return json({ value: [{ appRoleId: userReadAll.id, principalId: 'sp-app' }] });
    return json({ error: { code: 'Request_ResourceNotFound' } }, 404);
  };
  const graph = new TenantGraph(new HttpClient({ fetchFn }), graphBase, async () => 'token');
  return { graph, urls };
}

describe('the app role catalog of a run', () => {
  it('reads a resource’s app roles from the first tenant and not again, and still names each tenant’s assigned roles', async () => {
    const catalog: AppRoleCatalog = new Map();
    const first = tenant('graph-sp-1');
    const a = await readTenantConsent(first.graph, target, undefined, catalog);
    expect(a.roles.get(GRAPH)).toEqual(['User.Read.All']);
    expect(first.urls.find((u) => u.includes(`appId='${GRAPH}'`))).toMatch(/\$select=id,appId,displayName,appRoles$/);

    const second = tenant('graph-sp-2');
    const b = await readTenantConsent(second.graph, target, undefined, catalog);
    expect(second.urls.find((u) => u.includes(`appId='${GRAPH}'`))).toMatch(/\$select=id,appId,displayName$/);
    expect(b.roles.get(GRAPH)).toEqual(['User.Read.All']);
    // The tenant's own service principal id, with the catalogued roles (consentViaGdap assigns by their IDs).
    expect(b.resources.get(GRAPH)).toMatchObject({ id: 'graph-sp-2', appRoles: expect.arrayContaining([userReadAll]) });
  });

  it('reads the app roles from each tenant without a catalog', async () => {
    const one = tenant('graph-sp-1');
    await readTenantConsent(one.graph, target);
    const two = tenant('graph-sp-2');
    await readTenantConsent(two.graph, target);
    expect(two.urls.find((u) => u.includes(`appId='${GRAPH}'`))).toMatch(/appRoles$/);
  });
});
