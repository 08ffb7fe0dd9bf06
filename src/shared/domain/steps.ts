import { z } from 'zod';

/** The steps that ask Microsoft for permissions of their own (scopes in main/core/auth/step-scopes.ts). */
export const stepIds = [
  'signIn',
  'findExistingApps',
  'listGdapCustomers',
  'registerApp',
  'grantAdminConsent',
  'assignUsers',
  'securityGroups',
  'conditionalAccess',
  'partnerCenter',
] as const;
export const stepIdSchema = z.enum(stepIds);
export type StepId = z.infer<typeof stepIdSchema>;
