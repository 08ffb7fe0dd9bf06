import type { SandboxRequest } from '../http/SandboxRequest';
import type { PlatformAnswer } from './PlatformAnswer';
import { platformProblem } from './platformProblem';

/** The parsed JSON body (`undefined` when empty), or the 415/400 problem to answer instead. */
export async function readPlatformJsonBody(req: SandboxRequest): Promise<{ ok: true; body: unknown } | { ok: false; answer: PlatformAnswer }> {
  const raw = await req.body();
  if (raw.length === 0) return { ok: true, body: undefined };
  const mediaType = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) {
    return { ok: false, answer: platformProblem(415, 'unsupported_media_type', `The body must be application/json, not ${mediaType || 'untyped'}.`) };
  }
  try {
    return { ok: true, body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, answer: platformProblem(400, 'malformed_json', `The body is not JSON: ${(error as Error).message}`) };
  }
}
