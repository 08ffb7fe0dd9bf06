import type { SandboxHandle } from '../../sandbox/startSandbox';
import { graphCommandLineToolsAppId } from '../../sandbox/model/wellKnownIds';
import { randomToken } from '../../sandbox/util/randomToken';

/**
 * A refresh token as if the partner user had signed in to the console (Microsoft Graph Command Line Tools) with
 * these authentication methods. Redeeming it at a client tenant's token endpoint is how GDAP tokens are obtained,
 * so every check of the real token endpoint (GDAP access, Conditional Access, consent, loops) applies.
 */
export function plantRefreshToken(sandbox: SandboxHandle, input: { homeTenantId: string; upn: string; amr?: string[]; clientId?: string }): string {
  const rt = sandbox.runtime;
  const user = rt.state.directory(input.homeTenantId).findUserByUpn(input.upn);
  if (!user) throw new Error(`No user ${input.upn}`);
  const token = `1.${randomToken(64)}`;
  const now = rt.clock.now();
  rt.identity.refreshTokens.set(token, {
    token,
    clientId: input.clientId ?? graphCommandLineToolsAppId,
    account: { homeTenantId: input.homeTenantId, userId: user.id },
    authTimeS: Math.floor(now / 1000),
    amr: input.amr ?? ['pwd'],
    issuedAtMs: now,
    lastUsedAtMs: now,
    revoked: false,
  });
  return token;
}

/** The token request body for a GDAP token in `tenant` with the console's public client. */
export function refreshForm(refreshToken: string, scope = 'https://graph.microsoft.com/.default offline_access'): Record<string, string> {
  return { grant_type: 'refresh_token', client_id: graphCommandLineToolsAppId, refresh_token: refreshToken, scope };
}
