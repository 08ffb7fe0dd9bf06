import { z } from 'zod';
import type { PlatformProfile } from '../platform-profile';
import { hostNameAnswer } from '../answer-schemas';

/** Roles a SonicSaaS group can map to; owner is never assigned by a group (seed 002, §2.3). */
export const sonicSaasGroupRoles = ['admin', 'operator', 'viewer', 'auditor'] as const;

const answers = z.object({
  domain: hostNameAnswer,
  authMode: z.enum(['hybrid', 'entra-only', 'local-only']).default('hybrid'),
  defaultRole: z.enum(['member', 'operator', 'viewer', 'auditor']).default('member'),
  bulkInvite: z.boolean().default(false),
  groupOverage: z.boolean().default(false),
});
type Answers = z.infer<typeof answers>;

/** SonicSaaS part 1 (seed 002): the platform's multi-tenant app with group claims. */
export const sonicSaasProfile: PlatformProfile<Answers> = {
  id: 'sonicsaas',
  name: 'SonicSaaS',
  guide: { title: 'Microsoft Entra ID (SonicSaaS integration)', manualSteps: 31 },
  questions: [
    { id: 'domain', kind: 'text', label: 'SonicSaaS host name', placeholder: 'sonicsaas.example.com', required: true },
    {
      id: 'authMode',
      kind: 'choice',
      label: 'Sign-in mode',
      options: [
        { value: 'hybrid', label: 'Hybrid', help: 'Microsoft sign-in and passwords (default).' },
        { value: 'entra-only', label: 'Microsoft only', help: 'Passwords off; MFA is enforced by Conditional Access.' },
        { value: 'local-only', label: 'Passwords only', help: 'No "Sign in with Microsoft" button.' },
      ],
    },
    {
      id: 'defaultRole',
      kind: 'choice',
      label: 'Role for users in no mapped group',
      options: [
        { value: 'member', label: 'member (same as operator)' },
        { value: 'operator', label: 'operator' },
        { value: 'viewer', label: 'viewer' },
        { value: 'auditor', label: 'auditor' },
      ],
    },
    {
      id: 'bulkInvite',
      kind: 'yesNo',
      label: 'Let SonicSaaS list group members for bulk invites?',
      help: 'Adds User.Read.All and GroupMember.Read.All (application permissions).',
    },
    {
      id: 'groupOverage',
      kind: 'yesNo',
      label: 'Do some users belong to more than 150 groups?',
      help: 'Adds GroupMember.Read.All (delegated) so SonicSaaS can read groups that do not fit in the token.',
    },
  ],
  answers,
  apps: (a) => [
    {
      role: 'main',
      displayName: 'SonicSaaS',
      signInAudience: 'AzureADMultipleOrgs',
      redirectUris: { web: [`https://${a.domain}/api/auth/callback/microsoft-entra-id`], spa: [], publicClient: [] },
      graph: {
        delegated: a.groupOverage ? ['GroupMember.Read.All'] : [],
        application: ['Group.Read.All', ...(a.bulkInvite ? ['User.Read.All', 'GroupMember.Read.All'] : [])],
      },
      otherDelegated: [],
      groupMembershipClaims: 'SecurityGroup',
      idTokenOptionalClaims: ['groups'],
      secret: { lifetimeMonths: 24 },
      adminConsent: true,
      assignmentRequired: false,
    },
  ],
  outputs: () => [
    { key: 'MICROSOFT_ENTRA_ID_CLIENT_ID', label: 'MICROSOFT_ENTRA_ID_CLIENT_ID', source: { from: 'app', app: 'main', field: 'clientId' }, secret: false },
    { key: 'MICROSOFT_ENTRA_ID_CLIENT_SECRET', label: 'MICROSOFT_ENTRA_ID_CLIENT_SECRET', source: { from: 'app', app: 'main', field: 'clientSecret' }, secret: true },
    { key: 'AUTH_MODE', label: 'AUTH_MODE', source: { from: 'answer', question: 'authMode' }, secret: false },
    { key: 'ENTRA_DEFAULT_ROLE', label: 'ENTRA_DEFAULT_ROLE', source: { from: 'answer', question: 'defaultRole' }, secret: false },
  ],
  delivery: 'envFile',
  troubleshooting: [
    { symptom: '"Sign in with Microsoft" does not appear', cause: 'The client ID or secret is not set, or AUTH_MODE is local-only.', fix: 'Set the variables and restart SonicSaaS.' },
    { symptom: '"Your organization hasn’t been set up for SSO yet"', cause: 'The tenant is not registered with a SonicSaaS team.', fix: 'Register the tenant ID (part 2).' },
    { symptom: 'Users get an unexpected role', cause: 'Group claims are off, or group IDs in the mappings do not match.', fix: 'Run the wizard again: it checks groupMembershipClaims and the groups claim.' },
    { symptom: 'Groups missing from the token', cause: 'The user is in more than 150 groups (overage).', fix: 'Answer yes to the over-150-groups question; it adds GroupMember.Read.All (delegated).' },
  ],
};
