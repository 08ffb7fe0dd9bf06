import { roleTemplateIds } from '../../model/wellKnownIds';
import type { GraphContext } from '../GraphContext';
import { serializeAppRoleAssignment } from '../serialize/serializeAppRoleAssignment';
import { serializeDirectoryObject } from '../serialize/serializeDirectoryObject';
import { serializeDirectoryRole } from '../serialize/serializeDirectoryRole';
import { serializeGrant } from '../serialize/serializeGrant';

/** A served navigation property: the related entities of one entity (by its id), or one entity / null. */
export type Navigation = (ctx: GraphContext, id: string) => Array<Record<string, unknown>> | Record<string, unknown> | null;

function ownersOf(ctx: GraphContext, id: string): Array<Record<string, unknown>> {
  return [...(ctx.data.owners.get(id.toLowerCase()) ?? [])].map((o) => serializeDirectoryObject(ctx, o)).filter((o) => o !== undefined);
}

function groupsContaining(ctx: GraphContext, id: string): Array<Record<string, unknown>> {
  return [...ctx.directory.groups.values()].filter((g) => g.members.includes(id.toLowerCase())).map((g) => serializeDirectoryObject(ctx, g.id) as Record<string, unknown>);
}

/**
 * The navigation properties the sandbox serves, per entity type, with what each holds in its model. Names are
 * the v1.0 CSDL's; `$expand` resolves them without regard to case (as `$select` does).
 */
export const servedNavigation: Record<string, Record<string, Navigation>> = {
  application: { owners: ownersOf },
  servicePrincipal: {
    owners: ownersOf,
    memberOf: groupsContaining,
    appRoleAssignedTo: (ctx, id) => [...ctx.directory.appRoleAssignments.values()].filter((a) => a.resourceId === id).map(serializeAppRoleAssignment),
    appRoleAssignments: (ctx, id) => [...ctx.directory.appRoleAssignments.values()].filter((a) => a.principalId === id).map(serializeAppRoleAssignment),
    oauth2PermissionGrants: (ctx, id) => [...ctx.directory.oauth2PermissionGrants.values()].filter((g) => g.clientId === id).map(serializeGrant),
  },
  group: {
    members: (ctx, id) => (ctx.directory.groups.get(id)?.members ?? []).map((m) => serializeDirectoryObject(ctx, m)).filter((o) => o !== undefined),
    owners: ownersOf,
    memberOf: groupsContaining,
    appRoleAssignments: (ctx, id) => [...ctx.directory.appRoleAssignments.values()].filter((a) => a.principalId === id).map(serializeAppRoleAssignment),
  },
  user: {
    memberOf: (ctx, id) => {
      const user = ctx.directory.users.get(id);
      const roles = (user?.sandbox.directoryRoleTemplateIds ?? []).filter((r) => r !== roleTemplateIds.user).map((r) => serializeDirectoryRole(ctx.directory.id, r));
      return [...roles, ...groupsContaining(ctx, id)];
    },
    appRoleAssignments: (ctx, id) => [...ctx.directory.appRoleAssignments.values()].filter((a) => a.principalId === id).map(serializeAppRoleAssignment),
    oauth2PermissionGrants: (ctx, id) => [...ctx.directory.oauth2PermissionGrants.values()].filter((g) => g.principalId === id).map(serializeGrant),
    ownedObjects: (ctx, id) =>
      [...ctx.data.owners.entries()].filter(([, owners]) => owners.has(id)).map(([objectId]) => serializeDirectoryObject(ctx, objectId)).filter((o) => o !== undefined),
    // The sandbox's directory has no manager relationships, so every user's manager is absent (null here).
    manager: () => null,
    directReports: () => [],
  },
};

/**
 * Navigation properties the v1.0 CSDL defines on these types that the sandbox has no data for (Teams, mail,
 * devices, policies...). `$expand` on them is refused with 501 rather than answered with invented emptiness.
 */
export const unservedNavigation: Record<string, readonly string[]> = {
  application: ['appManagementPolicies', 'createdOnBehalfOf', 'extensionProperties', 'federatedIdentityCredentials', 'homeRealmDiscoveryPolicies', 'synchronization', 'tokenIssuancePolicies', 'tokenLifetimePolicies'],
  servicePrincipal: ['appManagementPolicies', 'claimsMappingPolicies', 'createdObjects', 'delegatedPermissionClassifications', 'endpoints', 'federatedIdentityCredentials', 'homeRealmDiscoveryPolicies', 'ownedObjects', 'remoteDesktopSecurityConfiguration', 'synchronization', 'tokenIssuancePolicies', 'tokenLifetimePolicies', 'transitiveMemberOf'],
  group: ['acceptedSenders', 'calendar', 'calendarView', 'conversations', 'createdOnBehalfOf', 'drive', 'drives', 'events', 'extensions', 'groupLifecyclePolicies', 'membersWithLicenseErrors', 'onenote', 'onPremisesSyncBehavior', 'permissionGrants', 'photo', 'photos', 'planner', 'rejectedSenders', 'settings', 'sites', 'team', 'threads', 'transitiveMemberOf', 'transitiveMembers'],
  user: ['activities', 'agreementAcceptances', 'authentication', 'calendar', 'calendarGroups', 'calendars', 'calendarView', 'chats', 'contactFolders', 'contacts', 'createdObjects', 'drive', 'drives', 'events', 'extensions', 'followedSites', 'insights', 'joinedTeams', 'licenseDetails', 'mailFolders', 'managedDevices', 'messages', 'onenote', 'onlineMeetings', 'outlook', 'ownedDevices', 'people', 'photo', 'photos', 'planner', 'presence', 'registeredDevices', 'scopedRoleMemberOf', 'settings', 'sponsors', 'teamwork', 'todo', 'transitiveMemberOf'],
};
