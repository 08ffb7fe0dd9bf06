import { GraphError, PageIterator, type Client, type PageCollection } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { instantReplication } from '../../sandbox/settings/SandboxSettings';
import { startGraphHarness, type GraphHarness } from './harness';

/*
 * The Microsoft Graph JavaScript SDK (@microsoft/microsoft-graph-client) driving the operations an admin tool
 * performs — app registration, permissions, consent, groups, users — in the forms Graph documents, not only the
 * ones Entra Onboard happens to send (issue 9 §2).
 */

let h: GraphHarness;
let admin: Client;
let adminToken: string;
const userRead = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d';
const userReadAll = 'df021288-bdef-4463-88db-98f22de89214';

beforeAll(async () => {
  // Replication delays belong to other tests; here every write is visible at once (every kind of delay, including
  // the read and reference delays that are now on by default).
  h = await startGraphHarness({ sandboxSettings: instantReplication });
  adminToken = await h.userToken({
    upn: h.upn('globalAdmin'),
    scopes: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.Read.All', 'Group.ReadWrite.All', 'User.Read.All'],
  });
  admin = h.client(adminToken);
});
afterAll(() => h.close());

async function graphError(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a Graph error');
}

function userIds(): string[] {
  return [...h.sandbox.runtime.state.directory(h.partnerTenantId).users.values()].map((u) => u.id);
}

