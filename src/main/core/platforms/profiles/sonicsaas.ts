import { z } from 'zod';
import type { OutputField, PlatformProfile, Question } from '../platform-profile';
import { hostNameAnswer } from '../answer-schemas';

/** Roles a SonicSaaS group can map to; owner is never assigned by a group (seed 002, §2.3). */
export const sonicSaasGroupRoles = ['admin', 'operator', 'viewer', 'auditor'] as const;
export type SonicSaasGroupRole = (typeof sonicSaasGroupRoles)[number];

/** The guide's example groups (§2.3) after the prefix, with what each role may do, and our default priorities. */
const groupRoles: Record<SonicSaasGroupRole, { suffix: string; does: string; priority: number; question: `${SonicSaasGroupRole}Priority` }> = {
  admin: { suffix: 'Admins', does: 'full manage access except ownership', priority: 100, question: 'adminPriority' },
  operator: { suffix: 'Operators', does: 'day-to-day device operations', priority: 60, question: 'operatorPriority' },
  viewer: { suffix: 'Viewers', does: 'read-only access', priority: 30, question: 'viewerPriority' },
  auditor: { suffix: 'Auditors', does: 'read-only access and the audit log', priority: 20, question: 'auditorPriority' },
};

export const DEFAULT_GROUP_PREFIX = 'SonicSaaS-';

/** An empty text box means "the default", as the placeholder shows. */
const blankAs = (fallback: unknown) => (value: unknown) => (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? fallback : value);

const groupPrefixAnswer = z.preprocess(
  blankAs(DEFAULT_GROUP_PREFIX),
  z
    .string()
    .max(64, 'Keep the prefix to 64 characters or fewer.')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Start with a letter or digit; use only letters, digits, spaces, dots, hyphens and underscores.'),
);

const priorityMessage = 'Enter a whole number from 0 to 100.';

/** "Priority (0–100, highest wins)" (seed 002, §2.3), typed into a text box. */
const priorityAnswer = (fallback: number) =>
  z.preprocess(
    (value) => {
      const v = blankAs(fallback)(value);
      return typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
    },
    z.number({ error: priorityMessage }).int(priorityMessage).min(0, priorityMessage).max(100, priorityMessage),
  );

const answers = z
  .object({
    domain: hostNameAnswer,
    authMode: z.enum(['hybrid', 'entra-only', 'local-only']).default('hybrid'),
    defaultRole: z.enum(['member', 'operator', 'viewer', 'auditor']).default('member'),
    bulkInvite: z.boolean().default(false),
    groupOverage: z.boolean().default(false),
    teamGroups: z.boolean().default(true),
    groupPrefix: groupPrefixAnswer,
    adminPriority: priorityAnswer(groupRoles.admin.priority),
    operatorPriority: priorityAnswer(groupRoles.operator.priority),
    viewerPriority: priorityAnswer(groupRoles.viewer.priority),
    auditorPriority: priorityAnswer(groupRoles.auditor.priority),
  })
  .superRefine((a, ctx) => {
    // "highest wins" decides nothing between equal priorities: each group gets its own.
    const seen = new Map<number, SonicSaasGroupRole>();
    for (const role of sonicSaasGroupRoles) {
      const priority = a[groupRoles[role].question];
      const first = seen.get(priority);
      if (first) ctx.addIssue({ code: 'custom', path: [groupRoles[role].question], message: `The ${first} group already has priority ${priority}: give each group its own.` });
      else seen.set(priority, role);
    }
  });
type Answers = z.infer<typeof answers>;

const groupName = (a: Answers, role: SonicSaasGroupRole) => `${a.groupPrefix}${groupRoles[role].suffix}`;

const priorityQuestions: Question[] = sonicSaasGroupRoles.map((role) => ({
  id: groupRoles[role].question,
  kind: 'text',
  label: `Priority of the ${role} group (0–100)`,
  ...(role === 'admin' ? { help: 'When a user is in several mapped groups, the group with the highest priority decides their role.' } : {}),
  placeholder: String(groupRoles[role].priority),
  required: false,
}));

/** The part 2 values an admin enters in SonicSaaS: the tenant, and each group mapping (§2.2, §2.3). */
function teamOutputs(a: Answers): OutputField[] {
  return [
    { key: 'teamTenantId', label: 'Tenant ID (SonicSaaS › Integrations › Microsoft Entra ID)', source: { from: 'partnerTenantId' }, secret: false },
    ...(a.teamGroups
      ? sonicSaasGroupRoles.map(
          (role): OutputField => ({
            key: `groupMapping.${role}`,
            // Label carries role and priority, so the copied value is the bare object ID that SSO Group Mappings asks for.
            label: `SSO group mapping: ${groupName(a, role)} → ${role}, priority ${a[groupRoles[role].question]}`,
            source: { from: 'group', group: role },
            secret: false,
          }),
        )
      : []),
  ];
}

