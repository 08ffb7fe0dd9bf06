import { ConfidentialClientApplication } from '@azure/msal-node';
import { sameRedirectUri, type RedirectPlatform } from '../../../../shared/domain/redirect-uri';
import { ErrorCode } from '../../../../shared/error-codes';
import { MsalNetworkClient } from '../../auth/msal-network-client';
import { knownAuthorityOf } from '../../clouds/cloud-profile';
import { aadstsCodeOf, diagnose } from '../../diagnostics/diagnose';
import { AppError } from '../../errors/app-error';
import { getApplicationByAppId } from '../../graph/ops/applications';
import type { AppRegistrationSpec } from '../../platforms/platform-profile';
import type { OnboardingStep, StepContext } from '../onboarding-step';
import { waitForReplication } from '../wait-for-replication';

/** A client-credentials token with the new secret: the proof the platform's sign-in will work. */
async function secretWorks(ctx: StepContext, appId: string, secret: string): Promise<void> {
  const cca = new ConfidentialClientApplication({
    auth: {
      clientId: appId,
      clientSecret: secret,
      authority: `${ctx.cloud.authorityHost}/${ctx.partnerTenantId}`,
      knownAuthorities: [knownAuthorityOf(ctx.cloud)],
    },
    system: { networkClient: new MsalNetworkClient(ctx.fetchFn) },
  });
  await waitForReplication(() => cca.acquireTokenByClientCredential({ scopes: [`${ctx.cloud.graphResource}/.default`], skipCache: true }), {
    // A secret created seconds ago is refused until Microsoft has replicated it (facts §10.2, anchors: CIPP),
    // and a brand-new app can be unknown to the token endpoint for a while (700016, facts §4.2). Graph has
    // just returned this app, so 700016 here can only be replication, not a wrong client or tenant ID.
    isTransient: (e) => aadstsCodeOf(e) === 7000215 || aadstsCodeOf(e) === 700016,
    onWait: (ms) => ctx.report('Waiting for Microsoft to replicate the new client secret', ms),
  });
}

/** Reads everything back from the tenant and tests it, rather than trusting what was written. */
export function verifyStep(specs: AppRegistrationSpec[]): OnboardingStep {
  return {
    id: 'verify',
    title: 'Verify',
    why: 'Reads the setup back from Microsoft and tests the secret, so problems show here and not at your users’ sign-in.',
    scopes: 'findExistingApps',

    async inspect() {
      return {
        action: 'update',
        summary: 'Read everything back and test it',
        details: ['Redirect URIs compared exactly', 'Client secret tested with a real token request', 'Your tenant’s sign-in metadata checked'],
      };
    },

    async apply(ctx) {
      const client = ctx.graph('findExistingApps');
      const problems: string[] = [];
      const checked: string[] = [];
      for (const spec of specs) {
        const managed = ctx.apps.get(ctx.workspaceId, spec.role);
        const app = managed?.appId ? await getApplicationByAppId(client, managed.appId) : undefined;
        if (!app) {
          problems.push(`The ${spec.displayName} app registration was not found.`);
          continue;
        }
        for (const platform of ['web', 'spa', 'publicClient'] as RedirectPlatform[]) {
          for (const uri of spec.redirectUris[platform]) {
            if (!(app[platform]?.redirectUris ?? []).some((u) => sameRedirectUri(u, uri))) problems.push(`Redirect URI missing on ${app.displayName}: ${uri}`);
          }
        }
        checked.push(`${app.displayName}: redirect URIs match`);
        if (spec.secret) {
          const secret = ctx.apps.secrets(ctx.workspaceId, spec.role)[0];
          const value = secret ? await ctx.vault.get(secret.vaultRef) : undefined;
          if (!secret || !value) problems.push(`No client secret for ${app.displayName} in the vault.`);
          else {
            try {
              await secretWorks(ctx, app.appId, value);
              checked.push(`${app.displayName}: client secret ${secret.hint}… works`);
            } catch (error) {
              if (error instanceof AppError) throw error;
              problems.push(`The client secret for ${app.displayName} was refused: ${diagnose(error).cause}`);
            }
          }
        }
      }
      const discovery = await ctx.fetchFn(`${ctx.cloud.authorityHost}/${ctx.partnerTenantId}/v2.0/.well-known/openid-configuration`);
      const issuer = discovery.ok ? String(((await discovery.json()) as { issuer?: unknown }).issuer ?? '') : '';
      if (!issuer.includes(ctx.partnerTenantId)) problems.push('Your tenant’s sign-in metadata (OpenID configuration) could not be read.');
      else checked.push('Tenant sign-in metadata is published');
      if (problems.length > 0) {
        throw new AppError(ErrorCode.VerificationFailed, `Verification found ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join(' ')}`, {
          fix: 'Run the wizard again: it repairs what it finds. If the same problem comes back, the details say which object to look at in the Entra admin center.',
          details: { problems, checked },
        });
      }
      return { checked };
    },
  };
}
