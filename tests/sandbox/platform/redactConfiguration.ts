import type { SecretStatus, SsoConfiguration } from './platformApiTypes';
import type { StoredConfiguration, StoredSecret } from './PlatformStore';

const secretStatus = (secret: StoredSecret): SecretStatus => ({ set: true, hint: secret.hint, expiresAt: secret.expiresAt });

/** The configuration as the API shows it: what is stored, minus every secret (only whether set, hint, expiry). */
export function redactConfiguration(c: StoredConfiguration): SsoConfiguration {
  return {
    tenantId: c.tenantId,
    clientId: c.clientId,
    clientSecret: secretStatus(c.clientSecret),
    partnerCenter: c.partnerCenter ? { clientId: c.partnerCenter.clientId, clientSecret: secretStatus(c.partnerCenter.clientSecret) } : null,
    origin: c.origin,
    enabled: c.enabled,
    authMode: c.authMode,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}
