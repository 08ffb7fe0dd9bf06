import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fullGraphMetadataFile, graphMetadataSource, trimGraphMetadata, trimmedGraphMetadataFile } from '../../sandbox/model/trimGraphMetadata';

const fullPresent = existsSync(fullGraphMetadataFile);

describe('the trimmed Graph v1.0 metadata in the repository', () => {
  it('names its source and holds the types the conformance test checks', () => {
    const trimmed = readFileSync(trimmedGraphMetadataFile, 'utf8');
    expect(trimmed).toContain(graphMetadataSource);
    for (const type of ['application', 'servicePrincipal', 'passwordCredential', 'directoryRole', 'conditionalAccessPolicyState']) {
      expect(trimmed, type).toMatch(new RegExp(`<(EntityType|ComplexType|EnumType) Name="${type}"`));
    }
  });

  // Runs only where Microsoft's full file is beside the repository; elsewhere the skip says so.
  it.skipIf(!fullPresent)(
    fullPresent
      ? `is exactly what ${fullGraphMetadataFile} yields (regenerate with scripts/trim-graph-metadata.ts)`
      : `drift check skipped: ${fullGraphMetadataFile} is not present (set ENTRA_ONBOARD_SHARED_DATA to Microsoft's reference data to run it)`,
    () => {
      expect(readFileSync(trimmedGraphMetadataFile, 'utf8')).toBe(trimGraphMetadata(readFileSync(fullGraphMetadataFile, 'utf8')));
    },
  );
});
