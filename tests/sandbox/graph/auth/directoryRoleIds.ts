import { roleTemplateIds } from '../../model/wellKnownIds';

/**
 * Directory role template ids the Graph checks need beyond those in model/wellKnownIds (entra-docs
 * permissions-reference.md, "All roles" table).
 */
export const moreRoleTemplateIds = {
  applicationDeveloper: 'cf1c38e5-3621-4004-a7cb-879624dced7c',
  conditionalAccessAdministrator: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  groupsAdministrator: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  directoryWriters: '9360feb5-f418-4baa-8175-e2a00bac4301',
} as const;

/** Roles that manage every app registration and enterprise app (not just owned ones). */
export const applicationManagerRoles: readonly string[] = [
  roleTemplateIds.globalAdministrator,
  roleTemplateIds.applicationAdministrator,
  roleTemplateIds.cloudApplicationAdministrator,
];

/** "Application Developer: can create application registrations independent of the 'Users can register applications' setting." */
export const applicationCreatorRoles: readonly string[] = [...applicationManagerRoles, moreRoleTemplateIds.applicationDeveloper];

/** Conditional Access writes: Conditional Access Administrator, Security Administrator, Global Administrator. */
export const conditionalAccessWriterRoles: readonly string[] = [
  roleTemplateIds.globalAdministrator,
  moreRoleTemplateIds.conditionalAccessAdministrator,
  moreRoleTemplateIds.securityAdministrator,
];

/** Conditional Access reads additionally allow the reader roles. */
export const conditionalAccessReaderRoles: readonly string[] = [
  ...conditionalAccessWriterRoles,
  moreRoleTemplateIds.securityReader,
  moreRoleTemplateIds.globalReader,
];

export const groupManagerRoles: readonly string[] = [
  roleTemplateIds.globalAdministrator,
  moreRoleTemplateIds.groupsAdministrator,
  moreRoleTemplateIds.userAdministrator,
];

/** Display name and description of the roles /me/memberOf can list. */
export const roleDescriptions: Readonly<Record<string, { displayName: string; description: string }>> = {
  [roleTemplateIds.globalAdministrator]: { displayName: 'Global Administrator', description: 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.' },
  [roleTemplateIds.applicationAdministrator]: { displayName: 'Application Administrator', description: 'Can create and manage all aspects of app registrations and enterprise apps.' },
  [roleTemplateIds.cloudApplicationAdministrator]: { displayName: 'Cloud Application Administrator', description: 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.' },
  [roleTemplateIds.privilegedRoleAdministrator]: { displayName: 'Privileged Role Administrator', description: 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.' },
  [moreRoleTemplateIds.applicationDeveloper]: { displayName: 'Application Developer', description: "Can create application registrations independent of the 'Users can register applications' setting." },
  [moreRoleTemplateIds.conditionalAccessAdministrator]: { displayName: 'Conditional Access Administrator', description: 'Can manage Conditional Access capabilities.' },
  [moreRoleTemplateIds.securityAdministrator]: { displayName: 'Security Administrator', description: 'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.' },
  [moreRoleTemplateIds.securityReader]: { displayName: 'Security Reader', description: 'Can read security information and reports in Microsoft Entra ID and Office 365.' },
  [moreRoleTemplateIds.globalReader]: { displayName: 'Global Reader', description: 'Can read everything that a Global Administrator can, but not update anything.' },
  [moreRoleTemplateIds.groupsAdministrator]: { displayName: 'Groups Administrator', description: 'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.' },
  [moreRoleTemplateIds.userAdministrator]: { displayName: 'User Administrator', description: 'Can manage all aspects of users and groups, including resetting passwords for limited admins.' },
  [moreRoleTemplateIds.directoryReaders]: { displayName: 'Directory Readers', description: 'Can read basic directory information. Commonly used to grant directory read access to applications and guests.' },
  [moreRoleTemplateIds.directoryWriters]: { displayName: 'Directory Writers', description: 'Can read and write basic directory information. For granting access to applications, not intended for users.' },
};
