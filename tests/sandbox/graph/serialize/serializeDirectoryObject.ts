import type { GraphContext } from '../GraphContext';
import { serializeApplication } from './serializeApplication';
import { serializeGroup } from './serializeGroup';
import { serializeServicePrincipal } from './serializeServicePrincipal';
import { serializeUser } from './serializeUser';

/**
 * Any directory object of the caller's tenant by id, as Graph returns it in a directoryObject collection
 * (members, owners, memberOf): its own default properties with `@odata.type` naming the derived type.
 * Undefined when the id names nothing here.
 */
export function serializeDirectoryObject(ctx: GraphContext, objectId: string): Record<string, unknown> | undefined {
  const id = objectId.toLowerCase();
  const user = ctx.directory.users.get(id);
  if (user) return { '@odata.type': '#microsoft.graph.user', ...serializeUser(user) };
  const group = ctx.directory.groups.get(id);
  if (group) return { '@odata.type': '#microsoft.graph.group', ...serializeGroup(group, ctx.data, ctx.directory.defaultDomain) };
  const sp = ctx.directory.servicePrincipals.get(id);
  if (sp) return { '@odata.type': '#microsoft.graph.servicePrincipal', ...serializeServicePrincipal(sp) };
  const app = ctx.directory.applications.get(id);
  if (app) return { '@odata.type': '#microsoft.graph.application', ...serializeApplication(app, ctx.data.applicationExtras.get(app.id)) };
  return undefined;
}

/** Whether an id names a user, group or service principal of this tenant (what a group may contain). */
export function directoryObjectKind(ctx: GraphContext, objectId: string): 'user' | 'group' | 'servicePrincipal' | 'application' | undefined {
  const id = objectId.toLowerCase();
  if (ctx.directory.users.has(id)) return 'user';
  if (ctx.directory.groups.has(id)) return 'group';
  if (ctx.directory.servicePrincipals.has(id)) return 'servicePrincipal';
  if (ctx.directory.applications.has(id)) return 'application';
  return undefined;
}
