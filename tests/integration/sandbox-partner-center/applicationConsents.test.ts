import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPassword } from '../../sandbox/model/addPassword';
import type { Application } from '../../sandbox/model/directoryTypes';
import { graphAppId, partnerCenterAppId } from '../../sandbox/model/wellKnownIds';
import { startPartnerCenterHarness, type PartnerCenterHarness } from './harness';

let h: PartnerCenterHarness;
let graphAgent: Agent;
let customerId: string;

beforeAll(async () => {
  h = await startPartnerCenterHarness();
  graphAgent = new Agent({ connect: { ca: readFileSync(h.sandbox.info.caFile, 'utf8') } });
  customerId = h.customerId('gdapFull');
});
afterAll(async () => {
  await graphAgent.close();
  await h.close();
});

async function graphGet(token: string, path: string): Promise<{ status: number; body: { value: Array<Record<string, unknown>> } }> {
  const res = await undiciFetch(`${h.sandbox.info.graph}${path}`, { headers: { authorization: `Bearer ${token}` }, dispatcher: graphAgent });
  return { status: res.status, body: (await res.json()) as { value: Array<Record<string, unknown>> } };
}

function consentBody(app: Application, scope = 'Application.Read.All,DelegatedPermissionGrant.ReadWrite.All, User.Read') {
  return { applicationId: app.appId, applicationGrants: [{ enterpriseApplicationId: graphAppId, scope }] };
}

