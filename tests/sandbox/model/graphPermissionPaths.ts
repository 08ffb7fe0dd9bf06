import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** For each "METHOD /path" (path lower-cased), the permissions Microsoft lists per scheme, sorted. */
export type GraphPermissionPaths = Record<string, Record<string, string[]>>;

/** The trimmed copy kept in the repository: only the paths the sandbox's authorisation table cites. */
export const trimmedPermissionPathsFile = fileURLToPath(new URL('../data/graph-permission-paths.json', import.meta.url));

interface PermissionsFile {
  permissions: Record<string, { pathSets?: Array<{ schemeKeys: string[]; methods: string[]; paths: Record<string, string> }> }>;
}

/** From microsoft-graph-devx-content's permissions.json: the permission names per scheme for each of `keys`. */
export function graphPermissionPathsFromSources(dir: string, keys: readonly string[]): GraphPermissionPaths {
  const file = JSON.parse(readFileSync(join(dir, 'permissions.json'), 'utf8')) as PermissionsFile;
  const wanted = new Set(keys);
  const index = new Map<string, Map<string, Set<string>>>();
  for (const [name, permission] of Object.entries(file.permissions)) {
    for (const set of permission.pathSets ?? []) {
      for (const path of Object.keys(set.paths)) {
        for (const method of set.methods) {
          const key = `${method} ${path.toLowerCase()}`;
          if (!wanted.has(key)) continue;
          const bySchema = index.get(key) ?? new Map<string, Set<string>>();
          for (const scheme of set.schemeKeys) bySchema.set(scheme, (bySchema.get(scheme) ?? new Set()).add(name));
          index.set(key, bySchema);
        }
      }
    }
  }
  const out: GraphPermissionPaths = {};
  for (const key of [...wanted].sort()) {
    const bySchema = index.get(key);
    if (!bySchema) continue;
    out[key] = Object.fromEntries([...bySchema.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([scheme, names]) => [scheme, [...names].sort()]));
  }
  return out;
}

/** The keys the sandbox's authorisation table cites (its `source` per requirement), normalised. */
export function permissionPathKey(source: string): string {
  return source.replace(/ (.*)$/, (_, p: string) => ` ${p.toLowerCase()}`);
}

export function loadTrimmedPermissionPaths(): GraphPermissionPaths {
  return (JSON.parse(readFileSync(trimmedPermissionPathsFile, 'utf8')) as { paths: GraphPermissionPaths }).paths;
}