/**
 * SonicSaaS (seed 002). Part 1: the platform's multi-tenant app with group claims. Part 2, for the
 * MSP team in the same run: a security group per role and, in entra-only mode, the Conditional
 * Access policy that takes the place of SonicSaaS's own MFA; then what to register in SonicSaaS.
 */
export const sonicSaasProfile: PlatformProfile<Answers> = {
  id: 'sonicsaas',
  name: 'SonicSaaS',
  guide: { title: 'Microsoft Entra ID (SonicSaaS integration)', manualSteps: 31 },
  questions: [
    { id: 'domain', kind: 'text', label: 'SonicSaaS host name', placeholder: 'sonicsaas.example.com', required: true },
    {
      id: 'authMode',
      default: 'hybrid',
      kind: 'choice',
      label: 'Sign-in mode',
      options: [
        { value: 'hybrid', label: 'Hybrid', help: 'Microsoft sign-in and passwords (default).' },
        { value: 'entra-only', label: 'Microsoft only', help: 'Passwords off; a Conditional Access policy requires MFA for SonicSaaS.' },
        { value: 'local-only', label: 'Passwords only', help: 'No "Sign in with Microsoft" button.' },
      ],
    },
    {
      id: 'defaultRole',
      default: 'member',
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
      default: false,
      kind: 'yesNo',
      label: 'Let SonicSaaS list group members for bulk invites?',
      help: 'Adds User.Read.All and GroupMember.Read.All (application permissions).',
    },
    {
      id: 'groupOverage',
      default: false,
      kind: 'yesNo',
      label: 'Do some users belong to more than 150 groups?',
      help: 'Adds GroupMember.Read.All (delegated) so SonicSaaS can read groups that do not fit in the token.',
    },
    {
      id: 'teamGroups',
      default: true,
      kind: 'yesNo',
      label: 'Create security groups for the SonicSaaS roles admin, operator, viewer and auditor?',
      help: 'One group per role; a group that already has the name is reused. Owner is never given by a group: set it in SonicSaaS.',
    },
    {
      id: 'groupPrefix',
      kind: 'text',
      label: 'Group name prefix',
      help: 'The groups are named <prefix>Admins, <prefix>Operators, <prefix>Viewers and <prefix>Auditors.',
      placeholder: DEFAULT_GROUP_PREFIX,
      required: false,
    },
    ...priorityQuestions,
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
  directoryObjects: (a) => ({
    securityGroups: a.teamGroups
      ? sonicSaasGroupRoles.map((role) => ({
          key: role,
          displayName: groupName(a, role),
          purpose: `Members get the SonicSaaS role ${role}: ${groupRoles[role].does}.`,
        }))
      : [],
    mfaPolicies:
      a.authMode === 'entra-only'
        ? [
            {
              key: 'mfa:main',
              displayName: 'Require MFA for SonicSaaS',
              app: 'main',
              why: 'With Microsoft-only sign-in, SonicSaaS has no MFA of its own: it leaves MFA to Entra Conditional Access.',
            },
          ]
        : [],
  }),
  outputs: (a) => [
    { key: 'MICROSOFT_ENTRA_ID_CLIENT_ID', label: 'MICROSOFT_ENTRA_ID_CLIENT_ID', source: { from: 'app', app: 'main', field: 'clientId' }, secret: false, envVariable: true },
    { key: 'MICROSOFT_ENTRA_ID_CLIENT_SECRET', label: 'MICROSOFT_ENTRA_ID_CLIENT_SECRET', source: { from: 'app', app: 'main', field: 'clientSecret' }, secret: true, envVariable: true },
    { key: 'AUTH_MODE', label: 'AUTH_MODE', source: { from: 'answer', question: 'authMode' }, secret: false, envVariable: true },
    { key: 'ENTRA_DEFAULT_ROLE', label: 'ENTRA_DEFAULT_ROLE', source: { from: 'answer', question: 'defaultRole' }, secret: false, envVariable: true },
    ...teamOutputs(a),
  ],
  delivery: 'envFile',
  troubleshooting: [
    { symptom: '"Sign in with Microsoft" does not appear', cause: 'The client ID or secret is not set, or AUTH_MODE is local-only.', fix: 'Set the variables and restart SonicSaaS.' },
    { symptom: '"Your organization hasn’t been set up for SSO yet"', cause: 'The tenant is not registered with a SonicSaaS team.', fix: 'Register the tenant ID (part 2).' },
    { symptom: 'Users get an unexpected role', cause: 'Group claims are off, or group IDs in the mappings do not match.', fix: 'Run the wizard again: it checks groupMembershipClaims and the groups claim.' },
    { symptom: 'Groups missing from the token', cause: 'The user is in more than 150 groups (overage).', fix: 'Answer yes to the over-150-groups question; it adds GroupMember.Read.All (delegated).' },
  ],
};
