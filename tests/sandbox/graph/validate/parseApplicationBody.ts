import { graphErrors } from '../http/graphErrors';
import { canonicalPropertyNames } from '../odata/canonicalPropertyNames';
import { GraphHttpError } from '../http/GraphHttpError';
import { applicationPropertySchemas, readOnlyApplicationProperties, type ApplicationPropertyName } from './applicationSchemas';

export type ApplicationPatch = Partial<{ [K in ApplicationPropertyName]: unknown }>;

/** Validates a POST/PATCH application body property by property (unknown -> 400, bad value -> 400). */
export function parseApplicationBody(raw: Record<string, unknown>): ApplicationPatch {
  const patch: ApplicationPatch = {};
  // Top-level names are matched without regard to case (odata/canonicalPropertyNames).
  const body = canonicalPropertyNames(raw, [...Object.keys(applicationPropertySchemas), ...readOnlyApplicationProperties, 'passwordCredentials']);
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue;
    if (key === 'passwordCredentials') {
      // facts §1.1/§1.3: secrets only through addPassword.
      throw new GraphHttpError(400, 'Request_BadRequest', "Property 'passwordCredentials' is read-only and cannot be set.");
    }
    if (readOnlyApplicationProperties.has(key)) {
      throw new GraphHttpError(400, 'Request_BadRequest', `Property '${key}' is read-only and cannot be set.`);
    }
    const schema = (applicationPropertySchemas as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>)[key];
    if (!schema) throw graphErrors.unknownProperty(key, 'application');
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw graphErrors.invalidProperty(key, 'Application');
    patch[key as ApplicationPropertyName] = parsed.data;
  }
  return patch;
}
