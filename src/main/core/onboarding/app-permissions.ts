import type { AppRegistrationSpec } from '../platforms/platform-profile';
import { MICROSOFT_GRAPH_APP_ID } from '../platforms/well-known-apps';
import type { ResolvedPermission, ResourceCatalog } from './resource-catalog';

/** Every permission an app spec names, resolved to GUIDs on this tenant's resource service principals. */
export async function resolveAppPermissions(spec: AppRegistrationSpec, catalog: ResourceCatalog): Promise<ResolvedPermission[]> {
  const parts = await Promise.all([
    catalog.resolve(MICROSOFT_GRAPH_APP_ID, spec.graph.delegated, 'Scope'),
    catalog.resolve(MICROSOFT_GRAPH_APP_ID, spec.graph.application, 'Role'),
    ...spec.otherDelegated.map((o) => catalog.resolve(o.resourceAppId, o.scopes, 'Scope')),
  ]);
  return parts.flat();
}
