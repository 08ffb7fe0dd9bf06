// Regenerates tests/sandbox/data/graph-v1.0-metadata.trimmed.csdl, the part of Microsoft Graph's v1.0 CSDL
// the conformance test checks the sandbox against, from the full file beside this repository:
//   ../shared/data/graph-metadata/v1.0-Prod.csdl
// (microsoftgraph/msgraph-metadata, schemas/v1.0-Prod.csdl, commit f54f11b60956ea7b185ca0447b2b80805836ec7b).
//   npx tsx scripts/trim-graph-metadata.ts [path/to/v1.0-Prod.csdl]
import { readFileSync, writeFileSync } from 'node:fs';
import { fullGraphMetadataFile, trimGraphMetadata, trimmedGraphMetadataFile } from '../tests/sandbox/model/trimGraphMetadata';

const source = process.argv[2] ?? fullGraphMetadataFile;
const trimmed = trimGraphMetadata(readFileSync(source, 'utf8'));
writeFileSync(trimmedGraphMetadataFile, trimmed);
console.log(`Wrote ${trimmedGraphMetadataFile} (${trimmed.length} characters) from ${source}`);
