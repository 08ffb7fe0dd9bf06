import { tokenClaims } from '../auth/token-claims';

/** Who a bearer token speaks for, read from its payload; never the token itself. */
export interface TokenActor {
  who: string;
  oid: string | null;
  tid: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v.slice(0, 256) : null);

/**
 * The account in an Entra access token (claims reference, learn.microsoft.com/entra/identity-platform/
 * access-token-claims-reference): `preferred_username` (v2.0 tokens) or `upn`/`unique_name` (v1.0), with
 * `oid` and `tid`. An app-only token (client credentials: `idtyp` "app", no user claims) is named by
 * its `appid`/`azp`. Decoded only, not validated: the service the token was sent to validates it,
 * and the log records what was sent. Undefined for anything that is not a readable JWT (a platform's
 * API token, an opaque Microsoft token).
 */
export function actorFromAuthorization(authorization: string | null | undefined): TokenActor | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const claims = tokenClaims(match[1]!);
  const oid = str(claims['oid']);
  const tid = str(claims['tid']);
  const user = str(claims['preferred_username']) ?? str(claims['upn']) ?? str(claims['unique_name']);
  if (user && claims['idtyp'] !== 'app') return { who: user, oid, tid };
  const app = str(claims['appid']) ?? str(claims['azp']);
  if (app) return { who: `app ${app}`, oid, tid };
  return oid ? { who: `object ${oid}`, oid, tid } : undefined;
}
