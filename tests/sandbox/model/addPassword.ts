import { DirectoryError } from './DirectoryError';
import { randomBytes } from 'node:crypto';
import { hashSecret } from './hashSecret';
import type { SandboxState } from './SandboxState';
import type { Application, PasswordCredential } from './directoryTypes';

export interface AddPasswordInput {
  displayName?: string | null;
  startDateTime?: string;
  endDateTime?: string;
}

/** The secretText alphabet Entra uses: letters, digits and a few symbols, 40 characters (facts §3.1). */
function generateSecretText(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~.-_';
  const bytes = randomBytes(40);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

const twoYearsMs = 2 * 365 * 24 * 3600 * 1000;

/** POST /applications/{id}/addPassword semantics (facts §3.1): start defaults to now, end to start + 2 years. */
export function addPassword(
  state: SandboxState,
  app: Application,
  input: AddPasswordInput = {},
): { credential: PasswordCredential; secretText: string } {
  const nowMs = state.clock.now();
  const start = input.startDateTime ? Date.parse(input.startDateTime) : nowMs;
  const end = input.endDateTime ? Date.parse(input.endDateTime) : start + twoYearsMs;
  if (Number.isNaN(start) || Number.isNaN(end)) throw new DirectoryError('startDateTime/endDateTime must be ISO 8601 dates');
  const secretText = generateSecretText();
  const credential: PasswordCredential = {
    keyId: state.random.uuid(),
    displayName: input.displayName ?? null,
    hint: secretText.slice(0, 3),
    startDateTime: new Date(start).toISOString(),
    endDateTime: new Date(end).toISOString(),
    customKeyIdentifier: null,
    secretText: null,
    sandbox: { secretHash: hashSecret(secretText), createdAtMs: nowMs },
  };
  app.passwordCredentials.push(credential);
  return { credential, secretText };
}
