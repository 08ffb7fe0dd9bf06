import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Microsoft's full reference files (Graph permissions, v1.0 CSDL), kept beside the repository in
 * `../shared/data` or wherever ENTRA_ONBOARD_SHARED_DATA points. Tests never need them: the repository
 * holds trimmed copies, and only the drift checks read these, when they exist.
 */
export const sharedDataDir = resolve(
  process.env['ENTRA_ONBOARD_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url)),
);
