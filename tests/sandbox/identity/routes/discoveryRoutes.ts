import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Router } from '../../http/Router';
import { htmlReply, jsonReply, redirectReply } from '../../http/Reply';
import { aadErrorReply } from '../aadError';
import { aadsts } from '../aadsts';
import { layoutPage } from '../pages/layoutPage';
import { resolveAuthoritySegment } from '../resolveAuthoritySegment';
import { escapeHtml } from '../../util/escapeHtml';
import { sessionCookieName } from '../sessionCookie';

const consumersTenantId = '9188040d-6c67-4c5b-b112-36a304b66dad';
const discoveryHeaders = { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' };

/** facts §11.1, with the Microsoft host replaced by the sandbox authority. */
export function openIdConfiguration(authority: string, pathTenant: string, issuerTenant: string, regionScope: string | null): Record<string, unknown> {
  const base = `${authority}/${pathTenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${authority}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${authority}/graph/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: regionScope,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export function addDiscoveryRoutes(router: Router, rt: SandboxRuntime): void {
  const ctx = () => ({ nowMs: rt.clock.now(), authority: rt.urls.authority });

  // facts §11.3: MSAL's instance discovery; the sandbox host is its own cloud with one alias.
  router.get('/:tenant/discovery/instance', () => {
    const host = rt.urls.authorityHost;
    return jsonReply(200, {
      tenant_discovery_endpoint: `${rt.urls.authority}/{tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }, discoveryHeaders);
  });

  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req) => {
    const segment = req.params.tenant ?? '';
    const authority = resolveAuthoritySegment(rt.state, segment);
    switch (authority.kind) {
      case 'unknown':
        return aadErrorReply(aadsts.invalidTenant(segment), ctx(), discoveryHeaders);
      case 'tenant':
        return jsonReply(200, openIdConfiguration(rt.urls.authority, authority.seed.id, authority.seed.id, 'NA'), discoveryHeaders);
      case 'consumers':
        return jsonReply(200, openIdConfiguration(rt.urls.authority, 'consumers', consumersTenantId, null), discoveryHeaders);
      default:
        // facts §11.1: common/organizations publish the `{tenantid}` issuer template.
        return jsonReply(200, openIdConfiguration(rt.urls.authority, authority.kind, '{tenantid}', null), discoveryHeaders);
    }
  });

  // facts §7.5: the v1 document, whose issuer is the sts.windows.net-style `{authority}/{tid}/`.
  router.get('/:tenant/.well-known/openid-configuration', (req) => {
    const segment = req.params.tenant ?? '';
    const authority = resolveAuthoritySegment(rt.state, segment);
    if (authority.kind === 'unknown') return aadErrorReply(aadsts.invalidTenant(segment), ctx(), discoveryHeaders);
    const tid = authority.kind === 'tenant' ? authority.seed.id : '{tenantid}';
    const pathTenant = authority.kind === 'tenant' ? authority.seed.id : authority.kind;
    return jsonReply(200, {
      token_endpoint: `${rt.urls.authority}/${pathTenant}/oauth2/token`,
      jwks_uri: `${rt.urls.authority}/${pathTenant}/discovery/keys`,
      authorization_endpoint: `${rt.urls.authority}/${pathTenant}/oauth2/authorize`,
      issuer: `${rt.urls.authority}/${tid}/`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      tenant_region_scope: authority.kind === 'tenant' ? 'NA' : null,
    }, discoveryHeaders);
  });

  const keys: Parameters<Router['get']>[1] = (req) => {
    const segment = req.params.tenant ?? '';
    const authority = resolveAuthoritySegment(rt.state, segment);
    if (authority.kind === 'unknown') return aadErrorReply(aadsts.invalidTenant(segment), ctx(), discoveryHeaders);
    return jsonReply(200, rt.signer.jwks(`${rt.urls.authority}/{tenantid}/v2.0`), discoveryHeaders);
  };
  router.get('/:tenant/discovery/v2.0/keys', keys);
  router.get('/:tenant/discovery/keys', keys);

  router.get('/:tenant/oauth2/v2.0/logout', (req) => {
    const session = rt.identity.sessions.get(req.cookies()[sessionCookieName] ?? '');
    if (session) session.accounts = [];
    const target = req.query('post_logout_redirect_uri');
    if (target) return redirectReply(target);
    return htmlReply(200, layoutPage('Signed out', '<h1>You signed out of your account</h1><p>It’s a good idea to close all browser windows.</p>'));
  });

  // The `error_uri` of every AADSTS error points here.
  router.get('/error', (req) => {
    const code = req.query('code') ?? '';
    const official = `https://login.microsoftonline.com/error?code=${encodeURIComponent(code)}`;
    return htmlReply(200, layoutPage(`AADSTS${code}`, `<h1>AADSTS${escapeHtml(code)}</h1><p>Microsoft describes this code at <code>${escapeHtml(official)}</code>.</p>`));
  });
}
