import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphAppId } from '../../sandbox/model/wellKnownIds';
import { checkAgainstCsdl } from './checkAgainstCsdl';
import { startGraphHarness, type GraphHarness } from './harness';
import { readCsdl, type CsdlModel } from './readCsdl';

const csdlPath = '/work/shared/data/graph-metadata/v1.0-Prod.csdl';

let h: GraphHarness;
let model: CsdlModel;
const samples = new Map<string, Array<Record<string, unknown>>>();

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
