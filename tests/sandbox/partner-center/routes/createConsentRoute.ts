import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import { pcErrors } from '../http/pcErrors';
import { pcErrorReply, pcJsonReply } from '../http/pcReply';
import { applicationConsentBody } from '../ops/applicationConsentBody';
import { checkConsentAuthority } from '../ops/checkConsentAuthority';
import { grantApplicationConsent } from '../ops/grantApplicationConsent';
import { hasExistingConsent } from '../ops/hasExistingConsent';
import { resolveApplicationGrants } from '../ops/resolveApplicationGrants';
import type { PartnerCenterSettings } from '../PartnerCenterSettings';
import { consentPreamble } from './consentPreamble';

/**
 * POST /v1/customers/{customerId}/applicationconsents (facts §8.1). Order: token, rate, customer; then the body
 * (400, including appid != applicationId), who may consent (403), what is consented to (400: resource service
 * principals and scope names in the customer), an existing grant (409), and finally the service principal and
 * AllPrincipals grants in the customer tenant (201, the consent echoed with canonical scope names).
 */
export function createConsentRoute(rt: SandboxRuntime, settings: PartnerCenterSettings): Handler {
  return async (req) => {
    const pre = await consentPreamble(rt, settings, req);
    if (!pre.ok) return pre.reply;
    const { caller, customer } = pre;
    let raw: unknown;
    try {
      raw = await req.json();
    } catch {
      return pcErrorReply(settings, pcErrors.badRequest('The request body is not valid JSON.'));
    }
    const parsed = applicationConsentBody.safeParse(raw);
    if (!parsed.success) {
      return pcErrorReply(settings, pcErrors.badRequest('The request body needs applicationId and at least one applicationGrants entry with enterpriseApplicationId and scope.'));
    }
    const body = parsed.data;
    const applicationId = body.applicationId.toLowerCase();
    if (applicationId !== caller.appId) return pcErrorReply(settings, pcErrors.applicationIdMismatch(body.applicationId, caller.appId));

    const authority = checkConsentAuthority(rt, caller, customer.id, settings.consentRoles);
    if (!authority.ok) return pcErrorReply(settings, authority.error);

    const app = rt.state.findApplication(applicationId);
    if (!app) return pcErrorReply(settings, pcErrors.badRequest(`Application ${body.applicationId} was not found.`));
    // A CPV app is multi-tenant by definition (facts §8.1 "CPV multi-tenant appId"). [UNVERIFIED] exact refusal.
    if (app.signInAudience === 'AzureADMyOrg') {
      return pcErrorReply(settings, pcErrors.badRequest(`Application ${app.appId} is not a multi-tenant application.`));
    }
    const directory = rt.state.directory(customer.id);
    const resolved = resolveApplicationGrants(directory, body);
    if (!resolved.ok) return pcErrorReply(settings, resolved.error);
    if (hasExistingConsent(directory, app.appId, resolved.grants)) {
      return pcErrorReply(settings, pcErrors.permissionEntryExists(settings.duplicateConsentStatus));
    }

    grantApplicationConsent(rt.state, {
      customerId: customer.id,
      app,
      grants: resolved.grants,
      items: resolved.items,
      user: authority.user,
      displayName: body.displayName ?? null,
    });
    return pcJsonReply(settings, 201, {
      applicationId: app.appId,
      ...(body.displayName ? { displayName: body.displayName } : {}),
      applicationGrants: resolved.grants.map((g) => ({ enterpriseApplicationId: g.resource.appId, scope: g.scopes.join(',') })),
    });
  };
}
