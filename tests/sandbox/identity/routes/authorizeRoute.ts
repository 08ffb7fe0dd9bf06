import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import { aadsts } from '../aadsts';
import { errorPageReply } from '../flow/deliverFlowError';
import { respondToRedirect, type ResponseMode } from '../flow/respondToRedirect';
import { aadErrorBody } from '../aadError';
import { findRedirectPlatform } from '../redirectUriMatches';
import { resolveAuthoritySegment } from '../resolveAuthoritySegment';
import { parseScopeRequest } from '../parseScopeRequest';
import { beginFlow, newFlow } from './startFlow';
import { v1Scope } from './v1Protocol';

/** GET /{tenant}/oauth2/v2.0/authorize (facts §13, §10.2, §2). */
export function authorizeRoute(rt: SandboxRuntime, version: 1 | 2 = 2): Handler {
  return (req) => {
    const segment = req.params.tenant ?? '';
    const authority = resolveAuthoritySegment(rt.state, segment);
    if (authority.kind === 'unknown') return errorPageReply(rt, aadsts.invalidTenant(segment));
    const q = (name: string): string | undefined => req.query(name) || undefined;

    const clientId = q('client_id')?.toLowerCase();
    if (!clientId) return errorPageReply(rt, aadsts.missingParameter('client_id'));
    const app = rt.state.findApplication(clientId);
    const directoryName = authority.kind === 'tenant' ? authority.seed.displayName : segment;
    // The sandbox has no Microsoft-account (consumer) directory.
    if (!app || authority.kind === 'consumers') return errorPageReply(rt, aadsts.applicationNotFound(clientId, directoryName));
    if (authority.kind === 'tenant' && app.signInAudience === 'AzureADMyOrg' && app.sandbox.homeTenantId !== authority.seed.id) {
      return errorPageReply(rt, aadsts.applicationNotFound(clientId, directoryName));
    }

    const redirectUri = q('redirect_uri');
    if (!redirectUri) return errorPageReply(rt, aadsts.missingParameter('redirect_uri'));
    // facts §2/§10.2: a mismatch is shown on Entra's page; the app is never redirected to an unregistered URI.
    if (!findRedirectPlatform(app, redirectUri)) return errorPageReply(rt, aadsts.redirectUriMismatch(redirectUri, app.appId));

    const modeParam = q('response_mode') ?? 'query';
    const responseMode: ResponseMode = modeParam === 'form_post' || modeParam === 'fragment' ? modeParam : 'query';
    const state = q('state');
    const redirectError = (error: ReturnType<typeof aadsts.missingParameter>) => {
      const body = aadErrorBody(error, { nowMs: rt.clock.now(), authority: rt.urls.authority });
      return respondToRedirect(redirectUri, responseMode, { error: body.error, error_description: body.error_description, error_uri: body.error_uri, state });
    };
    // `amr_values` is a v1.0 parameter: v2.0 refuses it (AzureAD/microsoft-authentication-library-for-js#6746).
    const amrValues = q('amr_values');
    if (amrValues && version === 2) return redirectError(aadsts.unsupportedRequestParameter('amr_values'));
    const responseType = q('response_type') ?? '';
    if (responseType !== 'code') return redirectError(aadsts.unsupportedResponseType(responseType || '(missing)'));
    const scope = q('scope');
    if (!scope) return redirectError(aadsts.missingParameter('scope'));
    if (authority.kind === 'tenant') {
      const parsed = parseScopeRequest(scope, rt.state.directory(authority.seed.id), app);
      if (!parsed.ok) return redirectError(parsed.error);
    }
    const method = q('code_challenge_method');
    const codeChallenge = q('code_challenge');
    if (codeChallenge && method && method !== 'S256' && method !== 'plain') {
      return redirectError(aadsts.invalidParameter('code_challenge_method', "Supported values are 'S256' and 'plain'."));
    }
    const prompt = q('prompt');
    const loginHint = q('login_hint');
    const flow = newFlow(rt, req, {
      kind: 'authorize',
      tenantSegment: segment,
      requestedTenantId: authority.kind === 'tenant' ? authority.seed.id : null,
      clientId,
      authorize: {
        clientId,
        redirectUri,
        responseType,
        responseMode,
        scope,
        state,
        nonce: q('nonce'),
        codeChallenge,
        codeChallengeMethod: codeChallenge ? ((method as 'S256' | 'plain' | undefined) ?? 'plain') : undefined,
        prompt,
        loginHint,
        ...(amrValues ? { amrValues } : {}),
      },
    });
    return beginFlow(rt, flow, prompt, loginHint);
  };
}

/**
 * GET /{tenant}/oauth2/authorize, the v1.0 endpoint (learn.microsoft.com/entra/identity-platform/
 * v1-oauth2-auth-code-flow): `resource=` instead of `scope`; without it the code is for sign-in only and the
 * client names the resource when it redeems the code. Everything else is the v2 flow.
 */
export function authorizeV1Route(rt: SandboxRuntime): Handler {
  const v2 = authorizeRoute(rt, 1);
  return (req) => {
    const resource = req.query('resource');
    req.url.searchParams.set('scope', resource ? v1Scope(resource, null, req.query('scope') ?? null) : 'openid profile offline_access');
    return v2(req);
  };
}
