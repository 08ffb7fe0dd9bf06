import { DirectoryError } from './DirectoryError';
import type { SandboxState } from './SandboxState';
import type { User } from './directoryTypes';

export interface UserInput {
  userPrincipalName: string;
  displayName: string;
  password: string;
  givenName?: string | null;
  surname?: string | null;
  directoryRoleTemplateIds?: string[];
  mfaCode?: string;
  requireMfa?: boolean;
  accountEnabled?: boolean;
  id?: string;
}

export function createUser(state: SandboxState, tenantId: string, input: UserInput): User {
  const directory = state.directory(tenantId);
  if (directory.findUserByUpn(input.userPrincipalName)) {
    throw new DirectoryError(`A user with userPrincipalName ${input.userPrincipalName} already exists in ${tenantId}`);
  }
  const user: User = {
    id: input.id ?? directory.random.uuid(),
    userPrincipalName: input.userPrincipalName,
    displayName: input.displayName,
    givenName: input.givenName ?? null,
    surname: input.surname ?? null,
    mail: input.userPrincipalName,
    accountEnabled: input.accountEnabled ?? true,
    userType: 'Member',
    createdDateTime: state.clock.nowIso(),
    sandbox: {
      password: input.password,
      directoryRoleTemplateIds: input.directoryRoleTemplateIds ?? [],
      mfaCode: input.mfaCode ?? String(directory.random.int(100000, 999999)),
      requireMfa: input.requireMfa ?? false,
    },
  };
  directory.users.set(user.id, user);
  return user;
}
