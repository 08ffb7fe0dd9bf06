import type { PasswordCredential } from '../../model/directoryTypes';

/** passwordCredential as Graph lists it: secretText is always null after addPassword (facts §3.1). */
export function serializePasswordCredential(c: PasswordCredential, secretText: string | null = null): Record<string, unknown> {
  return {
    customKeyIdentifier: c.customKeyIdentifier,
    displayName: c.displayName,
    endDateTime: c.endDateTime,
    hint: c.hint,
    keyId: c.keyId,
    secretText,
    startDateTime: c.startDateTime,
  };
}
