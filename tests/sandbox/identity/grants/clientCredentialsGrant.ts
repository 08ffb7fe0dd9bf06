import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';
import { issueAppToken, type TokenResponse } from '../issueTokens';
import { authenticateClient } from './authenticateClient';
import type { GrantContext } from './GrantContext';

type GrantResult = { ok: true; body: TokenResponse } | { ok: false; error: AadstsError };

/**
 * grant_type=client_credentials (facts §11.4, §10.2): tenant-specific authority only (9001023), secret checks
 * (7000215/7000222), `{resource}/.default` only (1002012), the client must have a service principal in the tenant
 * (700016: not installed or consented there), the resource too (500011). No app role assignment is not an error:
 * the token just has no `roles` claim.
 */
export async function clientCredentialsGrant({ rt, req, form, app, authority }: GrantContext): Promise<GrantResult> {
  // /organizations is treated like /common: "common and organizations are both aliases over multiple tenants, and do
  // not specify which tenant a token should be requested for" (Entra's PM, AzureAD/microsoft-authentication-library-
  // for-dotnet#1384); MSAL.js refuses both for client credentials (microsoft-authentication-library-for-js#5567).
  if (authority.kind !== 'tenant') return { ok: false, error: aadsts.grantNotSupportedOnCommon() };
  const client = authenticateClient(rt, req, form, app, 'required');
  if (!client.ok) return client;
  const scope = (form.get('scope') ?? '').trim();
  if (!scope) return { ok: false, error: aadsts.missingParameter('scope') };
  const items = scope.split(/\s+/);
  const only = items[0] ?? '';
  if (items.length !== 1 || !only.toLowerCase().endsWith('/.default')) return { ok: false, error: aadsts.clientCredentialsNeedDefault(scope) };
  const prefix = only.slice(0, -'/.default'.length).replace(/\/+$/, '');

  const directory = rt.state.directory(authority.seed.id);
  const clientSp = directory.findServicePrincipalByAppId(app.appId);
  if (!clientSp) return { ok: false, error: aadsts.applicationNotFound(app.appId, authority.seed.displayName) };
  const resource = directory.findServicePrincipalByName(prefix);
  if (!resource) return { ok: false, error: aadsts.resourceNotFound(prefix, authority.seed.displayName) };
  const body = await issueAppToken(rt, { tenantId: authority.seed.id, client: app, clientSp, resource, resourcePrefix: prefix });
  return { ok: true, body };
}
