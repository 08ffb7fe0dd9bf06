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

function replicating(ctx: GraphContext, sp: ServicePrincipal): boolean {
  const delay = ctx.rt.settings.replication.servicePrincipalReferenceDelayMs;
  return delay > 0 && ctx.rt.clock.now() - Date.parse(sp.createdDateTime) < delay;
}

/**
 * facts §4.2: for a while after a service principal is created, naming it in the URL of appRoleAssignedTo or as a
 * grant's client/resource fails with Directory_ObjectNotFound.
 */
export function requireReplicated(ctx: GraphContext, sp: ServicePrincipal): void {
  if (replicating(ctx, sp)) {
    throw new GraphHttpError(
      404,
      'Directory_ObjectNotFound',
      `Resource '${sp.id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
}

/**
 * The same delay seen from the other side: a just-created service principal given as the principalId of a new
 * appRoleAssignment is a reference the directory cannot resolve yet, and Graph answers 400 Request_BadRequest
 * "Not a valid reference update." (microsoftgraph/microsoft-graph-docs#20133; hashicorp/terraform-provider-azuread
 * retries a 400 matching exactly this message when creating app role assignments; msgraph-bicep-types#193).
 */
export function requireReplicatedReference(ctx: GraphContext, sp: ServicePrincipal): void {
  if (replicating(ctx, sp)) throw new GraphHttpError(400, 'Request_BadRequest', 'Not a valid reference update.');
}
