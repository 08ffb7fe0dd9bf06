import { anyOf, type PermissionRequirement } from './PermissionRequirement';

/*
 * Least-privileged and higher permissions per endpoint, from data/graph-permissions/permissions.json pathSets
 * (every permission listed for that method + path, DelegatedWork and Application schemes). Microsoft's API pages
 * agree; where they say more, it is noted.
 */

const appRead = { delegated: ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], application: ['Application.Read.All', 'Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.Read.All', 'Directory.ReadWrite.All'] };
const appWrite = { delegated: ['Application.ReadWrite.All'], application: ['Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy'] };

export const graphPermissions = {
  me: { delegated: anyOf('User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'), application: [], source: 'GET /me' },
  meMemberOf: { delegated: anyOf('User.Read', 'GroupMember.Read.All', 'Group.ReadBasic.All', 'Directory.Read.All', 'Directory.ReadWrite.All'), application: [], source: 'GET /me/memberof' },
  // GET /users/{id}: User.ReadBasic.All is least privileged; User.Read and User.ReadWrite reach only the signed-in user's own object (getUser applies that).
  getUser: {
    delegated: anyOf('User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'User.Read', 'User.ReadWrite'),
    application: anyOf('User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    source: 'GET /users/{id}',
  },
  // Every signed-in user may read their organization with User.Read (permissions.json: GET /organization).
  organization: {
    delegated: anyOf('User.Read', 'User.Read.All', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    application: anyOf('User.Read.All', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    source: 'GET /organization',
  },
  listApplications: { delegated: anyOf(...appRead.delegated), application: anyOf('Application.Read.All', 'Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.Read.All'), source: 'GET /applications' },
  getApplication: { delegated: anyOf(...appRead.delegated), application: anyOf(...appRead.application), source: 'GET /applications/{id}' },
  // facts §1.1; permissions.json also names AppRegistration.Create.
  createApplication: { delegated: anyOf('Application.ReadWrite.All', 'AppRegistration.Create'), application: anyOf('Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'AppRegistration.Create'), source: 'POST /applications' },
  updateApplication: { delegated: anyOf(...appWrite.delegated), application: anyOf(...appWrite.application), source: 'PATCH /applications/{id}' },
  deleteApplication: { delegated: anyOf(...appWrite.delegated), application: anyOf(...appWrite.application), source: 'DELETE /applications/{id}' },
  // facts §1.3: upsert takes the create permissions (an update through it, the update ones; both sets agree).
  upsertApplication: { delegated: anyOf('Application.ReadWrite.All'), application: anyOf('Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy'), source: 'PATCH /applications(appid={value})' },
  addPassword: { delegated: anyOf('Application.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.ReadWrite.All'), source: 'POST /applications/{id}/addpassword' },
  removePassword: { delegated: anyOf('Application.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.ReadWrite.All'), source: 'POST /applications/{id}/removepassword' },
  listServicePrincipals: { delegated: anyOf(...appRead.delegated), application: anyOf('Application.Read.All', 'Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.Read.All'), source: 'GET /serviceprincipals' },
  getServicePrincipal: { delegated: anyOf(...appRead.delegated), application: anyOf(...appRead.application), source: 'GET /serviceprincipals/{id}' },
  createServicePrincipal: { delegated: anyOf('Application.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.ReadWrite.All'), source: 'POST /serviceprincipals' },
  updateServicePrincipal: { delegated: anyOf('Application.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy', 'Directory.ReadWrite.All'), source: 'PATCH /serviceprincipals/{id}' },
  listAppRoleAssignedTo: { delegated: anyOf(...appRead.delegated), application: anyOf(...appRead.application), source: 'GET /serviceprincipals/{id}/approleassignedto' },
  // facts §5.2: AppRoleAssignment.ReadWrite.All (+ Application.Read.All to look the resource up).
  createAppRoleAssignedTo: { delegated: anyOf('AppRoleAssignment.ReadWrite.All'), application: anyOf('AppRoleAssignment.ReadWrite.All'), source: 'POST /serviceprincipals/{id}/approleassignedto' },
  deleteAppRoleAssignedTo: { delegated: anyOf('AppRoleAssignment.ReadWrite.All', 'Application.ReadWrite.All'), application: anyOf('AppRoleAssignment.ReadWrite.All', 'Application.ReadWrite.All'), source: 'DELETE /serviceprincipals/{id}/approleassignedto/{id}' },
  listSpGrants: { delegated: anyOf('Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'GET /serviceprincipals/{id}/oauth2permissiongrants' },
  listGrants: { delegated: anyOf('Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'GET /oauth2permissiongrants' },
  getGrant: { delegated: anyOf('Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Directory.Read.All', 'DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'GET /oauth2permissiongrants/{id}' },
  // facts §5.1: DelegatedPermissionGrant.ReadWrite.All is least privileged.
  writeGrant: { delegated: anyOf('DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'POST /oauth2permissiongrants' },
  listGroups: {
    delegated: anyOf('Group.ReadBasic.All', 'GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    application: anyOf('Group.ReadBasic.All', 'GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    source: 'GET /groups',
  },
  getGroup: {
    delegated: anyOf('Group.ReadBasic.All', 'GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    application: anyOf('Group.ReadBasic.All', 'GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    source: 'GET /groups/{id}',
  },
  createGroup: { delegated: anyOf('Group.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Group.Create', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'POST /groups' },
  deleteGroup: { delegated: anyOf('Group.ReadWrite.All'), application: anyOf('Group.ReadWrite.All'), source: 'DELETE /groups/{id}' },
  listGroupMembers: {
    delegated: anyOf('GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All'),
    application: anyOf('GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All'),
    source: 'GET /groups/{id}/members',
  },
  writeGroupMembers: {
    delegated: anyOf('GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'),
    application: anyOf('GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'),
    source: 'DELETE /groups/{id}/members/{id}',
  },
  listUsers: {
    delegated: anyOf('User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    application: anyOf('User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'),
    source: 'GET /users',
  },
  updateGroup: { delegated: anyOf('Group.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Group.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'PATCH /groups/{id}' },
  listGroupOwners: {
    delegated: anyOf('GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All'),
    application: anyOf('GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All'),
    source: 'GET /groups/{id}/owners',
  },
  addGroupOwner: { delegated: anyOf('Group.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Group.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'POST /groups/{id}/owners' },
  removeGroupOwner: { delegated: anyOf('Group.ReadWrite.All', 'Directory.ReadWrite.All'), application: anyOf('Group.ReadWrite.All', 'Directory.ReadWrite.All'), source: 'DELETE /groups/{id}/owners/{id}' },
  listApplicationOwners: { delegated: anyOf(...appRead.delegated), application: anyOf(...appRead.application), source: 'GET /applications/{id}/owners' },
  listServicePrincipalOwners: { delegated: anyOf(...appRead.delegated), application: anyOf(...appRead.application), source: 'GET /serviceprincipals/{id}/owners' },
  listAppRoleAssignments: { delegated: anyOf(...appRead.delegated), application: anyOf(...appRead.application), source: 'GET /serviceprincipals/{id}/approleassignments' },
  // The principal side of facts §5.2: the same consent as appRoleAssignedTo.
  createAppRoleAssignment: { delegated: anyOf('AppRoleAssignment.ReadWrite.All'), application: anyOf('AppRoleAssignment.ReadWrite.All'), source: 'POST /serviceprincipals/{id}/approleassignments' },
  readConditionalAccess: { delegated: anyOf('Policy.Read.All'), application: anyOf('Policy.Read.All'), source: 'GET /identity/conditionalaccess/policies' },
  // facts §12.1: Policy.ReadWrite.ConditionalAccess + Policy.Read.All + Application.Read.All (all of them).
  writeConditionalAccessAll: {
    delegated: [['Policy.ReadWrite.ConditionalAccess', 'Policy.Read.All', 'Application.Read.All']],
    application: [['Policy.ReadWrite.ConditionalAccess', 'Policy.Read.All', 'Application.Read.All']],
    source: 'POST /identity/conditionalaccess/policies',
  },
  writeConditionalAccessMinimal: { delegated: anyOf('Policy.ReadWrite.ConditionalAccess'), application: anyOf('Policy.ReadWrite.ConditionalAccess'), source: 'POST /identity/conditionalaccess/policies' },
  // facts §7.1: the older doc says delegated only; permissions.json lists Application too.
  delegatedAdminCustomers: {
    delegated: anyOf('DelegatedAdminRelationship.Read.All', 'DelegatedAdminRelationship.ReadWrite.All'),
    application: anyOf('DelegatedAdminRelationship.Read.All', 'DelegatedAdminRelationship.ReadWrite.All'),
    source: 'GET /tenantrelationships/delegatedadmincustomers',
  },
  // tenantrelationship-list-delegatedadminrelationships.md: Read.All least privileged, delegated and application.
  delegatedAdminRelationships: {
    delegated: anyOf('DelegatedAdminRelationship.Read.All', 'DelegatedAdminRelationship.ReadWrite.All'),
    application: anyOf('DelegatedAdminRelationship.Read.All', 'DelegatedAdminRelationship.ReadWrite.All'),
    source: 'GET /tenantrelationships/delegatedadminrelationships',
  },
  // The older API page says "Application: Not supported"; permissions.json (newer) lists Application too.
  delegatedAdminAccessAssignments: {
    delegated: anyOf('DelegatedAdminRelationship.Read.All', 'DelegatedAdminRelationship.ReadWrite.All'),
    application: anyOf('DelegatedAdminRelationship.Read.All', 'DelegatedAdminRelationship.ReadWrite.All'),
    source: 'GET /tenantrelationships/delegatedadminrelationships/{id}/accessassignments',
  },
  // facts §7.4.
  findTenantInformation: { delegated: anyOf('CrossTenantInformation.ReadBasic.All'), application: anyOf('CrossTenantInformation.ReadBasic.All'), source: 'GET /tenantrelationships/findtenantinformationbydomainname(domainname={value})' },
} satisfies Record<string, PermissionRequirement>;
