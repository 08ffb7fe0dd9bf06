import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  graphPermissionEntriesFromSources,
  loadGraphPermissionCatalog,
  sharedGraphPermissionsDir,
  trimmedCatalogFile,
} from '../../sandbox/model/graphPermissionCatalog';
import { graphPermissionPathsFromSources, loadTrimmedPermissionPaths, permissionPathKey } from '../../sandbox/model/graphPermissionPaths';
import { graphPermissions } from '../../sandbox/graph/auth/graphPermissions';

const sources = join(sharedGraphPermissionsDir, 'permissions.json');
const present = existsSync(sources);
/** Shown as the test's name when the full files are absent, so the skip says why. */
const absent = (what: string) => `drift check of ${what} skipped: ${sources} is not present (set ENTRA_ONBOARD_SHARED_DATA to Microsoft's reference data to run it)`;

describe('the trimmed Graph permission catalogue in the repository', () => {
  it.skipIf(!present)(
    present ? 'is exactly what the Microsoft sources beside the repository yield (regenerate with scripts/trim-graph-permissions.ts)' : absent('the permission catalogue'),
    () => {
      const trimmed = JSON.parse(readFileSync(trimmedCatalogFile, 'utf8')) as Record<string, unknown>;
      expect({ scopes: trimmed['scopes'], appRoles: trimmed['appRoles'] }).toEqual(graphPermissionEntriesFromSources(sharedGraphPermissionsDir));
    },
  );

  it.skipIf(!present)(
    present ? 'lists, per path the sandbox authorises, exactly what permissions.json lists (regenerate with scripts/trim-graph-permissions.ts)' : absent('the permission paths'),
    () => {
      const keys = Object.values(graphPermissions).map((r) => permissionPathKey(r.source));
      expect(loadTrimmedPermissionPaths()).toEqual(graphPermissionPathsFromSources(sharedGraphPermissionsDir, keys));
    },
  );

  it('names its source and serves the permissions the platform profiles use, with real GUIDs', () => {
    expect(String((JSON.parse(readFileSync(trimmedCatalogFile, 'utf8')) as Record<string, unknown>)['$source'])).toContain('6cbd6bbd665a877560fdefbad74f3bdb5b57af88');
    const catalog = loadGraphPermissionCatalog();
    expect(catalog.appRoleByValue.get('user.read.all')?.id).toBe('df021288-bdef-4463-88db-98f22de89214');
    expect(catalog.scopeByValue.get('user.read')?.id).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
    expect(catalog.scopeByValue.get('openid')?.id).toBe('37f7f235-527c-4136-accd-4a02d197296e');
  });
});
