import type { Application } from '../../model/directoryTypes';

/** POST /applications/{id}/removePassword (facts §3.2); false when no credential has that keyId. */
export function removePassword(app: Application, keyId: string): boolean {
  const index = app.passwordCredentials.findIndex((c) => c.keyId.toLowerCase() === keyId.toLowerCase());
  if (index < 0) return false;
  app.passwordCredentials.splice(index, 1);
  return true;
}
