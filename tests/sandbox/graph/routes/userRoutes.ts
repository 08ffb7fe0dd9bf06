import type { User } from '../../model/directoryTypes';
import { graphPermissions } from '../auth/graphPermissions';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { parseSelect } from '../odata/applySelect';
import { entityReply } from '../odata/entityReply';
import { listCollection } from '../odata/listCollection';
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
    // learn.microsoft.com/graph/api/user-list: the default property set, the others only on $select; paged.
    method: 'GET',
    pattern: '/users',
    permissions: graphPermissions.listUsers,
    handle: (ctx) => {
      const selectable = parseSelect(ctx.req.query('$select')) !== null;
      return listCollection(ctx, [...ctx.directory.users.values()], {
        contextFragment: 'users',
        resourceName: 'User',
        typeName: 'user',
        filterable: {
          id: (u) => u.id,
          displayname: (u) => u.displayName,
          userprincipalname: (u) => u.userPrincipalName,
          mail: (u) => u.mail,
          givenname: (u) => u.givenName,
          surname: (u) => u.surname,
          usertype: (u) => u.userType,
          accountenabled: (u) => u.accountEnabled,
        },
        serialize: (u) => (selectable ? serializeUserSelectable(u) : serializeUser(u)),
      });
    },
  },
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
