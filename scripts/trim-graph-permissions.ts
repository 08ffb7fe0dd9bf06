// Regenerates tests/sandbox/data/graph-service-principal-permissions.json, the trimmed Microsoft Graph
// permission catalogue the sandbox serves, from the sources beside this repository:
//   ../shared/data/graph-permissions/{permissions.json,provisioningInfo.json}
// (microsoftgraph/microsoft-graph-devx-content, permissions/new, commit 6cbd6bbd665a877560fdefbad74f3bdb5b57af88).
//   npx tsx scripts/trim-graph-permissions.ts [sourceDir]
import { writeFileSync } from 'node:fs';
import {
  graphPermissionEntriesFromSources,
  sharedGraphPermissionsDir,
  trimmedCatalogFile,
} from '../tests/sandbox/model/graphPermissionCatalog';

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
