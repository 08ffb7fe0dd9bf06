import type { PartnerCenterFailure } from './PartnerCenterFailure';

const fail = (status: number, code: string, description: string, headers?: Record<string, string>): PartnerCenterFailure =>
  headers ? { status, code, description, headers } : { status, code, description };

/**
 * The refusals the Partner Center routes answer. The body shape is documented (facts §7.3); Microsoft documents
 * few numeric codes, so where none is known the code is the HTTP status, as this mount's formatter already does.
 * Codes and texts are [UNVERIFIED] unless marked otherwise.
 */
export const pcErrors = {
  /** The 401 of Partner Center's error-codes page carries this challenge header [DOC error-codes]. */
  unauthorized: (description: string) =>
    fail(401, '401', description, { 'www-authenticate': 'OAuth realm=urn:cpsvc:cpid:sandbox' }),
  mfaRequired: () =>
    fail(401, '900421', 'Multi-factor authentication is required for App+User calls to Partner Center. The access token has no MFA claim.', {
      'www-authenticate': 'OAuth realm=urn:cpsvc:cpid:sandbox',
    }),
  notAPartner: (tenantId: string) => fail(403, '403', `The tenant ${tenantId} is not a Partner Center partner.`),
  /** facts §8.1: "App-only explicit consent not supported under GDAP; it's app+user (delegated) consent". */
  appPlusUserRequired: () => fail(403, '403', 'This operation requires App+User credentials; app-only tokens are not supported.'),
  missingUserImpersonation: () => fail(403, '403', "The access token does not carry the 'user_impersonation' scope."),
  /**
   * https://learn.microsoft.com/partner-center/developer/api-throttling-guidance: 429 with a Retry-After header.
   * The body there is not documented; Partner Center's error shape is used.
   */
  throttled: (retryAfterSeconds: number) =>
    fail(429, '429', 'Rate limit is exceeded. Try again later.', { 'retry-after': String(retryAfterSeconds) }),
  customerNotFound: (customerId: string) => fail(404, '404', `Customer with id ${customerId} was not found.`),
  consentNotFound: (applicationId: string) => fail(404, '404', `No application consent was found for application ${applicationId}.`),
  badRequest: (description: string) => fail(400, '400', description),
  /** facts §8.1: the token's appid must equal the body's applicationId. */
  applicationIdMismatch: (bodyAppId: string, tokenAppId: string) =>
    fail(400, '400', `The applicationId '${bodyAppId}' does not match the application the access token was issued to ('${tokenAppId}').`),
  notAdminAgent: () =>
    fail(403, '403', 'The user is not an admin agent of the partner: membership in the Admin Agents or a GDAP security group is required.'),
  /** facts §8.1 requirement; code 20002 is Partner Center's documented "no relationship with the customer" [DOC error-codes]. */
  noGdapAccess: (partnerTenantId: string, customerId: string, detail: string) =>
    fail(403, '20002', `The partner ID ${partnerTenantId} has no active GDAP relationship with the customer ID ${customerId}: ${detail}`),
  missingGdapRoles: (customerId: string) =>
    fail(
      403,
      '403',
      `The user's GDAP access to customer ${customerId} does not include Global Administrator, Application Administrator or Cloud Application Administrator.`,
    ),
  /** facts §8.1 [OBS]: the text seen when the app already holds the consent. */
  permissionEntryExists: (status: 409 | 400) => fail(status, String(status), 'Permission entry already exists.'),
} as const;
