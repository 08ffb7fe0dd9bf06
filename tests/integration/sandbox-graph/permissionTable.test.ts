import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphPermissions } from '../../sandbox/graph/auth/graphPermissions';
import { graphRoutes } from '../../sandbox/graph/graphRoutes';
import { defaultGraphSettings } from '../../sandbox/graph/GraphSettings';

interface PermissionsFile {
  permissions: Record<string, { pathSets?: Array<{ schemeKeys: string[]; methods: string[]; paths: Record<string, string> }> }>;
}

/** METHOD /path (lower-case) -> scheme -> permission names, from Microsoft's permissions.json. */
function loadIndex(): Map<string, Map<string, Set<string>>> {
  const file = JSON.parse(readFileSync('/work/shared/data/graph-permissions/permissions.json', 'utf8')) as PermissionsFile;
  const index = new Map<string, Map<string, Set<string>>>();
  for (const [name, permission] of Object.entries(file.permissions)) {
    for (const set of permission.pathSets ?? []) {
      for (const path of Object.keys(set.paths)) {
        for (const method of set.methods) {
          const key = `${method} ${path.toLowerCase()}`;
          const bySchema = index.get(key) ?? new Map<string, Set<string>>();
          for (const scheme of set.schemeKeys) bySchema.set(scheme, (bySchema.get(scheme) ?? new Set()).add(name));
          index.set(key, bySchema);
        }
      }
    }
  }
  return index;
}

describe('the Graph authorisation table follows data/graph-permissions/permissions.json', () => {
  const index = loadIndex();
  for (const [name, requirement] of Object.entries(graphPermissions)) {
    it(`${name} (${requirement.source}) names only permissions Microsoft lists for that path`, () => {
      const bySchema = index.get(requirement.source.replace(/ (.*)$/, (_, p: string) => ` ${p.toLowerCase()}`));
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
