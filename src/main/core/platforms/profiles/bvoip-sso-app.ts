import type { AppRegistrationSpec, OutputField } from '../platform-profile';

/** The one redirect URI every bvoip partner app has (seed 001, step 7). */
export const BVOIP_MTP_REDIRECT_URI = 'https://mtp.bvoip.net/users';

/**
 * bvoip's partner-level SSO app (seed 001, steps 3–28): multi-tenant, SPA redirect URIs from the
 * MTP portal, User.Read.All as an application permission with admin consent, a 24-month secret.
 * The phone systems guide (seed 004) sends the admin to the same setup, so both profiles build it here.
 */
export function bvoipSsoApp(displayName: string, pastedRedirectUris: readonly string[]): AppRegistrationSpec {
  return {
    role: 'main',
    displayName,
    signInAudience: 'AzureADMultipleOrgs',
    redirectUris: {
      web: [],
      spa: [BVOIP_MTP_REDIRECT_URI, ...pastedRedirectUris.filter((u) => u !== BVOIP_MTP_REDIRECT_URI)],
      publicClient: [],
    },
    graph: { delegated: [], application: ['User.Read.All'] },
    otherDelegated: [],
    groupMembershipClaims: null,
    idTokenOptionalClaims: [],
    secret: { lifetimeMonths: 24 },
    adminConsent: true,
    assignmentRequired: false,
  };
}

/** What the MTP portal's "Configure MTP portal account" asks for (seed 001, steps 9, 11 and 29). */
export function bvoipSsoOutputs(): OutputField[] {
  return [
    { key: 'clientId', label: 'Application (client) ID', source: { from: 'app', app: 'main', field: 'clientId' }, secret: false },
    { key: 'tenantId', label: 'Directory (tenant) ID', source: { from: 'partnerTenantId' }, secret: false },
    { key: 'clientSecret', label: 'Client secret', source: { from: 'app', app: 'main', field: 'clientSecret' }, secret: true },
  ];
}
