import { z } from 'zod';
import type { PlatformProfile } from '../platform-profile';
import { principalsAnswer } from '../principals-answer';
import { SIGN_IN_SCOPES } from '../well-known-apps';

/** Clment's callback per data region (seed 003, step 1). */
export const clmentRedirectUris = {
  us: 'https://identity.us.clment.com/auth/sso/microsoft/callback',
  eu: 'https://identity.eu.clment.com/auth/sso/microsoft/callback',
  au: 'https://identity.au.clment.com/auth/sso/microsoft/callback',
} as const;

const answers = z
  .object({
    region: z.enum(['us', 'eu', 'au'], { error: 'Choose the region your Clment organisation lives in.' }),
    multiTenant: z.boolean().default(false),
    assignmentRequired: z.boolean().default(false),
    // Asked always, used only with assignment required (seed 003, "Restricting which Entra users can sign in").
    principals: principalsAnswer(),
  })
  .superRefine((a, ctx) => {
    if (a.assignmentRequired && a.principals.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['principals'], message: 'List at least one user or security group who may sign in to Clment.' });
    }
  });
type Answers = z.infer<typeof answers>;

/** Clment (seed 003): single-tenant by default, Web redirect by region, optional assignment. */
export const clmentProfile: PlatformProfile<Answers> = {
  id: 'clment',
  name: 'Clment',
  guide: { title: 'Setting up Microsoft Entra SSO', manualSteps: 14 },
  questions: [
    {
      id: 'region',
      kind: 'choice',
      label: 'Clment data region',
      help: 'Where your Clment organisation lives (see "Picking your data region" in Clment).',
      options: [
        { value: 'us', label: 'United States' },
        { value: 'eu', label: 'European Union' },
        { value: 'au', label: 'Australia' },
      ],
    },
    {
      id: 'multiTenant',
      default: false,
      kind: 'yesNo',
      label: 'Allow accounts from other tenants?',
      help: 'Only if your team signs in with guest accounts from other tenants. Otherwise only your own tenant’s accounts can sign in.',
    },
    {
      id: 'assignmentRequired',
      default: false,
      kind: 'yesNo',
      label: 'Only let assigned users and groups sign in?',
      help: 'Turns on "Assignment required"; you then choose who may sign in.',
    },
    {
      id: 'principals',
      kind: 'principals',
      label: 'Who may sign in',
      help: 'Only when assignment is required. One per line: a user by their user principal name (such as adele@contoso.com), or a security group by its name. You are always added, so you cannot lock yourself out.',
      required: false,
    },
  ],
  answers,
  apps: (a) => [
    {
      role: 'main',
      displayName: 'Clment',
      signInAudience: a.multiTenant ? 'AzureADMultipleOrgs' : 'AzureADMyOrg',
      redirectUris: { web: [clmentRedirectUris[a.region]], spa: [], publicClient: [] },
      graph: { delegated: SIGN_IN_SCOPES, application: [] },
      otherDelegated: [],
      groupMembershipClaims: null,
      idTokenOptionalClaims: [],
      secret: { lifetimeMonths: 24 },
      adminConsent: true,
      assignmentRequired: a.assignmentRequired,
      assignees: a.assignmentRequired ? a.principals : [],
    },
  ],
  outputs: () => [
    { key: 'tenantId', label: 'Tenant ID', source: { from: 'partnerTenantId' }, secret: false },
    { key: 'clientId', label: 'Client ID', source: { from: 'app', app: 'main', field: 'clientId' }, secret: false },
    { key: 'clientSecret', label: 'Client Secret', source: { from: 'app', app: 'main', field: 'clientSecret' }, secret: true },
  ],
  delivery: 'copySheet',
  troubleshooting: [
    { symptom: 'Redirect URI mismatch at sign-in', cause: 'The region’s callback is not on the app.', fix: 'Check the region; run the wizard again to repair the redirect URI.' },
    { symptom: 'A scope is missing', cause: 'openid, profile, email or User.Read was removed.', fix: 'Run the wizard again; it restores the permissions and consent.' },
    {
      symptom: 'A user cannot sign in',
      cause: 'Assignment is required and the user is not assigned (AADSTS50105).',
      fix: 'Add the user, or a security group they are in, under "Who may sign in" and run the wizard again.',
    },
  ],
};
