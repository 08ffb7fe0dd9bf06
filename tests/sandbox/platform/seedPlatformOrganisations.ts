import type { ScenarioPlan } from '../scenario/ScenarioPlan';
import type { PlatformOrganisation } from './PlatformOrganisation';
import type { RequirementField } from './platformApiTypes';

/** What a "Sign in with Microsoft" app needs: the OpenID Connect scopes and the user's profile. */
const signInScopes = ['openid', 'profile', 'email', 'User.Read'];

const field = (key: string, label: string, source: RequirementField['source'], options: { secret?: boolean; required?: boolean } = {}): RequirementField => ({
  key,
  label,
  secret: options.secret ?? false,
  required: options.required ?? true,
  source,
});

/**
 * The organisations the reference backend knows, all belonging to the scenario's partner ("Contoso MSP"): its
 * subdomain on each platform is the first label of the partner's initial domain (`contosomsp`), which is what
 * makes the redirect URIs organisation-specific. Each mirrors its seed guide (../shared/seeds) and the console's
 * profile for it (src/main/core/platforms/profiles), except Acme Dispatch, which has no profile on purpose.
 */
export function seedPlatformOrganisations(plan: ScenarioPlan): PlatformOrganisation[] {
  const slug = (plan.partner.initialDomain.split('.')[0] ?? 'msp').toLowerCase();
  return [
    {
      key: 'panelone',
      id: 'org-panelone',
      name: 'PanelOne (ClientOne)',
      // Seed 000: multi-tenant, Web redirect URI from PanelOne, sign-in scopes; the Partner Center app is optional.
      requirements: {
        platform: { name: 'PanelOne (ClientOne)', website: 'https://app.clientone.dev' },
        app: {
          displayName: 'ClientOne SSO',
          signInAudience: 'AzureADMultipleOrgs',
          redirectUris: { web: [`https://panel.${slug}.example/auth-clientone-sso-callback`], spa: [] },
          permissions: { delegated: signInScopes, application: [] },
          groupMembershipClaims: null,
          idTokenOptionalClaims: [],
          assignmentRequired: false,
          secretMaxLifetimeMonths: 24,
        },
        fields: [
          field('azureClientId', 'Azure client ID', 'clientId'),
          field('azureClientSecret', 'Azure client secret', 'clientSecret', { secret: true }),
          field('partnerTenantId', 'Partner tenant ID', 'tenantId'),
          field('partnerCenterClientId', 'Partner Center client ID', 'partnerCenterClientId', { required: false }),
          field('partnerCenterClientSecret', 'Partner Center client secret', 'partnerCenterClientSecret', { secret: true, required: false }),
          field('origin', 'ClientOne origin', 'origin', { required: false }),
          field('enabled', 'Enable ClientOne SSO', 'enabled'),
        ],
      },
    },
    {
      key: 'sonicsaas',
      id: 'org-sonicsaas',
      name: 'SonicSaaS team',
      // Seed 002: the MSP runs its own SonicSaaS host; the team registers its tenant (part 2.2) through /v1/tenants.
      requirements: {
        platform: { name: 'SonicSaaS', website: `https://sonicsaas.${slug}.example` },
        app: {
          displayName: 'SonicSaaS',
          signInAudience: 'AzureADMultipleOrgs',
          redirectUris: { web: [`https://sonicsaas.${slug}.example/api/auth/callback/microsoft-entra-id`], spa: [] },
          permissions: { delegated: [], application: ['Group.Read.All'] },
          groupMembershipClaims: 'SecurityGroup',
          idTokenOptionalClaims: ['groups'],
          assignmentRequired: false,
          secretMaxLifetimeMonths: 24,
        },
        fields: [
          field('MICROSOFT_ENTRA_ID_CLIENT_ID', 'MICROSOFT_ENTRA_ID_CLIENT_ID', 'clientId'),
          field('MICROSOFT_ENTRA_ID_CLIENT_SECRET', 'MICROSOFT_ENTRA_ID_CLIENT_SECRET', 'clientSecret', { secret: true }),
          field('AUTH_MODE', 'AUTH_MODE', 'authMode', { required: false }),
          field('tenantId', 'Tenant ID', 'tenantId'),
          field('enabled', 'Enabled', 'enabled'),
        ],
      },
    },
    {
      key: 'clment',
      id: 'org-clment',
      name: 'Clment',
      // Seed 003: single tenant by default, the US region's callback, sign-in scopes.
      requirements: {
        platform: { name: 'Clment', website: 'https://www.clment.com' },
        app: {
          displayName: 'Clment',
          signInAudience: 'AzureADMyOrg',
          redirectUris: { web: ['https://identity.us.clment.com/auth/sso/microsoft/callback'], spa: [] },
          permissions: { delegated: signInScopes, application: [] },
          groupMembershipClaims: null,
          idTokenOptionalClaims: [],
          assignmentRequired: false,
          secretMaxLifetimeMonths: 24,
        },
        fields: [
          field('tenantId', 'Tenant ID', 'tenantId'),
          field('clientId', 'Client ID', 'clientId'),
          field('clientSecret', 'Client Secret', 'clientSecret', { secret: true }),
        ],
      },
    },
    {
      key: 'acme',
      id: 'org-acme',
      name: 'Acme Dispatch',
      // No console profile: a console learns all of this from discovery alone.
      requirements: {
        platform: { name: 'Acme Dispatch', website: 'https://acme-dispatch.example' },
        app: {
          displayName: 'Acme Dispatch',
          signInAudience: 'AzureADMultipleOrgs',
          redirectUris: {
            web: [`https://${slug}.acme-dispatch.example/auth/microsoft/callback`],
            spa: [`https://app.acme-dispatch.example/${slug}`],
          },
          permissions: { delegated: signInScopes, application: ['User.Read.All'] },
          groupMembershipClaims: 'SecurityGroup',
          idTokenOptionalClaims: ['groups'],
          assignmentRequired: false,
          secretMaxLifetimeMonths: 12,
        },
        fields: [
          field('clientId', 'Application (client) ID', 'clientId'),
          field('clientSecret', 'Client secret', 'clientSecret', { secret: true }),
          field('tenantId', 'Directory (tenant) ID', 'tenantId'),
          field('enabled', 'Microsoft sign-in enabled', 'enabled'),
        ],
      },
    },
  ];
}
