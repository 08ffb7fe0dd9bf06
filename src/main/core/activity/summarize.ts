/** The keys (dotted paths) an entry may keep from a body: names, object IDs, permission names. Never secret values. */
export const summaryKeys = [
  'id',
  'appId',
  'applicationId',
  'displayName',
  'uniqueName',
  'keyId',
  'clientId',
  'resourceId',
  'principalId',
  'appRoleId',
  'consentType',
  'scope',
  'state',
  'tenantId',
  'status',
  'passwordCredential.displayName',
  'passwordCredential.endDateTime',
  'endDateTime',
  'appRoleAssignmentRequired',
] as const;

type Summary = Record<string, string | number | boolean>;

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * A whitelisted summary of a JSON body: only the keys above, only scalar values, each cut to 200
 * characters, with `prefix` before each key ("sent." / "answer."). A key not on the list (secretText,
 * clientSecret, a password) can never reach the log, whatever a service puts in its bodies.
 */
export function summarize(body: unknown, prefix: string, into: Summary = {}): Summary {
  if (typeof body !== 'object' || body === null) return into;
  for (const key of summaryKeys) {
    const value = at(body, key);
    if (typeof value === 'string') into[`${prefix}${key}`] = value.slice(0, 200);
    else if (typeof value === 'number' || typeof value === 'boolean') into[`${prefix}${key}`] = value;
  }
  // A list sent in one request (the platform's batch of tenants) is counted, not copied.
  for (const [key, value] of Object.entries(body)) if (Array.isArray(value)) into[`${prefix}${key}.count`] = value.length;
  return into;
}

/** JSON text to a value, or undefined for anything else (form bodies, binary, empty). */
export function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}
