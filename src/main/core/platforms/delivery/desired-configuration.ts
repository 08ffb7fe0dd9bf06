import type { SsoConfiguration, SsoConfigurationInput } from './platform-api-types';

/** What the workspace has to give the platform; secrets with their value (from the vault) and hint. */
export interface DeliverableConfiguration {
  tenantId: string;
  clientId: string;
  secret: { value: string; hint: string; expiresAt: string } | undefined;
  partnerCenter: { clientId: string; secret: { value: string; hint: string; expiresAt: string } | undefined } | null;
  origin: string | null;
  enabled: boolean;
  authMode: 'hybrid' | 'entra-only' | 'local-only' | null;
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

const secretText = (s: { hint: string | null; set: boolean } | undefined, ofOtherApp = false) =>
  s?.set ? `secret ${s.hint ?? ''}…${ofOtherApp ? ' (of the previous client ID)' : ''}` : null;

/**
 * The platform already holds this secret (same hint and expiry) for this same client ID: no need to
 * send it again. A secret belongs to one app, so a changed client ID always needs its secret sent.
 */
function platformHas(
  current: { clientId: string; clientSecret: SsoConfiguration['clientSecret'] } | null | undefined,
  ours: { clientId: string; secret: { hint: string; expiresAt: string } | undefined },
): boolean {
  const held = current?.clientSecret;
  const secret = ours.secret;
  return (
    !!held?.set &&
    !!secret &&
    current?.clientId === ours.clientId &&
    held.hint === secret.hint &&
    (held.expiresAt === null || Date.parse(held.expiresAt) === Date.parse(secret.expiresAt))
  );
}

/** Field-by-field differences, in the admin's words; secrets by hint only. */
export function describeChanges(current: SsoConfiguration | undefined, desired: DeliverableConfiguration): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, from: string | null, to: string | null) => {
    if (from !== to) changes.push({ field, from, to });
  };
  compare('Tenant ID', current?.tenantId ?? null, desired.tenantId);
  compare('Client ID', current?.clientId ?? null, desired.clientId);
  if (desired.secret && !platformHas(current, desired)) {
    changes.push({
      field: 'Client secret',
      from: secretText(current?.clientSecret, !!current && current.clientId !== desired.clientId),
      to: `secret ${desired.secret.hint}…`,
    });
  }
  if (desired.partnerCenter) {
    compare('Partner Center client ID', current?.partnerCenter?.clientId ?? null, desired.partnerCenter.clientId);
    if (desired.partnerCenter.secret && !platformHas(current?.partnerCenter, desired.partnerCenter)) {
      changes.push({ field: 'Partner Center client secret', from: secretText(current?.partnerCenter?.clientSecret), to: `secret ${desired.partnerCenter.secret.hint}…` });
    }
  }
  compare('Origin', current?.origin ?? null, desired.origin);
  compare('Enabled', current ? String(current.enabled) : null, String(desired.enabled));
  compare('Sign-in mode', current?.authMode ?? null, desired.authMode);
  return changes;
}

/** The PUT body: secrets only when the platform does not already hold them (they are write-only). */
export function configurationInput(current: SsoConfiguration | undefined, desired: DeliverableConfiguration): SsoConfigurationInput {
  const pc = desired.partnerCenter;
  return {
    tenantId: desired.tenantId,
    clientId: desired.clientId,
    ...(desired.secret && !platformHas(current, desired)
      ? { clientSecret: desired.secret.value, clientSecretExpiresAt: desired.secret.expiresAt }
      : {}),
    partnerCenter: pc
      ? {
          clientId: pc.clientId,
          ...(pc.secret && !platformHas(current?.partnerCenter, pc)
            ? { clientSecret: pc.secret.value, clientSecretExpiresAt: pc.secret.expiresAt }
            : {}),
        }
      : null,
    origin: desired.origin,
    enabled: desired.enabled,
    authMode: desired.authMode,
  };
}

/** After a push: does what the platform reports match what was sent? (Secrets by hint.) */
export function readBackMismatches(current: SsoConfiguration | undefined, desired: DeliverableConfiguration): string[] {
  if (!current) return ['The platform reports no configuration after the push.'];
  return describeChanges(current, desired).map((c) => `${c.field}: the platform has ${c.from ?? 'nothing'}, expected ${c.to ?? 'nothing'}`);
}
