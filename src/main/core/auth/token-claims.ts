import { decodeJwt } from 'jose';

/**
 * The claims of a token we hold, read without verifying it: we read our own tokens' claims (roles, wids, the
 * signed-in account) to shape what we show; the service the token is sent to verifies it. Empty for anything that
 * is not a readable JWT (Microsoft may make tokens for its own APIs opaque; a platform's API key).
 */
export function tokenClaims(token: string): Record<string, unknown> {
  try {
    return decodeJwt(token);
  } catch {
    return {};
  }
}