describe('app, permission and consent operations through the Graph SDK', () => {
  it('registers a multi-tenant app with redirect URIs, adds permissions, installs it and consents (grant + app role on the principal side), all through /myorganization', async () => {
    const app = await admin.api('/myorganization/applications').post({
      displayName: 'SDK multi-tenant app',
      signInAudience: 'AzureADMultipleOrgs',
      web: { redirectUris: ['https://sdk.example.com/signin-oidc', 'https://sdk.example.com/auth'] },
    });
    expect(app).toMatchObject({ signInAudience: 'AzureADMultipleOrgs', web: { redirectUris: ['https://sdk.example.com/signin-oidc', 'https://sdk.example.com/auth'] } });

    await admin.api(`/myorganization/applications/${app.id}`).patch({
      requiredResourceAccess: [{ resourceAppId: graphAppId, resourceAccess: [{ id: userRead, type: 'Scope' }, { id: userReadAll, type: 'Role' }] }],
    });
    const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).select('id').get();
    const sp = await admin.api('/myorganization/servicePrincipals').post({ appId: app.appId });
    const grant = await admin.api('/myorganization/oauth2PermissionGrants').post({ clientId: sp.id, consentType: 'AllPrincipals', principalId: null, resourceId: graphSp.id, scope: 'User.Read' });
    expect(grant).toMatchObject({ clientId: sp.id, scope: 'User.Read', consentType: 'AllPrincipals' });
    const role = await admin.api(`/myorganization/servicePrincipals/${sp.id}/appRoleAssignments`).post({ principalId: sp.id, resourceId: graphSp.id, appRoleId: userReadAll });
    expect(role).toMatchObject({ principalId: sp.id, principalType: 'ServicePrincipal', resourceId: graphSp.id, appRoleId: userReadAll });
    expect(role['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#servicePrincipals('${sp.id}')/appRoleAssignments/$entity`);

    const expanded = await admin.api(`/servicePrincipals/${sp.id}`).select('id,appId').expand('appRoleAssignments,oauth2PermissionGrants').get();
    expect(expanded.appRoleAssignments).toEqual([expect.objectContaining({ appRoleId: userReadAll, resourceId: graphSp.id })]);
    expect(expanded.oauth2PermissionGrants).toEqual([expect.objectContaining({ scope: 'User.Read' })]);
    const assignedTo = await admin.api(`/servicePrincipals/${graphSp.id}`).select('id').expand('appRoleAssignedTo').get();
    expect(assignedTo.appRoleAssignedTo.map((a: { principalId: string }) => a.principalId)).toContain(sp.id);
    const listed = await admin.api(`/servicePrincipals/${sp.id}/appRoleAssignments`).get();
    expect(listed.value).toHaveLength(1);

    // The principal side refuses a body naming another principal.
    const other = await graphError(admin.api(`/servicePrincipals/${sp.id}/appRoleAssignments`).post({ principalId: graphSp.id, resourceId: graphSp.id, appRoleId: userReadAll }));
    expect(other.statusCode).toBe(400);

    // The app's owner is the admin who created it; $expand=owners shows them as a user.
    const withOwners = await admin.api(`/applications/${app.id}`).expand('owners').get();
    expect(withOwners.owners).toEqual([expect.objectContaining({ '@odata.type': '#microsoft.graph.user', userPrincipalName: h.upn('globalAdmin') })]);
  });

  it('addresses one property by path: value, complex value, and Graph’s 400 for a segment it does not know', async () => {
    const app = await admin.api('/applications').post({ displayName: 'By path', web: { redirectUris: ['https://path.example.com/cb'] } });
    const name = await admin.api(`/applications/${app.id}/displayName`).get();
    expect(name).toEqual({ '@odata.context': `${h.sandbox.info.graph}/$metadata#applications('${app.id}')/displayName`, value: 'By path' });
    const uris = await admin.api(`/applications/${app.id}/identifierUris`).get();
    expect(uris.value).toEqual([]);
    const web = await admin.api(`/applications/${app.id}/web`).get();
    expect(web.redirectUris).toEqual(['https://path.example.com/cb']);
    const unknown = await graphError(admin.api(`/applications/${app.id}/colour`).get());
    expect(unknown.statusCode).toBe(400);
    expect(unknown.code).toBe('BadRequest');
    expect(unknown.message).toBe("Resource not found for the segment 'colour'.");
    const unknownSet = await graphError(admin.api('/widgets').get());
    expect(unknownSet.message).toBe("Resource not found for the segment 'widgets'.");
  });

  it('answers $expand it cannot serve as Graph does, never by ignoring it', async () => {
    const app = await admin.api('/applications').post({ displayName: 'Expand errors' });
    const structural = await graphError(admin.api(`/applications/${app.id}`).expand('passwordCredentials').get());
    expect(structural.statusCode).toBe(400);
    expect(structural.message).toBe(
      "Parsing OData Select and Expand failed: Property 'passwordCredentials' on type 'microsoft.graph.application' is not a navigation property or complex property. Only navigation properties can be expanded.",
    );
    const missing = await graphError(admin.api('/applications').expand('colours').get());
    expect(missing.message).toBe("Parsing OData Select and Expand failed: Could not find a property named 'colours' on type 'microsoft.graph.application'.");
    const unserved = await graphError(admin.api(`/applications/${app.id}`).expand('extensionProperties').get());
    expect(unserved.statusCode).toBe(501);
  });
});

describe('group operations through the Graph SDK', () => {
  it('creates a group with members and owners by @odata.bind, adds more by $ref and by PATCH, and expands members and owners', async () => {
    const [u1, u2, u3] = userIds();
    const graphSp = await admin.api(`/servicePrincipals(appId='${graphAppId}')`).select('id').get();
    const bind = (id: string) => `https://graph.microsoft.com/v1.0/directoryObjects/${id}`;
    // Property names are matched without regard to case (DisplayName, MailNickname).
    const group = await admin.api('/groups').post({
      DisplayName: 'SDK operators',
      mailEnabled: false,
      MailNickname: 'sdkoperators',
      securityEnabled: true,
      'members@odata.bind': [bind(u1 as string), bind(graphSp.id)],
      'owners@odata.bind': [bind(u2 as string)],
    });
    expect(group).toMatchObject({ displayName: 'SDK operators', mailNickname: 'sdkoperators' });
    await admin.api(`/groups/${group.id}/members/$ref`).post({ '@odata.id': bind(u3 as string) });
    await admin.api(`/groups/${group.id}/owners/$ref`).post({ '@odata.id': `https://graph.microsoft.com/v1.0/users/${u1}` });
    await admin.api(`/groups/${group.id}`).patch({ 'members@odata.bind': [bind(u2 as string)] });
    const again = await graphError(admin.api(`/groups/${group.id}/members/$ref`).post({ '@odata.id': bind(u3 as string) }));
    expect(again.message).toBe("One or more added object references already exist for the following modified properties: 'members'.");

    const members = await admin.api(`/groups/${group.id}/members`).get();
    expect(members.value.map((m: { id: string }) => m.id).sort()).toEqual([u1, graphSp.id, u3, u2].sort());
    expect(members.value.find((m: { id: string }) => m.id === graphSp.id)['@odata.type']).toBe('#microsoft.graph.servicePrincipal');
    const owners = await admin.api(`/groups/${group.id}/owners`).get();
    expect(owners.value.map((o: { id: string }) => o.id).sort()).toEqual([u1, u2].sort());

    const expanded = await admin.api('/groups').filter("displayName eq 'SDK operators'").expand('members($select=id,displayName)').get();
    const one = expanded.value[0];
    expect(one.members).toHaveLength(4);
    expect(Object.keys(one.members.find((m: { id: string }) => m.id === u1)).sort()).toEqual(['@odata.type', 'displayName', 'id']);
    const byOwners = await admin.api(`/groups/${group.id}`).expand('owners').get();
    expect(byOwners.owners).toHaveLength(2);
  });
});

describe('user operations through the Graph SDK', () => {
  it('lists every user page by page (PageIterator follows @odata.nextLink), selects and filters without regard to case', async () => {
    const all = userIds();
    expect(all.length).toBeGreaterThan(2);
    const first = (await admin.api('/users').top(2).get()) as PageCollection;
    expect(first['@odata.nextLink']).toContain('/users?');
    const seen: string[] = [];
    await new PageIterator(admin, first, (u: { id: string }) => {
      seen.push(u.id);
      return true;
    }).iterate();
    expect(seen.sort()).toEqual([...all].sort());

    const selected = await admin.api('/users').select('ID,DisplayName,UserPrincipalName').get();
    expect(Object.keys(selected.value[0]).sort()).toEqual(['displayName', 'id', 'userPrincipalName']);
    expect(selected['@odata.context']).toBe(`${h.sandbox.info.graph}/$metadata#users(id,displayName,userPrincipalName)`);
    const upn = h.upn('globalAdmin');
    const filtered = await admin.api('/users').filter(`UserPrincipalName eq '${upn}'`).get();
    expect(filtered.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toEqual([upn]);
    const one = await admin.api(`/users/${encodeURIComponent(upn)}`).get();
    expect(one.userPrincipalName).toBe(upn);
    const memberOf = await admin.api(`/users/${one.id}`).select('id').expand('memberOf').get();
    expect(memberOf.memberOf.some((o: { '@odata.type': string }) => o['@odata.type'] === '#microsoft.graph.directoryRole')).toBe(true);
  });

  it('with Accept: odata.metadata=none answers without control information except the next link', async () => {
    const page = await admin.api('/users').top(1).header('Accept', 'application/json;odata.metadata=none').get();
    expect(page['@odata.context']).toBeUndefined();
    expect(page['@odata.nextLink']).toBeTruthy();
    const byPath = await admin.api(`/users/${userIds()[0]}/displayName`).header('Accept', 'application/json;odata.metadata=none').get();
    expect(Object.keys(byPath)).toEqual(['value']);
  });
});
