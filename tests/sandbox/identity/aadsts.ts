import type { AadstsError } from './aadError';

/**
 * The AADSTS errors the sandbox produces, with Entra's wording (facts §10.2, §7.5; reference-error-codes.md).
 * Kept in one table so the token endpoint, the sign-in pages and the redirects say the same thing.
 */
export const aadsts = {
  invalidTenant: (tenant: string, atTokenEndpoint = false): AadstsError => ({
    // facts §7.5: invalid_tenant from discovery, invalid_request at the token endpoint.
    error: atTokenEndpoint ? 'invalid_request' : 'invalid_tenant',
    code: 90002,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  applicationNotFound: (appId: string, directory: string): AadstsError => ({
    error: 'unauthorized_client',
    code: 700016,
    message: `Application with identifier '${appId}' was not found in the directory '${directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  redirectUriMismatch: (redirectUri: string, appId: string): AadstsError => ({
    error: 'invalid_request',
    code: 50011,
    message: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
  }),
  userNotInTenant: (upn: string, idp: string, tenantName: string, appId: string, appName: string, atTokenEndpoint = false): AadstsError => ({
    error: atTokenEndpoint ? 'invalid_grant' : 'access_denied',
    code: 50020,
    message: `User account '${upn}' from identity provider '${idp}' does not exist in tenant '${tenantName}' and cannot access the application '${appId}'(${appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
  }),
  userNotAssigned: (appId: string, appName: string, atTokenEndpoint = false): AadstsError => ({
    error: atTokenEndpoint ? 'invalid_grant' : 'access_denied',
    code: 50105,
    message: `Your administrator has configured the application ${appName} ('${appId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '{EUII Hidden}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`,
  }),
  mfaRequired: (resourceAppId: string): AadstsError => ({
    // facts §10.2: interaction_required.
    error: 'interaction_required',
    code: 50076,
    message: `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resourceAppId}'.`,
    suberror: 'basic_action',
  }),
  blockedByConditionalAccess: (atTokenEndpoint: boolean): AadstsError => ({
    // reference-error-codes.md: BlockedByConditionalAccess. Wire form at the token endpoint when a user's token is
    // redeemed: invalid_grant (OfficeDev/BotBuilder-MicrosoftTeams#284 shows the full body); interactive: access_denied.
    error: atTokenEndpoint ? 'invalid_grant' : 'access_denied',
    code: 53003,
    message: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  }),
  clientRequestLoop: (): AadstsError => ({
    // MSAL.NET "client and server throttling": user-facing calls get invalid_grant with this text; the wording
    // "client request loop" is the one users quote (pnp/powershell#2995, AzureAD/MSAL.PS#10).
    error: 'invalid_grant',
    code: 50196,
    message: 'The server terminated an operation because it encountered a client request loop. Please contact your app vendor.',
  }),
  clientRequestLoopThrottled: (): AadstsError => ({
    // MSAL.NET: for client_credentials Entra replies 429 Too Many Requests with Retry-After: 60. [UNVERIFIED] body.
    status: 429,
    error: 'temporarily_unavailable',
    code: 50196,
    message: 'The server terminated an operation because it encountered a client request loop. Please contact your app vendor.',
  }),
  consentRequired: (appId: string, appName: string, atTokenEndpoint: boolean): AadstsError => ({
    // facts §10.2: invalid_grant + suberror consent_required at the token endpoint; consent_required on redirects.
    error: atTokenEndpoint ? 'invalid_grant' : 'consent_required',
    code: 65001,
    message: `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
    suberror: 'consent_required',
  }),
  userDeclinedConsent: (): AadstsError => ({
    error: 'access_denied',
    code: 65004,
    message: 'User declined to consent to access the app.',
  }),
  adminDeclinedConsent: (): AadstsError => ({
    error: 'consent_required',
    code: 65004,
    message: 'The resource owner or authorization server denied the request.',
  }),
  adminConsentRequired: (appName: string): AadstsError => ({
    error: 'access_denied',
    code: 90094,
    message: `Admin consent is required for the permissions requested by ${appName}. An administrator must grant consent before this application can be used.`,
  }),
  invalidClientSecret: (appId: string): AadstsError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
  }),
  expiredClientSecret: (appId: string): AadstsError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000222,
    message: `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  }),
  missingClientCredential: (): AadstsError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  grantNotSupportedOnCommon: (): AadstsError => ({
    error: 'invalid_request',
    code: 9001023,
    message: 'The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.',
  }),
  codeAlreadyRedeemed: (): AadstsError => ({
    error: 'invalid_grant',
    code: 54005,
    message: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  codeExpired: (): AadstsError => ({
    error: 'invalid_grant',
    code: 70008,
    message: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  invalidGrant: (what: string): AadstsError => ({
    error: 'invalid_grant',
    code: 9002313,
    message: `Invalid request. Request is malformed or invalid. The provided ${what} is not valid.`,
  }),
  refreshTokenInactive: (issued: string, inactiveDays: number): AadstsError => ({
    error: 'invalid_grant',
    code: 700082,
    message: `The refresh token has expired due to inactivity. The token was issued on ${issued} and was inactive for ${inactiveDays}.00:00:00.`,
  }),
  pkceMismatch: (): AadstsError => ({
    error: 'invalid_grant',
    code: 501481,
    message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  redirectUriDiffersFromCode: (): AadstsError => ({
    error: 'invalid_grant',
    code: 70000,
    message: "The provided value for the 'redirect_uri' is not valid. The value must exactly match the redirect URI used to obtain the authorization code.",
  }),
  spaRequiresCors: (): AadstsError => ({
    error: 'invalid_request',
    code: 9002327,
    message: "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  }),
  badPassword: (): AadstsError => ({
    error: 'invalid_grant',
    code: 50126,
    message: 'Error validating credentials due to invalid username or password.',
  }),
  userNotFound: (tenantName: string): AadstsError => ({
    error: 'invalid_grant',
    code: 50034,
    message: `The user account {EUII Hidden} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`,
  }),
  loginRequired: (): AadstsError => ({
    error: 'login_required',
    code: 50058,
    message: 'A silent sign-in request was sent but no user is signed in.',
  }),
  multipleAccounts: (): AadstsError => ({
    error: 'interaction_required',
    code: 16000,
    message: 'User account selection is required: more than one account is signed in and no login_hint or prompt=select_account was provided.',
  }),
  invalidScope: (scope: string): AadstsError => ({
    error: 'invalid_scope',
    code: 70011,
    message: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  }),
  scopeNotOnResource: (appName: string, scope: string, resourceAppId: string): AadstsError => ({
    error: 'invalid_client',
    code: 650053,
    message: `The application '${appName}' asked for scope '${scope}' that doesn't exist on the resource '${resourceAppId}'. Contact the app vendor.`,
  }),
  multipleResources: (scope: string): AadstsError => ({
    error: 'invalid_scope',
    code: 28000,
    message: `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
  }),
  clientCredentialsNeedDefault: (scope: string): AadstsError => ({
    error: 'invalid_scope',
    code: 1002012,
    message: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  resourceNotFound: (resource: string, tenantName: string): AadstsError => ({
    error: 'invalid_resource',
    code: 500011,
    message: `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  missingParameter: (name: string): AadstsError => ({
    error: 'invalid_request',
    code: 900144,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  invalidParameter: (name: string, detail: string): AadstsError => ({
    error: 'invalid_request',
    code: 90100,
    message: `The '${name}' parameter is empty or not valid. ${detail}`,
  }),
  unsupportedGrantType: (grantType: string): AadstsError => ({
    error: 'unsupported_grant_type',
    code: 70003,
    message: `The app requested an unsupported grant type '${grantType}'.`,
  }),
  /**
   * A v1.0-only parameter sent to the v2.0 endpoint: "AADSTS901002: The 'resource' request parameter is not supported."
   * (AzureADQuickStarts/AppModelv2-WebApp-OpenIDConnect-nodejs#35) and, for `amr_values`, "AADSTS901002: The
   * 'amr_values' request parameter is not supported." (AzureAD/microsoft-authentication-library-for-js#6746).
   */
  unsupportedRequestParameter: (name: string): AadstsError => ({
    error: 'invalid_request',
    code: 901002,
    message: `The '${name}' request parameter is not supported.`,
  }),
  unsupportedResponseType: (responseType: string): AadstsError => ({
    error: 'unsupported_response_type',
    code: 700054,
    message: `response_type '${responseType}' is not enabled for the application.`,
  }),
  publicClientFlowsDisabled: (): AadstsError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  publicClientWithSecret: (): AadstsError => ({
    // pnp/cli-microsoft365#948, harishkrupo/oauth2ms#19: a public client ("Allow public client flows") that
    // presents a secret anyway.
    status: 401,
    error: 'invalid_client',
    code: 700025,
    message: "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  }),
  // Entra's error code reference (learn.microsoft.com/entra/identity-platform/reference-error-codes, entra-docs):
  // "AADSTS9001023 | The grant type isn't supported over the /common or /consumers endpoints. Please use the
  // /organizations or tenant-specific endpoint." Used for ROPC there (v2-oauth-ropc) and for client credentials.
  ropcNeedsTenant: (): AadstsError => ({
    error: 'invalid_request',
    code: 9001023,
    message: 'The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.',
  }),
  authorizationPending: (): AadstsError => ({
    error: 'authorization_pending',
    code: 70016,
    message: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  }),
  // RFC 8628 §3.5 names; Entra's AADSTS number for slow_down is not documented [UNVERIFIED], 70016's family is used.
  // Searched (Dec 2026): docs (v2-oauth2-device-code), issues (MSAL .NET/JS/Go/Python device-code threads): none quotes it.
  slowDown: (): AadstsError => ({
    error: 'slow_down',
    code: 70016,
    message: 'OAuth 2.0 device flow error. Polling too frequently; increase the interval between polls by 5 seconds.',
  }),
  deviceCodeExpired: (): AadstsError => ({
    error: 'expired_token',
    code: 70019,
    message: 'Verification code expired.',
  }),
  // The error name is the one Microsoft's device code article lists ("authorization_declined: The end user denied the
  // authorization request", learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code). [UNVERIFIED] the AADSTS
  // number: searched docs and issues (MSAL device-code threads, OpenAM#627), none quotes Entra's.
  deviceCodeDeclined: (): AadstsError => ({
    error: 'authorization_declined',
    code: 70000,
    message: 'The user declined the authorization request.',
  }),
  badVerificationCode: (): AadstsError => ({
    error: 'bad_verification_code',
    code: 70018,
    message: 'Invalid verification code due to user typing in wrong user code for device code flow.',
  }),
  // [UNVERIFIED] Entra's throttling body at the token endpoint; MSAL only relies on the status and Retry-After (429 +
  // Retry-After: 60 for client credentials, learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling).
  // Searched docs and issues for an AADSTS code in a 429 body: none quoted.
  throttled: (): AadstsError => ({
    status: 429,
    error: 'temporarily_unavailable',
    code: 90055,
    message: 'There are too many incoming requests. Please retry after the interval given in the Retry-After header.',
  }),
  serviceUnavailable: (status: number): AadstsError => ({
    status,
    error: 'temporarily_unavailable',
    code: 90033,
    message: 'A transient error has occurred. Please try again.',
  }),
  serverError: (): AadstsError => ({
    status: 500,
    error: 'server_error',
    code: 90000,
    message: 'An internal error occurred in the sandbox identity service.',
  }),
} as const;
