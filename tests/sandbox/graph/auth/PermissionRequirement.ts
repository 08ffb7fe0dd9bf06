/**
 * Which Graph permissions unlock an endpoint. Each list holds alternatives (any one suffices); an alternative is
 * a set of permissions that must all be present (conditional access writes need several, facts §12.1).
 * An empty `application` list means the endpoint does not support app-only calls.
 */
export interface PermissionRequirement {
  delegated: readonly (readonly string[])[];
  application: readonly (readonly string[])[];
  /**
   * The `METHOD /path` of data/graph-permissions/permissions.json this follows (its pathSets), so a test can
   * check the table against Microsoft's data.
   */
  source: string;
}

export function anyOf(...names: string[]): string[][] {
  return names.map((n) => [n]);
}
