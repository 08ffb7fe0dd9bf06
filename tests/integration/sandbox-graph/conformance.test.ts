import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trimmedGraphMetadataFile } from '../../sandbox/model/trimGraphMetadata';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { checkAgainstCsdl } from './checkAgainstCsdl';
import { startGraphHarness, type GraphHarness } from './harness';
import { readCsdl, type CsdlModel } from './readCsdl';

// The repository's trimmed copy of Microsoft's v1.0 CSDL (tests/unit/sandbox/trimmed-metadata.test.ts checks it for drift).
const csdlPath = trimmedGraphMetadataFile;

let h: GraphHarness;
let model: CsdlModel;
const samples = new Map<string, Array<Record<string, unknown>>>();
/** Which kinds of answer each sample came from, so a test can prove every kind was checked. */
const forms = new Set<string>();

function add(type: string, ...values: Array<Record<string, unknown>>): void {
  samples.set(type, [...(samples.get(type) ?? []), ...values]);
}

/** Exercises every emulated resource once and keeps what the sandbox returned, per Graph type. */
beforeAll(async () => {
  model = readCsdl(csdlPath);
  h = await startGraphHarness();
  const token = await h.userToken({
    upn: h.upn('globalAdmin'),
    scopes: [
      'User.Read',
      'Application.ReadWrite.All',
      'AppRoleAssignment.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
      'Directory.Read.All',
      'Group.ReadWrite.All',
      'Policy.ReadWrite.ConditionalAccess',
      'Policy.Read.All',
      'Application.Read.All',
      'DelegatedAdminRelationship.Read.All',
      'CrossTenantInformation.ReadBasic.All',
    ],
  });
  const c = h.client(token);
  const app = await c.api('/applications').post({
    displayName: 'Conformance',
    signInAudience: 'AzureADMultipleOrgs',
    web: { redirectUris: ['https://app.contoso.com/cb'] },
    requiredResourceAccess: [{ resourceAppId: graphAppId, resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }] }],
    optionalClaims: { idToken: [{ name: 'groups', source: null, essential: false, additionalProperties: [] }] },
    info: { marketingUrl: 'https://contoso.com' },
    appRoles: [{ id: '3b1c8a9e-0c1c-4c7f-9d2e-6f1a2b3c4d5e', value: 'Tenant.Admin', displayName: 'Admin', description: 'Admin', allowedMemberTypes: ['User'], isEnabled: true }],
  });
  const password = await c.api(`/applications/${app.id}/addPassword`).post({ passwordCredential: { displayName: 'x' } });
  add('passwordCredential', password);
  add('application', await c.api(`/applications/${app.id}`).get());
  const sp = await c.api('/servicePrincipals').post({ appId: app.appId });
  const graphSp = await c.api(`/servicePrincipals(appId='${graphAppId}')`).get();
  add('servicePrincipal', sp, graphSp);
  add('oAuth2PermissionGrant', await c.api('/oauth2PermissionGrants').post({ clientId: sp.id, consentType: 'AllPrincipals', resourceId: graphSp.id, scope: 'User.Read' }));
  add('appRoleAssignment', await c.api(`/servicePrincipals/${graphSp.id}/appRoleAssignedTo`).post({ principalId: sp.id, resourceId: graphSp.id, appRoleId: 'df021288-bdef-4463-88db-98f22de89214' }));
  // Collections, a page and the next page, $select, upsert and $batch answers: the same types in every form.
  const list = (await c.api('/applications').get()) as { value: Record<string, unknown>[] };
  add('application', ...list.value);
  forms.add('list');
  await c.api('/applications').post({ displayName: 'Conformance (2)' });
  const page = (await c.api('/applications').top(1).get()) as { value: Record<string, unknown>[]; '@odata.nextLink'?: string };
  expect(page['@odata.nextLink']).toBeDefined();
  const next = (await c.api(page['@odata.nextLink']!).get()) as { value: Record<string, unknown>[] };
  add('application', ...page.value, ...next.value);
  forms.add('paged');
  add('servicePrincipal', ...((await c.api('/servicePrincipals').top(2).get()) as { value: Record<string, unknown>[] }).value);
  const selected = await c.api(`/applications/${app.id}`).select(['id', 'appId', 'signInAudience', 'passwordCredentials', 'web']).get();
  expect(Object.keys(selected).filter((k) => !k.startsWith('@odata.')).sort()).toEqual(['appId', 'id', 'passwordCredentials', 'signInAudience', 'web']);
  add('application', selected);
  forms.add('select');
  const upserted = await c
    .api("/applications(uniqueName='conformance-upsert')")
    .header('Prefer', 'create-if-missing')
    .patch({ displayName: 'Conformance (upsert)', signInAudience: 'AzureADMyOrg' });
  expect(upserted).toBeTruthy(); // 201 with the new application
  add('application', upserted);
  forms.add('upsert');
  const base = h.sandbox.info.graph;
  const batch = new BatchRequestContent([
    { id: '1', request: new Request(`${base}/applications/${app.id}`, { method: 'GET' }) },
    { id: '2', request: new Request(`${base}/servicePrincipals`, { method: 'POST', body: JSON.stringify({ appId: upserted.appId }), headers: { 'Content-Type': 'application/json' } }) },
  ]);
  const answers = new BatchResponseContent(await c.api('/$batch').post(await batch.getContent())).getResponses();
  expect(answers.get('1')?.status).toBe(200);
  expect(answers.get('2')?.status).toBe(201);
  add('application', (await answers.get('1')!.json()) as Record<string, unknown>);
  add('servicePrincipal', (await answers.get('2')!.json()) as Record<string, unknown>);
  forms.add('batch');
  add('organization', ...(await c.api('/organization').get()).value);
  add('user', await c.api('/me').get());
  const me = (await c.api('/me').get()) as { userPrincipalName: string };
  add('user', await c.api(`/users/${encodeURIComponent(me.userPrincipalName)}`).select(['id', 'userPrincipalName', 'accountEnabled', 'userType', 'createdDateTime']).get());
  add('group', await c.api('/groups').post({ displayName: 'Conformance', mailEnabled: false, mailNickname: 'conformance', securityEnabled: true }));
  add('directoryObject', ...(await c.api('/me/memberOf').get()).value);
  add('delegatedAdminCustomer', ...(await c.api('/tenantRelationships/delegatedAdminCustomers').get()).value);
  add('tenantInformation', await c.api("/tenantRelationships/findTenantInformationByDomainName(domainName='contosomsp.onmicrosoft.com')").get());
  add(
    'conditionalAccessPolicy',
    await c.api('/identity/conditionalAccess/policies').post({
      displayName: 'Conformance',
      state: 'disabled',
      conditions: { applications: { includeApplications: [app.appId] }, users: { includeUsers: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    }),
  );
});
afterAll(() => h.close());

