import type { Client } from '@microsoft/microsoft-graph-client';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import { getServicePrincipalByAppId } from '../graph/ops/service-principals';
import type { GraphServicePrincipal } from '../graph/ops/graph-types';

export interface ResolvedPermission {
  resourceAppId: string;
  resourceSpId: string;
  name: string;
  id: string;
  type: 'Scope' | 'Role';
}

/**
 * Permission names to GUIDs, read from the tenant's own resource service principals (Microsoft
 * Graph, Partner Center), as the anchors' tools do: never from a table of our own.
 */
export class ResourceCatalog {
  private readonly cache = new Map<string, Promise<GraphServicePrincipal>>();

  constructor(private readonly client: Client) {}

  resource(appId: string): Promise<GraphServicePrincipal> {
    let found = this.cache.get(appId);
    if (!found) {
      found = getServicePrincipalByAppId(this.client, appId, ['id', 'appId', 'displayName', 'appRoles', 'oauth2PermissionScopes']).then((sp) => {
        if (!sp) {
          throw new AppError(ErrorCode.ResourceMissing, `This tenant has no service principal for the API ${appId}.`, {
            fix: 'The API must be available in your tenant before its permissions can be granted. For Partner Center, sign in to Partner Center once with an admin account.',
          });
        }
        return sp;
      });
      this.cache.set(appId, found);
    }
    return found;
  }

  async resolve(resourceAppId: string, names: readonly string[], type: 'Scope' | 'Role'): Promise<ResolvedPermission[]> {
    if (names.length === 0) return [];
    const sp = await this.resource(resourceAppId);
    return names.map((name) => {
      const match =
        type === 'Scope'
          ? sp.oauth2PermissionScopes?.find((s) => s.value === name)
          : sp.appRoles?.find((r) => r.value === name && (r.allowedMemberTypes ?? ['Application']).includes('Application'));
      if (!match) {
        throw new AppError(ErrorCode.ResourceMissing, `${sp.displayName ?? resourceAppId} has no ${type === 'Scope' ? 'delegated' : 'application'} permission named ${name}.`, {
          fix: 'Check the permission name in the platform profile or discovery document.',
        });
      }
      return { resourceAppId, resourceSpId: sp.id, name, id: match.id, type };
    });
  }
}
