import type { SandboxRequest } from '../http/SandboxRequest';

/** The token of `Authorization: Bearer <token>`, or null. */
export function platformBearerToken(req: SandboxRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
  return match?.[1] ?? null;
}
