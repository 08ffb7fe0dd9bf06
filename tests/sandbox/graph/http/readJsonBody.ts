import type { SandboxRequest } from '../../http/SandboxRequest';
import { GraphHttpError } from './GraphHttpError';

/** The request body as a JSON object; Graph's OData reader rejects anything else with this message [OBS]. */
export async function readJsonBody(req: SandboxRequest): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = await req.json();
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  return value as Record<string, unknown>;
}
