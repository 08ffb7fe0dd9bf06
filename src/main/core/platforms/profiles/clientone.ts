import { z } from 'zod';
import type { PlatformProfile } from '../platform-profile';
import { httpsOriginAnswer, redirectUriAnswer } from '../answer-schemas';
import { PARTNER_CENTER_APP_ID, SIGN_IN_SCOPES } from '../well-known-apps';

const answers = z.object({
  redirectUri: redirectUriAnswer('web', (uri) =>
    uri.endsWith('auth-clientone-sso-callback') ? undefined : 'PanelOne’s redirect URI ends with auth-clientone-sso-callback; copy it from ClientOne Admin › ClientOne SSO.',
  ),
  partnerCenterApp: z.boolean().default(false),
  origin: z.union([z.literal('').transform(() => undefined), httpsOriginAnswer]).optional(),
});
type Answers = z.infer<typeof answers>;

/** ClientOne / PanelOne (seed 000): multi-tenant sign-in, optional Partner Center app for consent. */
export const clientOneProfile: PlatformProfile<Answers> = {
  id: 'clientone',
  name: 'ClientOne / PanelOne',
  guide: { title: 'ClientOne Microsoft 365 SSO (MSP)', manualSteps: 18 },
  questions: [
    {
      id: 'redirectUri',
      kind: 'text',
      label: 'Redirect URI from PanelOne',
      help: 'In PanelOne: ClientOne Admin › ClientOne SSO › Copy Redirect URI. It ends with auth-clientone-sso-callback.',
      placeholder: 'https://…/auth-clientone-sso-callback',
      required: true,
    },
    {
      id: 'partnerCenterApp',
      default: false,
      kind: 'yesNo',
      label: 'Also create the Partner Center app?',
      help: 'Lets PanelOne grant ClientOne consent in each client tenant for you ("Grant ClientOne consent"). Without it you open an admin consent link in every client tenant.',
    },
    {
      id: 'origin',
      kind: 'text',
      label: 'ClientOne origin (optional)',
      help: 'Only for a white-label host name, such as https://portal.yourmsp.com.',
      required: false,
    },
  ],
  answers,
  apps: (a) => [
    {
      role: 'main',
      displayName: 'ClientOne SSO',
      signInAudience: 'AzureADMultipleOrgs',
      redirectUris: { web: [a.redirectUri], spa: [], publicClient: [] },
      graph: { delegated: SIGN_IN_SCOPES, application: [] },
      otherDelegated: [],
      groupMembershipClaims: null,
      idTokenOptionalClaims: [],
      secret: { lifetimeMonths: 24 },
      adminConsent: true,
      assignmentRequired: false,
    },
    ...(a.partnerCenterApp
      ? [
          {
            role: 'partnerCenter' as const,
            displayName: 'PanelOne Partner Center',
            signInAudience: 'AzureADMyOrg' as const,
            redirectUris: { web: [], spa: [], publicClient: [] },
            graph: { delegated: [], application: [] },
            otherDelegated: [{ resourceAppId: PARTNER_CENTER_APP_ID, scopes: ['user_impersonation'] }],
            groupMembershipClaims: null,
            idTokenOptionalClaims: [],
            secret: { lifetimeMonths: 24 },
            adminConsent: true,
            assignmentRequired: false,
          },
        ]
      : []),
  ],
  outputs: (a) => [
    { key: 'azureClientId', label: 'Azure client ID', source: { from: 'app', app: 'main', field: 'clientId' }, secret: false },
    { key: 'azureClientSecret', label: 'Azure client secret', source: { from: 'app', app: 'main', field: 'clientSecret' }, secret: true },
    ...(a.partnerCenterApp
      ? [
          { key: 'partnerTenantId', label: 'Partner tenant ID', source: { from: 'partnerTenantId' as const }, secret: false },
          { key: 'partnerCenterClientId', label: 'Partner Center client ID', source: { from: 'app' as const, app: 'partnerCenter' as const, field: 'clientId' as const }, secret: false },
          { key: 'partnerCenterClientSecret', label: 'Partner Center client secret', source: { from: 'app' as const, app: 'partnerCenter' as const, field: 'clientSecret' as const }, secret: true },
        ]
      : []),
    ...(a.origin ? [{ key: 'origin', label: 'ClientOne origin', source: { from: 'answer' as const, question: 'origin' }, secret: false }] : []),
    { key: 'enabled', label: 'Enable ClientOne SSO', source: { from: 'constant', value: 'true' }, secret: false },
  ],
  delivery: 'copySheet',
  troubleshooting: [
    { symptom: 'Microsoft sign-in not fully configured', cause: 'SSO is enabled but no Azure secret is stored.', fix: 'Re-save ClientOne SSO with a valid secret.' },
    { symptom: 'Redirect returns sso_error', cause: 'Bad or expired secret, or redirect URI mismatch.', fix: 'Rotate the secret; match the redirect URI exactly.' },
    { symptom: 'Token tenant mismatch', cause: 'Wrong Microsoft tenant ID on the client.', fix: 'Re-run the tenant sync or correct the tenant ID.' },
    { symptom: 'Partner Center consent 401', cause: 'Invalid Partner Center app credentials or role.', fix: 'Fix the credentials or the Partner Center role.' },
  ],
};
