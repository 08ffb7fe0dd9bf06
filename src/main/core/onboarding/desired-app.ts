import type { AppRegistrationSpec } from '../platforms/platform-profile';

export type AppRole = AppRegistrationSpec['role'];

/** The key that makes our app registrations findable (and the create step repeatable) in any tenant. */
export function uniqueNameFor(workspaceId: string, role: AppRole): string {
  return `entra-onboard-${workspaceId}-${role}`;
}

export function secretVaultRef(workspaceId: string, role: AppRole, keyId: string): string {
  return `workspace:${workspaceId}:app:${role}:secret:${keyId}`;
}

/** Secrets we create are named so an interrupted attempt's leftover can be recognised and removed. */
export const SECRET_DISPLAY_NAME_PREFIX = 'Entra Onboard ';
