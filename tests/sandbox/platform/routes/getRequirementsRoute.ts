import type { Handler } from '../../http/Router';
import { jsonAnswer } from '../PlatformAnswer';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';

/** GET /v1/onboarding/requirements: the calling organisation's requirements, as seeded. */
export function getRequirementsRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, 'getRequirements', (_req, org) => jsonAnswer(200, org.requirements));
}
