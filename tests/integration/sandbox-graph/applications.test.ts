import type { Client } from '@microsoft/microsoft-graph-client';
import { PageIterator } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretMatches } from '../../sandbox/model/hashSecret';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;
let admin: Client;
let adminToken: string;

beforeAll(async () => {
  h = await startGraphHarness();
  adminToken = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.ReadWrite.All'] });
  admin = h.client(adminToken);
});
afterAll(() => h.close());

describe('applications (facts §1)', () => {
  it('creates with 201 and the documented shape, then gets it by id and by appId', async () => {
    const app = await admin.api('/applications').post({ displayName: 'Contoso Onboard', signInAudience: 'AzureADMultipleOrgs' });
    expect(app['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#applications/$entity`);
    expect(app).toMatchObject({
      displayName: 'Contoso Onboard',
      signInAudience: 'AzureADMultipleOrgs',
      passwordCredentials: [],
      publisherDomain: 'contosomsp.onmicrosoft.com',
      web: { redirectUris: [], implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false } },
      spa: { redirectUris: [] },
      api: { oauth2PermissionScopes: [], knownClientApplications: [] },
    });
    const byId = await admin.api(`/applications/${app.id}`).get();
    expect(byId.appId).toBe(app.appId);
    const byAppId = await admin.api(`/applications(appId='${app.appId}')`).get();
    expect(byAppId.id).toBe(app.id);
  });

  it('filters on displayName (eq, startswith) and appId, and honours $select', async () => {
    const created = await admin.api('/applications').post({ displayName: 'Filter Me One' });
    await admin.api('/applications').post({ displayName: 'Filter Me Two' });
    const eq = await admin.api('/applications').filter("displayName eq 'Filter Me One'").get();
    expect(eq.value.map((a: { id: string }) => a.id)).toEqual([created.id]);
    const starts = await admin.api('/applications').filter("startswith(displayName,'filter me')").get();
    expect(starts.value).toHaveLength(2);
    const byAppId = await admin.api('/applications').filter(`appId eq '${created.appId}'`).select('id,appId,displayName').get();
    expect(byAppId['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#applications(id,appId,displayName)`);
    expect(byAppId.value).toEqual([{ id: created.id, appId: created.appId, displayName: 'Filter Me One' }]);
  });

  it('rejects filtering on uniqueName (facts §1.3) and unknown $select properties', async () => {
    const r = await h.call('GET', "/applications?$filter=uniqueName eq 'x'", { token: adminToken });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('Request_UnsupportedQuery');
    const s = await h.call('GET', '/applications?$select=nope', { token: adminToken });
    expect(s.status).toBe(400);
  });

  it('pages with $top and an absolute @odata.nextLink the Graph client PageIterator follows', async () => {
    for (let i = 0; i < 5; i++) await admin.api('/applications').post({ displayName: `Paged ${i}` });
    const first = await admin.api('/applications').filter("startswith(displayName,'Paged ')").top(2).get();
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toMatch(new RegExp(`^${h.sandbox.info.graph.replace(/[.]/g, '\\.')}/applications\\?`));
    const names: string[] = [];
    const iterator = new PageIterator(admin, first, (a: { displayName: string }) => {
      names.push(a.displayName);
      return true;
    });
    await iterator.iterate();
    expect(names.sort()).toEqual(['Paged 0', 'Paged 1', 'Paged 2', 'Paged 3', 'Paged 4']);
  });

  it('PATCH answers 204 and merges complex properties; invalid redirect URIs are 400 naming the platform (facts §2)', async () => {
    const app = await admin.api('/applications').post({ displayName: 'Patch Me', signInAudience: 'AzureADMultipleOrgs' });
    const r = await h.call('PATCH', `/applications/${app.id}`, { token: adminToken, body: { web: { redirectUris: ['https://app.contoso.com/auth'] } } });
    expect(r.status).toBe(204);
    await admin.api(`/applications/${app.id}`).patch({ web: { homePageUrl: 'https://app.contoso.com' }, spa: { redirectUris: ['http://localhost:5173'] } });
    const after = await admin.api(`/applications/${app.id}`).get();
    expect(after.web.redirectUris).toEqual(['https://app.contoso.com/auth']);
    expect(after.web.homePageUrl).toBe('https://app.contoso.com');
    expect(after.spa.redirectUris).toEqual(['http://localhost:5173']);
    const bad = await h.call('PATCH', `/applications/${app.id}`, { token: adminToken, body: { web: { redirectUris: ['http://contoso.com/cb'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'Request_BadRequest', message: "Invalid value specified for property 'web' of resource 'Application'." });
    expect(bad.body.error.innerError).toMatchObject({ 'request-id': expect.any(String), 'client-request-id': expect.any(String) });
    expect(bad.body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const tooMany = await h.call('PATCH', `/applications/${app.id}`, {
      token: adminToken,
      body: { web: { redirectUris: Array.from({ length: 257 }, (_, i) => `https://app.contoso.com/cb${i}`) } },
    });
    expect(tooMany.status).toBe(400);
    const badUri = await h.call('PATCH', `/applications/${app.id}`, { token: adminToken, body: { identifierUris: ['https://not-verified.example/api'] } });
    expect(badUri.body.error.code).toBe('HostNameNotOnVerifiedDomain');
    const okUri = await h.call('PATCH', `/applications/${app.id}`, { token: adminToken, body: { identifierUris: [`api://${app.appId}`] } });
    expect(okUri.status).toBe(204);
  });

  it('DELETE answers 204 and the app is gone', async () => {
    const app = await admin.api('/applications').post({ displayName: 'Delete Me' });
    const r = await h.call('DELETE', `/applications/${app.id}`, { token: adminToken });
    expect(r.status).toBe(204);
    const gone = await h.call('GET', `/applications/${app.id}`, { token: adminToken });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('upserts by uniqueName: 201 with Prefer: create-if-missing, then 204; 404 without Prefer (facts §1.3)', async () => {
    const missing = await h.call('PATCH', "/applications(uniqueName='onboard-upsert')", { token: adminToken, body: { displayName: 'Upserted' } });
    expect(missing.status).toBe(404);
    const created = await h.call('PATCH', "/applications(uniqueName='onboard-upsert')", {
      token: adminToken,
      body: { displayName: 'Upserted', signInAudience: 'AzureADMultipleOrgs' },
      headers: { prefer: 'create-if-missing' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ uniqueName: 'onboard-upsert', displayName: 'Upserted' });
    const updated = await h.call('PATCH', "/applications(uniqueName='onboard-upsert')", {
      token: adminToken,
      body: { displayName: 'Upserted v2' },
      headers: { prefer: 'create-if-missing' },
    });
    expect(updated.status).toBe(204);
    expect(updated.body).toBeUndefined();
    const read = await admin.api("/applications(uniqueName='onboard-upsert')").get();
    expect(read).toMatchObject({ id: created.body.id, displayName: 'Upserted v2' });
    const dup = await h.call('POST', '/applications', { token: adminToken, body: { displayName: 'Dup', uniqueName: 'onboard-upsert' } });
    expect(dup.status).toBe(409);
  });
});

describe('addPassword / removePassword (facts §3)', () => {
  it('returns secretText once (200), null afterwards, honours endDateTime, and stores a secret the token endpoint accepts', async () => {
    const app = await admin.api('/applications').post({ displayName: 'Secret App' });
    const cred = await admin.api(`/applications/${app.id}/addPassword`).post({ passwordCredential: { displayName: 'ci', endDateTime: '2030-01-01T00:00:00Z' } });
    expect(cred['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#microsoft.graph.passwordCredential`);
    expect(cred.secretText).toEqual(expect.any(String));
    expect(cred.secretText.length).toBeGreaterThanOrEqual(16);
    expect(cred.hint).toBe(cred.secretText.slice(0, 3));
    expect(cred.endDateTime).toBe('2030-01-01T00:00:00.000Z');
    expect(cred.displayName).toBe('ci');
    const raw = await h.call('POST', `/applications(appId='${app.appId}')/addPassword`, { token: adminToken, body: {} });
    expect(raw.status).toBe(200);
    const listed = await admin.api(`/applications/${app.id}`).get();
    expect(listed.passwordCredentials).toHaveLength(2);
    for (const c of listed.passwordCredentials) expect(c.secretText).toBeNull();
    const stored = h.sandbox.state.findApplication(app.appId)?.passwordCredentials.find((c) => c.keyId === cred.keyId);
    expect(stored && secretMatches(cred.secretText, stored.sandbox.secretHash)).toBe(true);

    const removed = await h.call('POST', `/applications/${app.id}/removePassword`, { token: adminToken, body: { keyId: cred.keyId } });
    expect(removed.status).toBe(204);
    const after = await admin.api(`/applications/${app.id}`).get();
    expect(after.passwordCredentials.map((c: { keyId: string }) => c.keyId)).not.toContain(cred.keyId);
  });

  it('the secret works at the sandbox token endpoint (client_credentials) and the token calls Graph', async () => {
    const app = await admin.api('/applications').post({ displayName: 'CC App', signInAudience: 'AzureADMultipleOrgs' });
    const sp = await admin.api('/servicePrincipals').post({ appId: app.appId });
    expect(sp.appId).toBe(app.appId);
    const cred = await admin.api(`/applications/${app.id}/addPassword`).post({});
    const form = new URLSearchParams({ client_id: app.appId, client_secret: cred.secretText, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' });
    const { fetch } = await import('undici');
    const res = await fetch(`${h.sandbox.info.authority}/${h.partnerTenantId}/oauth2/v2.0/token`, { method: 'POST', body: form, dispatcher: h.agent });
    expect(res.status).toBe(200);
    const token = ((await res.json()) as { access_token: string }).access_token;
    // No app roles granted: authenticated (not 401) but not authorised.
    const r = await h.call('GET', '/applications', { token });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('Authorization_RequestDenied');
  });

  it('limits MSA-audience apps to two secrets (facts §3.3)', async () => {
    const app = await admin.api('/applications').post({ displayName: 'MSA App', signInAudience: 'AzureADandPersonalMicrosoftAccount' });
    await admin.api(`/applications/${app.id}/addPassword`).post({});
    await admin.api(`/applications/${app.id}/addPassword`).post({});
    const third = await h.call('POST', `/applications/${app.id}/addPassword`, { token: adminToken, body: {} });
    expect(third.status).toBe(400);
  });
});
