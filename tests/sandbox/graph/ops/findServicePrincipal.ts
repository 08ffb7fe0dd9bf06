import type { ServicePrincipal } from '../../model/directoryTypes';
import type { GraphContext } from '../GraphContext';
import { graphErrors } from '../http/graphErrors';
import { GraphHttpError } from '../http/GraphHttpError';
import { parseKey } from '../http/normalizeGraphPath';

/** A service principal of the caller's tenant by object id or `(appId='…')` (facts §4, §5.2). */
export function findServicePrincipalOr404(ctx: GraphContext, keyParam: string): ServicePrincipal {
  const key = parseKey(keyParam);
  let sp: ServicePrincipal | undefined;
  if (key.name === 'id') sp = ctx.directory.servicePrincipals.get(key.value.toLowerCase());
  else if (key.name === 'appid') sp = ctx.directory.findServicePrincipalByAppId(key.value);
  else throw graphErrors.badRequest(`The key property '${key.name}' is not an alternate key of 'servicePrincipal'.`);
  if (!sp) throw graphErrors.notFound(key.value);
  return sp;
}

/**
 * facts §4.2: for a while after a service principal is created, references to it (appRoleAssignedTo,
 * oauth2PermissionGrants) fail with Directory_ObjectNotFound.
 */
export function requireReplicated(ctx: GraphContext, sp: ServicePrincipal): void {
  const delay = ctx.settings.replication.servicePrincipalReferenceDelayMs;
  if (delay > 0 && ctx.rt.clock.now() - Date.parse(sp.createdDateTime) < delay) {
    throw new GraphHttpError(
      404,
      'Directory_ObjectNotFound',
      `Resource '${sp.id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
}
