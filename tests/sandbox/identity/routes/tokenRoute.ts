import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import { jsonReply } from '../../http/Reply';
import { aadErrorReply } from '../aadError';
import { aadsts } from '../aadsts';
import { authorizationCodeGrant } from '../grants/authorizationCodeGrant';
import { clientCredentialsGrant } from '../grants/clientCredentialsGrant';
import { deviceCodeGrant } from '../grants/deviceCodeGrant';
import type { GrantContext } from '../grants/GrantContext';
import { passwordGrant } from '../grants/passwordGrant';
import { refreshTokenGrant } from '../grants/refreshTokenGrant';
import { detectTokenLoop } from '../loop/detectTokenLoop';
import { resolveAuthoritySegment } from '../resolveAuthoritySegment';
import { v1Scope, v1TokenResponse } from './v1Protocol';

const grants: Record<string, (ctx: GrantContext) => ReturnType<typeof authorizationCodeGrant>> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
  password: passwordGrant,
  'urn:ietf:params:oauth:grant-type:device_code': deviceCodeGrant,
  // msal-node sends the short form; Entra accepts both.
  device_code: deviceCodeGrant,
};

/**
 * POST /{tenant}/oauth2/v2.0/token, and with `version` 1 the v1.0 endpoint POST /{tenant}/oauth2/token, which
 * takes `resource=` (v1Protocol). Errors in facts §10.1's JSON shape, correlation id echoed from the client.
 */
export function tokenRoute(rt: SandboxRuntime, version: 1 | 2 = 2): Handler {
  return async (req) => {
    const form = await req.form();
    const resource = version === 1 ? form.get('resource') : null;
    if (resource) form.set('scope', v1Scope(resource, form.get('grant_type'), form.get('scope')));
    const ctx = {
      nowMs: rt.clock.now(),
      authority: rt.urls.authority,
      correlationId: req.header('client-request-id') ?? form.get('client-request-id') ?? undefined,
    };
    const segment = req.params.tenant ?? '';
    const authority = resolveAuthoritySegment(rt.state, segment);
    if (authority.kind === 'unknown') return aadErrorReply(aadsts.invalidTenant(segment, true), ctx);
    const grantType = form.get('grant_type') ?? '';
    if (!grantType) return aadErrorReply(aadsts.missingParameter('grant_type'), ctx);
    const grant = grants[grantType];
    if (!grant) return aadErrorReply(aadsts.unsupportedGrantType(grantType), ctx);
    if (grantType === 'client_credentials' && (authority.kind === 'common' || authority.kind === 'consumers')) {
      return aadErrorReply(aadsts.grantNotSupportedOnCommon(), ctx);
    }
    const clientId = (form.get('client_id') ?? '').toLowerCase();
    if (!clientId) return aadErrorReply(aadsts.missingParameter('client_id'), ctx);
    const app = rt.state.findApplication(clientId);
    const directoryName = authority.kind === 'tenant' ? authority.seed.displayName : segment;
    if (!app || authority.kind === 'consumers') return aadErrorReply(aadsts.applicationNotFound(clientId, directoryName), ctx);
    if (authority.kind === 'tenant' && app.signInAudience === 'AzureADMyOrg' && app.sandbox.homeTenantId !== authority.seed.id) {
      return aadErrorReply(aadsts.applicationNotFound(clientId, directoryName), ctx);
    }
    // [UNVERIFIED] a v1 client-credentials request without `resource` names no API; Entra's wording for the
    // missing parameter is assumed to be the generic 900144.
    if (version === 1 && !resource && grantType === 'client_credentials') return aadErrorReply(aadsts.missingParameter('resource'), ctx);
    // A brand-new application is briefly unknown to the token endpoint too (facts §4.2; Azure CLI's
    // create-for-rbac and CIPP retry a first token request that fails with 700016 after creating an app).
    if (rt.clock.now() - app.sandbox.createdAtMs < rt.settings.replication.applicationDelayMs) {
      return aadErrorReply(aadsts.applicationNotFound(clientId, directoryName), ctx);
    }
    const loop = detectTokenLoop(rt, { grantType, clientId, tenant: authority.kind === 'tenant' ? authority.seed.id : authority.kind, form });
    if (loop) {
      const retryAfter: Record<string, string> = loop.status === 429 ? { 'retry-after': String(rt.settings.clientTenants.tokenLoop.clientCredentialsRetryAfterSeconds) } : {};
      return aadErrorReply(loop, ctx, retryAfter);
    }
    const result = await grant({ rt, req, form, segment, authority, app });
    if (!result.ok) return aadErrorReply(result.error, ctx);
    return jsonReply(200, resource ? v1TokenResponse(result.body, resource, rt.clock.nowSeconds()) : result.body);
  };
}
