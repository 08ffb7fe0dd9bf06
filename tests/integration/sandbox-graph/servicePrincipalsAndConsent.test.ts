import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;
let admin: Client;
let adminToken: string;
const userReadAll = 'df021288-bdef-4463-88db-98f22de89214';

beforeAll(async () => {
  h = await startGraphHarness();
  adminToken = await h.userToken({
    upn: h.upn('globalAdmin'),
    scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.Read.All'],
  });
  admin = h.client(adminToken);
});
afterAll(() => h.close());

async function newAppWithSp(name: string) {
  const app = await admin.api('/applications').post({ displayName: name, signInAudience: 'AzureADMultipleOrgs' });
  const sp = await admin.api('/servicePrincipals').post({ appId: app.appId });
  return { app, sp };
}

describe('service principals (facts §4)', () => {
  it('creates with 201, then a duplicate is 409 with ObjectConflict details', async () => {
    const { app, sp } = await newAppWithSp('SP App');
    expect(sp).toMatchObject({ appId: app.appId, appDisplayName: 'SP App', appRoleAssignmentRequired: false, accountEnabled: true });
    expect(sp['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#servicePrincipals/$entity`);
    const dup = await h.call('POST', '/servicePrincipals', { token: adminToken, body: { appId: app.appId } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('Request_MultipleObjectsWithSameKeyValue');
    expect(dup.body.error.details[0]).toMatchObject({ code: 'ObjectConflict', target: 'None' });
    expect(dup.body.error.message).toContain(`service principal name ${app.appId} is already in use`);
  });

  it('reads by (appId=…) and lists with $filter appId; the Graph SP carries the real permission catalogue', async () => {
    const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).select('id,appId,displayName,appRoles,oauth2PermissionScopes').get();
    expect(graphSp.displayName).toBe('Microsoft Graph');
    expect(graphSp.appRoles.find((r: { id: string }) => r.id === userReadAll)?.value).toBe('User.Read.All');
    expect(graphSp.oauth2PermissionScopes.find((s: { value: string }) => s.value === 'User.Read')?.id).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
    const list = await admin.api('/servicePrincipals').filter(`appId eq '${graphAppId}'`).get();
    expect(list.value).toHaveLength(1);
    expect(list.value[0].id).toBe(graphSp.id);
  });

  it('PATCH appRoleAssignmentRequired answers 204 (facts §12.2)', async () => {
    const { sp } = await newAppWithSp('Assignment Required');
    const r = await h.call('PATCH', `/servicePrincipals/${sp.id}`, { token: adminToken, body: { appRoleAssignmentRequired: true } });
    expect(r.status).toBe(204);
    expect((await admin.api(`/servicePrincipals/${sp.id}`).get()).appRoleAssignmentRequired).toBe(true);
  });

  it('an app created a moment ago cannot have a service principal yet: 403 "backing application … must in the local tenant" (facts §4.2)', async () => {
    h.sandbox.settings.replication.applicationDelayMs = 60_000;
    try {
      const app = await admin.api('/applications').post({ displayName: 'Fresh App' });
      const r = await h.call('POST', '/servicePrincipals', { token: adminToken, body: { appId: app.appId } });
      // Azure/azure-cli#28009, hashicorp/terraform-provider-azuread#992: Microsoft's words, typo included.
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({
        code: 'Authorization_RequestDenied',
        message: 'When using this permission, the backing application of the service principal being created must in the local tenant',
      });
      h.sandbox.settings.replication.servicePrincipalCreateError = '400';
      const other = await h.call('POST', '/servicePrincipals', { token: adminToken, body: { appId: app.appId } });
      expect(other.status).toBe(400);
      expect(other.body.error).toMatchObject({
        code: 'Request_BadRequest',
        message: `The appId '${app.appId}' of the service principal does not reference a valid application object.`,
        details: [{ code: 'NoBackingApplicationObject', target: 'appId' }],
      });
      h.sandbox.clock.advance(60_000);
      const ok = await h.call('POST', '/servicePrincipals', { token: adminToken, body: { appId: app.appId } });
      expect(ok.status).toBe(201);
    } finally {
      h.sandbox.settings.replication.applicationDelayMs = 0;
      h.sandbox.settings.replication.servicePrincipalCreateError = '403';
    }
  });

  it('the token endpoint does not know a brand-new application yet: AADSTS700016 until it has replicated (facts §4.2)', async () => {
    const { app } = await newAppWithSp('Token Replication');
    const { secretText } = await admin.api(`/applications/${app.id}/addPassword`).post({});
    h.sandbox.settings.replication.applicationDelayMs = 30_000;
    const token = () =>
      undiciFetch(`${h.sandbox.info.authority}/${h.partnerTenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        dispatcher: h.agent,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.appId, client_secret: secretText, scope: 'https://graph.microsoft.com/.default' }).toString(),
      });
    try {
      const early = await token();
      expect(early.status).toBe(400);
      expect(await early.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
      h.sandbox.clock.advance(30_000);
      expect((await token()).status).toBe(200);
    } finally {
      h.sandbox.settings.replication.applicationDelayMs = 0;
    }
  });

  it('a just-created service principal as the principalId of appRoleAssignedTo is 400 "Not a valid reference update." while it replicates', async () => {
    h.sandbox.settings.replication.servicePrincipalReferenceDelayMs = 10_000;
    try {
      const { sp: client } = await newAppWithSp('Replicating principal');
      const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).get();
      const body = { principalId: client.id, resourceId: graphSp.id, appRoleId: userReadAll };
      const r = await h.call('POST', `/servicePrincipals/${graphSp.id}/appRoleAssignedTo`, { token: adminToken, body });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'Request_BadRequest', message: 'Not a valid reference update.' });
      h.sandbox.clock.advance(10_000);
      expect((await h.call('POST', `/servicePrincipals/${graphSp.id}/appRoleAssignedTo`, { token: adminToken, body })).status).toBe(201);
    } finally {
      h.sandbox.settings.replication.servicePrincipalReferenceDelayMs = 0;
    }
  });

  it('optionally 404s reads of a just-created application', async () => {
    h.sandbox.settings.replication.applicationReadDelayMs = 30_000;
    try {
      const app = await admin.api('/applications').post({ displayName: 'Lagging App' });
      const r = await h.call('GET', `/applications/${app.id}`, { token: adminToken });
      expect(r.status).toBe(404);
      h.sandbox.clock.advance(30_000);
      expect((await h.call('GET', `/applications/${app.id}`, { token: adminToken })).status).toBe(200);
    } finally {
      h.sandbox.settings.replication.applicationReadDelayMs = 0;
    }
  });
});

describe('appRoleAssignedTo (facts §5.2)', () => {
  it('grants a Graph app role to a client (201, base64url id), lists it, rejects a duplicate, deletes it', async () => {
    const { sp: client } = await newAppWithSp('Daemon');
    const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).get();
    const created = await admin.api(`/servicePrincipals/${graphSp.id}/appRoleAssignedTo`).post({ principalId: client.id, resourceId: graphSp.id, appRoleId: userReadAll });
    expect(created).toMatchObject({ appRoleId: userReadAll, principalId: client.id, principalType: 'ServicePrincipal', resourceDisplayName: 'Microsoft Graph', resourceId: graphSp.id });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const list = await admin.api(`/servicePrincipals/${graphSp.id}/appRoleAssignedTo`).filter(`principalId eq '${client.id}'`).get();
    expect(list.value.map((a: { id: string }) => a.id)).toEqual([created.id]);
    const dup = await h.call('POST', `/servicePrincipals(appId='${graphAppId}')/appRoleAssignedTo`, {
      token: adminToken,
      body: { principalId: client.id, resourceId: graphSp.id, appRoleId: userReadAll },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toBe('Permission being assigned already exists on the object');
    const del = await h.call('DELETE', `/servicePrincipals/${graphSp.id}/appRoleAssignedTo/${created.id}`, { token: adminToken });
    expect(del.status).toBe(204);
  });

  it('an Application Administrator cannot grant Microsoft Graph app roles, but can assign users to an app', async () => {
    const appAdminToken = await h.userToken({ upn: h.upn('applicationAdmin'), scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All'] });
    const { sp: client } = await newAppWithSp('Needs Graph');
    const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).get();
    const denied = await h.call('POST', `/servicePrincipals/${graphSp.id}/appRoleAssignedTo`, {
      token: appAdminToken,
      body: { principalId: client.id, resourceId: graphSp.id, appRoleId: userReadAll },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    const me = await h.client(await h.userToken({ upn: h.upn('member'), scopes: ['User.Read'] })).api('/me').get();
    const ok = await h.call('POST', `/servicePrincipals/${client.id}/appRoleAssignedTo`, {
      token: appAdminToken,
      body: { principalId: me.id, resourceId: client.id, appRoleId: '00000000-0000-0000-0000-000000000000' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.principalType).toBe('User');
  });
});

describe('oauth2PermissionGrants (facts §5.1)', () => {
  it('creates (201), refuses a duplicate with "Permission entry already exists.", patches scope (204), filters, deletes (204)', async () => {
    const { sp: client } = await newAppWithSp('Delegated Client');
    const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).get();
    const grant = await admin.api('/oauth2PermissionGrants').post({ clientId: client.id, consentType: 'AllPrincipals', resourceId: graphSp.id, scope: 'openid profile User.Read' });
    expect(grant).toMatchObject({ clientId: client.id, consentType: 'AllPrincipals', principalId: null, resourceId: graphSp.id, scope: 'openid profile User.Read' });
    expect(grant['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#oauth2PermissionGrants/$entity`);
    try {
      await admin.api('/oauth2PermissionGrants').post({ clientId: client.id, consentType: 'AllPrincipals', resourceId: graphSp.id, scope: 'User.Read' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphError);
      expect((error as GraphError).statusCode).toBe(400);
      expect((error as GraphError).code).toBe('Request_BadRequest');
      expect((error as GraphError).message).toBe('Permission entry already exists.');
    }
    const patched = await h.call('PATCH', `/oauth2PermissionGrants/${grant.id}`, { token: adminToken, body: { scope: 'User.Read GroupMember.Read.All' } });
    expect(patched.status).toBe(204);
    const found = await admin.api('/oauth2PermissionGrants').filter(`clientId eq '${client.id}' and resourceId eq '${graphSp.id}'`).get();
    expect(found.value).toEqual([expect.objectContaining({ id: grant.id, scope: 'User.Read GroupMember.Read.All' })]);
    const underSp = await admin.api(`/servicePrincipals/${client.id}/oauth2PermissionGrants`).get();
    expect(underSp.value.map((g: { id: string }) => g.id)).toEqual([grant.id]);
    expect((await h.call('DELETE', `/oauth2PermissionGrants/${grant.id}`, { token: adminToken })).status).toBe(204);
    expect((await h.call('GET', `/oauth2PermissionGrants/${grant.id}`, { token: adminToken })).status).toBe(404);
  });

  it('answers 409 for duplicates when configured', async () => {
    h.graph.settings.duplicateGrantStatus = 409;
    try {
      const { sp: client } = await newAppWithSp('Dup 409');
      const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).get();
      const body = { clientId: client.id, consentType: 'AllPrincipals', resourceId: graphSp.id, scope: 'User.Read' };
      await admin.api('/oauth2PermissionGrants').post(body);
      const dup = await h.call('POST', '/oauth2PermissionGrants', { token: adminToken, body });
      expect(dup.status).toBe(409);
    } finally {
      h.graph.settings.duplicateGrantStatus = 400;
    }
  });

  it('a grant naming a just-created service principal 404s while it replicates (facts §4.2)', async () => {
    h.sandbox.settings.replication.servicePrincipalReferenceDelayMs = 10_000;
    try {
      const { sp: client } = await newAppWithSp('Replicating');
      const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).get();
      const r = await h.call('POST', '/oauth2PermissionGrants', { token: adminToken, body: { clientId: client.id, consentType: 'AllPrincipals', resourceId: graphSp.id, scope: 'User.Read' } });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('Directory_ObjectNotFound');
      h.sandbox.clock.advance(10_000);
      const ok = await h.call('POST', '/oauth2PermissionGrants', { token: adminToken, body: { clientId: client.id, consentType: 'AllPrincipals', resourceId: graphSp.id, scope: 'User.Read' } });
      expect(ok.status).toBe(201);
    } finally {
      h.sandbox.settings.replication.servicePrincipalReferenceDelayMs = 0;
    }
  });
});
