import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import { aadErrorBody } from '../aadError';
import { aadsts } from '../aadsts';
import { errorPageReply } from '../flow/deliverFlowError';
import { respondToRedirect } from '../flow/respondToRedirect';
import { findRedirectPlatform } from '../redirectUriMatches';
import { resolveAuthoritySegment } from '../resolveAuthoritySegment';
import { beginFlow, newFlow } from './startFlow';

/**
 * GET /{tenant}/adminconsent (v1, static permissions, facts §6.1) and /{tenant}/v2.0/adminconsent (v2, `scope`,
 * facts §6.2). The admin signs in, sees every permission, accepts; the service principal, delegated grants
 * (AllPrincipals) and app role assignments are created in that tenant, then the documented redirect follows.
 */
export function adminConsentRoute(rt: SandboxRuntime, version: 1 | 2): Handler {
  return (req) => {
    const segment = req.params.tenant ?? '';
    const authority = resolveAuthoritySegment(rt.state, segment);
    if (authority.kind === 'unknown') return errorPageReply(rt, aadsts.invalidTenant(segment));
    if (authority.kind === 'consumers' || (version === 2 && authority.kind === 'common')) {
      // facts §6.2: the v2 endpoint takes a tenant or `organizations`, not `common`. [UNVERIFIED: exact AADSTS code]
      return errorPageReply(rt, aadsts.invalidParameter('tenant', `'${segment}' is not supported by the admin consent endpoint; use 'organizations' or a tenant ID or domain.`));
    }
    const clientId = (req.query('client_id') ?? '').toLowerCase();
    if (!clientId) return errorPageReply(rt, aadsts.missingParameter('client_id'));
    const app = rt.state.findApplication(clientId);
    const directoryName = authority.kind === 'tenant' ? authority.seed.displayName : segment;
    if (!app) return errorPageReply(rt, aadsts.applicationNotFound(clientId, directoryName));
    if (authority.kind === 'tenant' && app.signInAudience === 'AzureADMyOrg' && app.sandbox.homeTenantId !== authority.seed.id) {
      return errorPageReply(rt, aadsts.applicationNotFound(clientId, directoryName));
    }
    // Without redirect_uri Entra uses the app's first web redirect URI.
    const redirectUri = req.query('redirect_uri') || app.web.redirectUris[0];
    if (!redirectUri) return errorPageReply(rt, aadsts.missingParameter('redirect_uri'));
    if (!findRedirectPlatform(app, redirectUri)) return errorPageReply(rt, aadsts.redirectUriMismatch(redirectUri, app.appId));
    const state = req.query('state') || undefined;
    const scope = req.query('scope') || undefined;
    if (version === 2 && !scope) {
      const body = aadErrorBody(aadsts.missingParameter('scope'), { nowMs: rt.clock.now(), authority: rt.urls.authority });
      return respondToRedirect(redirectUri, 'query', { admin_consent: 'True', error: body.error, error_description: body.error_description, state });
    }
    const flow = newFlow(rt, req, {
      kind: 'adminconsent',
      tenantSegment: segment,
      requestedTenantId: authority.kind === 'tenant' ? authority.seed.id : null,
      clientId,
      adminConsent: { clientId, redirectUri, state, scope, version },
    });
    return beginFlow(rt, flow, req.query('prompt') || 'select_account', req.query('login_hint') || undefined);
  };
}
