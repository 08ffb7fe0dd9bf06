// Regenerates tests/sandbox/data/graph-service-principal-permissions.json, the trimmed Microsoft Graph
// permission catalogue the sandbox serves, and tests/sandbox/data/graph-permission-paths.json, the
// permissions Microsoft lists for the paths the sandbox authorises, from the sources beside this repository:
//   ../shared/data/graph-permissions/{permissions.json,provisioningInfo.json}
// (microsoftgraph/microsoft-graph-devx-content, permissions/new, commit 6cbd6bbd665a877560fdefbad74f3bdb5b57af88).
//   npx tsx scripts/trim-graph-permissions.ts [sourceDir]
import { writeFileSync } from 'node:fs';
import {
  graphPermissionEntriesFromSources,
  sharedGraphPermissionsDir,
  trimmedCatalogFile,
} from '../tests/sandbox/model/graphPermissionCatalog';
import { graphPermissionPathsFromSources, permissionPathKey, trimmedPermissionPathsFile } from '../tests/sandbox/model/graphPermissionPaths';
import { graphPermissions } from '../tests/sandbox/graph/auth/graphPermissions';

const dir = process.argv[2] ?? sharedGraphPermissionsDir;
const entries = graphPermissionEntriesFromSources(dir);
const file = {
  $source:
    'Trimmed from microsoftgraph/microsoft-graph-devx-content permissions/new (commit 6cbd6bbd665a877560fdefbad74f3bdb5b57af88): ' +
    'the Microsoft Graph service principal’s delegated scopes and app roles in the public cloud. Regenerate with scripts/trim-graph-permissions.ts.',
  ...entries,
};
writeFileSync(trimmedCatalogFile, `${JSON.stringify(file, null, 1)}\n`);
console.log(`Wrote ${entries.scopes.length} scopes and ${entries.appRoles.length} app roles to ${trimmedCatalogFile}`);

const paths = graphPermissionPathsFromSources(dir, Object.values(graphPermissions).map((r) => permissionPathKey(r.source)));
const pathsFile = {
  $source:
    'Trimmed from microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json (commit 6cbd6bbd665a877560fdefbad74f3bdb5b57af88): ' +
    'the permissions listed per scheme for each path the sandbox authorises (tests/sandbox/graph/auth/graphPermissions.ts). Regenerate with scripts/trim-graph-permissions.ts.',
  paths,
};
writeFileSync(trimmedPermissionPathsFile, `${JSON.stringify(pathsFile, null, 1)}\n`);
console.log(`Wrote ${Object.keys(paths).length} paths to ${trimmedPermissionPathsFile}`);