describe('Graph v1.0 CSDL conformance', () => {
  it('reads the metadata with inheritance (application -> directoryObject -> entity)', () => {
    expect(model.property('graph.application', 'appId')?.type).toBe('Edm.String');
    expect(model.property('graph.application', 'deletedDateTime')?.type).toBe('Edm.DateTimeOffset');
    expect(model.property('graph.application', 'id')?.type).toBe('Edm.String');
    expect(model.property('graph.application', 'noSuchProperty')).toBeUndefined();
  });

  it('was fed every form of answer: single, list, paged, $select, upsert and $batch', () => {
    expect([...forms].sort()).toEqual(['batch', 'list', 'paged', 'select', 'upsert']);
  });

  it('checks enum values against the members the CSDL lists (flags enums comma-separated)', () => {
    expect(model.enumMembers.get('microsoft.graph.conditionalAccessPolicyState')?.members.has('enabledForReportingButNotEnforced')).toBe(true);
    expect(checkAgainstCsdl(model, 'graph.conditionalAccessPolicy', { state: 'enabled' })).toEqual([]);
    const wrong = checkAgainstCsdl(model, 'graph.conditionalAccessPolicy', { state: 'on' });
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatch(/state: on is not a member of .*conditionalAccessPolicyState/);
    expect(checkAgainstCsdl(model, 'graph.conditionalAccessGrantControls', { builtInControls: ['mfa', 'sms'] })).toHaveLength(1);
    // conditionalAccessGuestOrExternalUserTypes is a flags enum: members joined by commas are one value.
    const guests = { guestOrExternalUserTypes: 'internalGuest,b2bCollaborationGuest' };
    expect(checkAgainstCsdl(model, 'graph.conditionalAccessGuestsOrExternalUsers', guests)).toEqual([]);
    expect(checkAgainstCsdl(model, 'graph.conditionalAccessGuestsOrExternalUsers', { guestOrExternalUserTypes: 'internalGuest,nobody' })).toHaveLength(1);
  });

  it('flags properties the type does not define and JSON types that do not fit', () => {
    expect(checkAgainstCsdl(model, 'graph.oAuth2PermissionGrant', { id: 'x', clientId: 'y', bogus: 1 })).toEqual(['graph.oAuth2PermissionGrant.bogus: not a property of graph.oAuth2PermissionGrant']);
    expect(checkAgainstCsdl(model, 'graph.application', { web: { redirectUris: 'nope' } })).toHaveLength(1);
    expect(checkAgainstCsdl(model, 'graph.passwordCredential', { keyId: 'not-a-guid' })).toHaveLength(1);
    expect(checkAgainstCsdl(model, 'graph.servicePrincipal', { appRoleAssignmentRequired: null })).toHaveLength(1);
  });

  const types = [
    'application',
    'servicePrincipal',
    'passwordCredential',
    'oAuth2PermissionGrant',
    'appRoleAssignment',
    'organization',
    'delegatedAdminCustomer',
    'group',
    'conditionalAccessPolicy',
    'user',
    'directoryObject',
    'tenantInformation',
  ];
  for (const type of types) {
    it(`every property the sandbox returns for ${type} exists on graph.${type} with a compatible JSON type`, () => {
      const values = samples.get(type) ?? [];
      expect(values.length).toBeGreaterThan(0);
      const problems = values.flatMap((v) => checkAgainstCsdl(model, `graph.${type}`, v));
      expect(problems).toEqual([]);
    });
  }

  it('/me/memberOf includes directoryRole objects that conform to graph.directoryRole', () => {
    const roles = (samples.get('directoryObject') ?? []).filter((o) => o['@odata.type'] === '#microsoft.graph.directoryRole');
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.flatMap((r) => checkAgainstCsdl(model, 'graph.directoryRole', r))).toEqual([]);
  });
});
