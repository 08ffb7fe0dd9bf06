import { fileURLToPath } from 'node:url';

/** docs/platform-api.yaml in this repository: the contract the reference backend implements. */
export const platformApiDocPath = fileURLToPath(new URL('../../../docs/platform-api.yaml', import.meta.url));
