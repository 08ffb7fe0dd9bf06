import type { User } from '../../model/directoryTypes';
import { graphPermissions } from '../auth/graphPermissions';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { parseSelect } from '../odata/applySelect';
import { entityReply } from '../odata/entityReply';
import { serializeUser } from '../serialize/serializeUser';
import { serializeUserSelectable } from '../serialize/serializeUserSelectable';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Permissions that reach other users; User.Read and User.ReadWrite reach only the caller's own object. */
const readsOthers = ['user.readbasic.all', 'user.read.all', 'user.readwrite.all', 'directory.read.all', 'directory.readwrite.all'];

/** A user of this tenant by object ID or userPrincipalName (case-insensitive), else 404 Request_ResourceNotFound. */
function findUserOr404(ctx: GraphContext): User {
  const key = ctx.params.id ?? '';
  const user = guid.test(key) ? ctx.directory.users.get(key.toLowerCase()) : ctx.directory.findUserByUpn(key);
  if (!user) throw graphErrors.notFound(key);
  return user;
}

export const userRoutes: GraphRoute[] = [
  {
    // GET /users/{id | userPrincipalName}; /users('$x@y') reaches here too (normalizeGraphPath).
    method: 'GET',
    pattern: '/users/:id',
    permissions: graphPermissions.getUser,
    handle: (ctx) => {
      const user = findUserOr404(ctx);
      const onlySelf = ctx.caller.kind === 'delegated' && !readsOthers.some((p) => ctx.caller.scopes.has(p));
      if (onlySelf && user.id !== ctx.caller.user?.id) throw graphErrors.insufficientPrivileges();
      const entity = parseSelect(ctx.req.query('$select')) ? serializeUserSelectable(user) : serializeUser(user);
      return entityReply(ctx, 200, 'users', 'user', entity);
    },
  },
];
