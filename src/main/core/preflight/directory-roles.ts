/** Directory role template IDs (the same in every tenant) and the names admins know them by. */
export const DirectoryRole = {
  GlobalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  PrivilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  ApplicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  CloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  ConditionalAccessAdministrator: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  SecurityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  GroupsAdministrator: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  UserAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
} as const;

export const roleNames: Record<string, string> = {
  [DirectoryRole.GlobalAdministrator]: 'Global Administrator',
  [DirectoryRole.PrivilegedRoleAdministrator]: 'Privileged Role Administrator',
  [DirectoryRole.ApplicationAdministrator]: 'Application Administrator',
  [DirectoryRole.CloudApplicationAdministrator]: 'Cloud Application Administrator',
  [DirectoryRole.ConditionalAccessAdministrator]: 'Conditional Access Administrator',
  [DirectoryRole.SecurityAdministrator]: 'Security Administrator',
  [DirectoryRole.GroupsAdministrator]: 'Groups Administrator',
  [DirectoryRole.UserAdministrator]: 'User Administrator',
};
