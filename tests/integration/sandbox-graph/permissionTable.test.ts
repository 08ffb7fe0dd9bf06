import { describe, expect, it } from 'vitest';
import { graphPermissions } from '../../sandbox/graph/auth/graphPermissions';
import { graphRoutes } from '../../sandbox/graph/graphRoutes';
import { defaultGraphSettings } from '../../sandbox/graph/GraphSettings';
import { loadTrimmedPermissionPaths, permissionPathKey } from '../../sandbox/model/graphPermissionPaths';

/** METHOD /path (lower-case) -> scheme -> permission names: the repository's trimmed copy of Microsoft's permissions.json. */
function loadIndex(): Map<string, Map<string, Set<string>>> {
  return new Map(
    Object.entries(loadTrimmedPermissionPaths()).map(([key, bySchema]) => [key, new Map(Object.entries(bySchema).map(([scheme, names]) => [scheme, new Set(names)]))]),
  );
}

describe('the Graph authorisation table follows data/graph-permissions/permissions.json', () => {
  const index = loadIndex();
  for (const [name, requirement] of Object.entries(graphPermissions)) {
    it(`${name} (${requirement.source}) names only permissions Microsoft lists for that path`, () => {
      const bySchema = index.get(permissionPathKey(requirement.source));
      expect(bySchema, `no pathSet for ${requirement.source}`).toBeDefined();
      const delegated = new Set(requirement.delegated.flat());
      const application = new Set(requirement.application.flat());
      expect([...delegated].filter((p) => !bySchema?.get('DelegatedWork')?.has(p))).toEqual([]);
      expect([...application].filter((p) => !bySchema?.get('Application')?.has(p))).toEqual([]);
    });
  }

  it('every route declares a requirement', () => {
    const settings = defaultGraphSettings();
    for (const route of graphRoutes) {
      const requirement = typeof route.permissions === 'function' ? route.permissions(settings) : route.permissions;
      expect(requirement.delegated.length + requirement.application.length, `${route.method} ${route.pattern}`).toBeGreaterThan(0);
    }
  });
});
