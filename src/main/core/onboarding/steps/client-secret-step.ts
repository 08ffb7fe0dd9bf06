import { randomBytes } from 'node:crypto';
import { getApplicationByAppId, removePassword } from '../../graph/ops/applications';
import { isReplicationDelay } from '../../graph/ops/graph-error-info';
import type { AppRegistrationSpec } from '../../platforms/platform-profile';
import { SECRET_DISPLAY_NAME_PREFIX, secretVaultRef } from '../desired-app';
import type { ManagedSecret } from '../managed-app-repository';
import type { OnboardingStep, StepContext } from '../onboarding-step';
import { waitForReplication } from '../wait-for-replication';
import { addSecretWithinPolicy } from './add-secret-within-policy';
import { requireManagedApp } from './find-managed-app';

/** A secret closer than this to expiry is replaced, so the platform never runs on a dying secret. */
const RENEW_BEFORE_MS = 30 * 24 * 60 * 60 * 1000;

/** The newest secret we hold (in the vault) that is still on the app and not about to expire. */
async function usableSecret(ctx: StepContext, role: AppRegistrationSpec['role'], liveKeyIds: Set<string>): Promise<ManagedSecret | undefined> {
  for (const secret of ctx.apps.secrets(ctx.workspaceId, role)) {
    if (!liveKeyIds.has(secret.keyId)) continue;
    if (Date.parse(secret.endDateTime) - ctx.now().getTime() < RENEW_BEFORE_MS) continue;
    if (await ctx.vault.get(secret.vaultRef)) return secret;
  }
  return undefined;
}

/**
 * Secrets we hold whose keyId is no longer on the app (someone removed them in the Entra admin
 * center, or the app itself was deleted) can never be used again: their values leave the vault and
 * their rows leave SQLite. Returns how many were forgotten.
 */
async function forgetSecretsGoneFromEntra(ctx: StepContext, role: AppRegistrationSpec['role'], liveKeyIds: Set<string>): Promise<number> {
  const gone = ctx.apps.secrets(ctx.workspaceId, role).filter((s) => !liveKeyIds.has(s.keyId));
  for (const secret of gone) {
    await ctx.vault.delete(secret.vaultRef);
    ctx.apps.removeSecret(ctx.workspaceId, role, secret.keyId);
  }
  return gone.length;
}

/**
 * Makes sure the platform has a working client secret that only the vault holds (facts §3). A new
 * secret's value goes to the vault before anything else; SQLite keeps its keyId, hint and dates.
 */
export function clientSecretStep(spec: AppRegistrationSpec & { secret: { lifetimeMonths: number } }): OnboardingStep {
  return {
    id: `${spec.role}:secret`,
    title: spec.role === 'main' ? 'Client secret' : 'Partner Center client secret',
    why: 'The platform proves it is your app with this secret.',
    scopes: 'registerApp',

    async inspect(ctx) {
      const managed = ctx.apps.get(ctx.workspaceId, spec.role);
      const live = managed?.appId ? await getApplicationByAppId(ctx.graph('findExistingApps'), managed.appId) : undefined;
      // Only what Microsoft reports as gone is forgotten here; an app we cannot see yet is left alone.
      if (live) await forgetSecretsGoneFromEntra(ctx, spec.role, new Set(live.passwordCredentials.map((p) => p.keyId)));
      const keep = live ? await usableSecret(ctx, spec.role, new Set(live.passwordCredentials.map((p) => p.keyId))) : undefined;
      if (keep) {
        return { action: 'keep', summary: `Keep the client secret ${keep.hint}… (valid until ${keep.endDateTime.slice(0, 10)})`, details: [] };
      }
      return {
        action: 'create',
        summary: `Create a client secret valid for ${spec.secret.lifetimeMonths} months`,
        details: ['Stored only in this computer’s secure vault; revealed to you only when you ask, and each reveal is logged.'],
      };
    },

    async apply(ctx) {
      const client = ctx.graph('registerApp');
      const { appObjectId, appId } = requireManagedApp(ctx, spec.role);
      const live = await waitForReplication(
        async () => {
          const app = await getApplicationByAppId(client, appId);
          if (!app) throw Object.assign(new Error('not yet visible'), { statusCode: 404 });
          return app;
        },
        { isTransient: isReplicationDelay, onWait: (ms) => ctx.report('Waiting for Microsoft to replicate the app registration', ms) },
      );
      const liveKeyIds = new Set(live.passwordCredentials.map((p) => p.keyId));
      await forgetSecretsGoneFromEntra(ctx, spec.role, liveKeyIds);
      const keep = await usableSecret(ctx, spec.role, liveKeyIds);
      if (keep) return { keyId: keep.keyId, created: false };

      // A secret asked for but never stored means an earlier attempt stopped between Microsoft creating
      // it and the vault saving it. Nobody has its value: remove it rather than leave it behind. Only
      // secrets carrying a marker this workspace recorded are touched, never one it did not ask for.
      const held = new Set(ctx.apps.secrets(ctx.workspaceId, spec.role).map((s) => s.keyId));
      for (const marker of ctx.apps.pendingSecrets(ctx.workspaceId, spec.role)) {
        for (const orphan of live.passwordCredentials.filter((p) => p.displayName === marker && !held.has(p.keyId))) {
          ctx.report(`Removing an unused secret (${orphan.hint ?? '…'}) left by an interrupted run`);
          await removePassword(client, appObjectId, orphan.keyId);
        }
        ctx.apps.forgetPendingSecret(ctx.workspaceId, marker);
      }

      const now = ctx.now();
      // Recorded before the call: if this process dies before the value reaches the vault, the next
      // attempt finds the secret by this name and removes it.
      const marker = `${SECRET_DISPLAY_NAME_PREFIX}${now.toISOString().slice(0, 10)} #${randomBytes(4).toString('hex')}`;
      ctx.apps.markSecretPending(ctx.workspaceId, spec.role, marker, now.toISOString());
      const credential = await addSecretWithinPolicy(client, appObjectId, marker, now, spec.secret.lifetimeMonths, (message) => ctx.report(message));
      if (!credential.secretText) throw new Error('Microsoft returned no secret value for the new client secret.');
      const vaultRef = secretVaultRef(ctx.workspaceId, spec.role, credential.keyId);
      await ctx.vault.put(vaultRef, credential.secretText);
      // The new secret replaces the ones we held (expiring, or no longer in the vault): their values
      // leave the vault now. They stay on the app until they expire, so a platform still using one
      // keeps working until the admin pastes the new one; a later renewal removes them from Entra.
      for (const replaced of ctx.apps.secrets(ctx.workspaceId, spec.role)) {
        await ctx.vault.delete(replaced.vaultRef);
        ctx.apps.removeSecret(ctx.workspaceId, spec.role, replaced.keyId);
      }
      ctx.apps.addSecret(
        ctx.workspaceId,
        {
          role: spec.role,
          keyId: credential.keyId,
          hint: credential.hint,
          startDateTime: credential.startDateTime,
          endDateTime: credential.endDateTime,
          vaultRef,
        },
        now.toISOString(),
        marker,
      );
      return { keyId: credential.keyId, hint: credential.hint, endDateTime: credential.endDateTime, created: true };
    },
  };
}