describe('POST /v1/customers/{id}/applicationconsents (facts §8.1)', () => {
  it('creates the service principal and AllPrincipals grants in the customer, answers 201 and the app then works there', async () => {
    const app = h.cpvApp('CPV Consent App');
    const { secretText } = addPassword(h.sandbox.state, app);
    const token = await h.partnerCenterToken('applicationAdmin', app);

    // Before: the app is unknown in the customer (client credentials: AADSTS700016; delegated: consent required).
    const before = await h.clientCredentials(app, secretText, customerId);
    expect(before.status).toBe(400);
    expect(before.body.error_codes).toEqual([700016]);
    const delegatedBefore = await h.customerGraphToken('applicationAdmin', app, customerId, ['Application.Read.All']);
    expect(delegatedBefore).toEqual({ ok: false, code: 65001 });

    const r = await h.call('POST', `/v1/customers/${customerId}/applicationconsents`, { token, body: consentBody(app) });
    expect(r.status).toBe(201);
    expect(r.text.charCodeAt(0)).toBe(0xfeff);
    expect(r.body).toEqual({
      applicationId: app.appId,
      applicationGrants: [{ enterpriseApplicationId: graphAppId, scope: 'Application.Read.All,DelegatedPermissionGrant.ReadWrite.All,User.Read' }],
    });

    // State: SP + one AllPrincipals grant on Graph with the space-separated scopes (facts §5.1), and a consent record.
    const directory = h.sandbox.state.directory(customerId);
    const sp = directory.findServicePrincipalByAppId(app.appId);
    expect(sp?.appOwnerOrganizationId).toBe(h.partnerTenantId);
    const graphSp = directory.findServicePrincipalByAppId(graphAppId);
    const grants = directory.grantsFor(sp?.id ?? '', graphSp?.id ?? '');
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ consentType: 'AllPrincipals', principalId: null, scope: 'Application.Read.All DelegatedPermissionGrant.ReadWrite.All User.Read' });
    const record = h.sandbox.state.consentRecords.find((c) => c.tenantId === customerId && c.clientAppId === app.appId);
    expect(record).toMatchObject({ kind: 'admin', consentedBy: h.sandbox.info.users.find((u) => u.key === 'applicationAdmin')?.username });

    // Sign-in sees it: the GDAP admin now gets a delegated token for the app in the customer, and Graph answers it.
    const delegated = await h.customerGraphToken('applicationAdmin', app, customerId, ['Application.Read.All', 'DelegatedPermissionGrant.ReadWrite.All']);
    expect(delegated.ok).toBe(true);
    if (!delegated.ok) return;
    const sps = await graphGet(delegated.token, `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${app.appId}'`)}`);
    expect(sps.status).toBe(200);
    expect(sps.body.value.map((s) => s.id)).toEqual([sp?.id]);
    const viaGraph = await graphGet(delegated.token, `/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq '${sp?.id}'`)}`);
    expect(viaGraph.status).toBe(200);
    expect(viaGraph.body.value).toEqual([expect.objectContaining({ consentType: 'AllPrincipals', resourceId: graphSp?.id, scope: grants[0]?.scope })]);

    // And client credentials now finds the app's service principal in the customer tenant.
    const after = await h.clientCredentials(app, secretText, customerId);
    expect(after.status).toBe(200);
    expect(typeof after.body.access_token).toBe('string');
  });

  it('a second identical POST is 409 "Permission entry already exists."; GET lists the consent; DELETE removes it', async () => {
    const app = h.cpvApp('CPV Duplicate App');
    const token = await h.partnerCenterToken('globalAdmin', app);
    const path = `/v1/customers/${customerId}/applicationconsents`;
    expect((await h.call('POST', path, { token, body: { ...consentBody(app, 'User.Read'), displayName: 'CPV Duplicate App' } })).status).toBe(201);

    const dup = await h.call('POST', path, { token, body: { ...consentBody(app, 'User.Read'), displayName: 'CPV Duplicate App' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ code: '409', description: 'Permission entry already exists.', data: [], source: 'PartnerFD' });

    const list = await h.call('GET', path, { token });
    expect(list.status).toBe(200);
    expect(list.body.attributes).toEqual({ objectType: 'Collection' });
    expect(list.body.items).toContainEqual({
      applicationId: app.appId,
      displayName: 'CPV Duplicate App',
      applicationGrants: [{ enterpriseApplicationId: graphAppId, scope: 'User.Read' }],
    });

    const del = await h.call('DELETE', `${path}/${app.appId}`, { token });
    expect(del.status).toBe(204);
    const directory = h.sandbox.state.directory(customerId);
    const sp = directory.findServicePrincipalByAppId(app.appId);
    expect([...directory.oauth2PermissionGrants.values()].filter((g) => g.clientId === sp?.id)).toEqual([]);
    expect(h.sandbox.state.consentRecords.some((c) => c.tenantId === customerId && c.clientAppId === app.appId)).toBe(false);
    const listAfter = await h.call('GET', path, { token });
    expect(listAfter.body.items?.some((i) => i.applicationId === app.appId)).toBe(false);
    expect((await h.customerGraphToken('globalAdmin', app, customerId, ['User.Read'])).ok).toBe(false);

    // Microsoft's sample deletes and then re-creates (facts §8.1): that works.
    expect((await h.call('POST', path, { token, body: consentBody(app, 'User.Read') })).status).toBe(201);
    // Deleting what is not there is a 404.
    const other = h.cpvApp('Never consented');
    const missing = await h.call('DELETE', `${path}/${other.appId}`, { token: await h.partnerCenterToken('globalAdmin', other) });
    expect(missing.status).toBe(404);
  });

  it('consents for several resources in one call (Graph and Partner Center service principals of the customer)', async () => {
    const app = h.cpvApp('CPV Two Resources');
    const token = await h.partnerCenterToken('applicationAdmin', app);
    const r = await h.call('POST', `/v1/customers/${customerId}/applicationconsents`, {
      token,
      body: {
        applicationId: app.appId,
        applicationGrants: [
          { enterpriseApplicationId: graphAppId, scope: 'user.read' },
          { enterpriseApplicationId: partnerCenterAppId, scope: 'user_impersonation' },
        ],
      },
    });
    expect(r.status).toBe(201);
    // Scope names come back as the resource spells them.
    expect(r.body.applicationGrants).toEqual([
      { enterpriseApplicationId: graphAppId, scope: 'User.Read' },
      { enterpriseApplicationId: partnerCenterAppId, scope: 'user_impersonation' },
    ]);
    const directory = h.sandbox.state.directory(customerId);
    const sp = directory.findServicePrincipalByAppId(app.appId);
    expect([...directory.oauth2PermissionGrants.values()].filter((g) => g.clientId === sp?.id)).toHaveLength(2);
  });
});
