import type { User } from '../../model/directoryTypes';
import { serializeUser } from './serializeUser';

/**
 * A user with the properties Graph returns only when $select names them, besides the default set
 * (user resource, v1.0: "returned only on $select"), so a selection of them is answered, not refused.
 */
export function serializeUserSelectable(user: User): Record<string, unknown> {
  return {
    ...serializeUser(user),
    accountEnabled: user.accountEnabled,
    userType: user.userType,
    createdDateTime: user.createdDateTime,
  };
}
