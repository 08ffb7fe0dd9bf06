import type { Mount, MountErrorFormatter } from '../http/Mount';
import { Router } from '../http/Router';
import type { SandboxRequest } from '../http/SandboxRequest';
import type { MountName } from '../settings/SandboxSettings';

/**
 * A mount point with an empty router: Graph (`/graph`), Partner Center (`/partnercenter`) and the platform
 * backend (`/platform`). The next phase registers routes on `router`; fault injection is already in front.
 */
export function createServiceMount(
  name: MountName,
  prefix: string,
  errors: MountErrorFormatter,
  throttleKey: (req: SandboxRequest) => Promise<string | null>,
): Mount {
  return { name, prefix, router: new Router(), middleware: [], errors, throttleKey };
}
