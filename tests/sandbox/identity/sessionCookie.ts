import type { SandboxRuntime } from '../SandboxRuntime';
import type { SandboxRequest } from '../http/SandboxRequest';
import type { Session } from './IdentityStore';

/** Like Entra's ESTSAUTH: a browser session cookie on the identity origin. */
export const sessionCookieName = 'sbx_estsauth';

export function sessionCookieHeader(session: Session): string {
  return `${sessionCookieName}=${encodeURIComponent(session.id)}; Path=/; Secure; HttpOnly; SameSite=None`;
}

export function getOrCreateSession(rt: SandboxRuntime, req: SandboxRequest): Session {
  const id = req.cookies()[sessionCookieName];
  const existing = id ? rt.identity.sessions.get(id) : undefined;
  return existing ?? rt.identity.newSession();
}
