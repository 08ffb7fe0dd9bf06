import type { Handler } from '../../http/Router';
import { jsonAnswer } from '../PlatformAnswer';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';
import { platformProblem } from '../platformProblem';
import { redactConfiguration } from '../redactConfiguration';

/** GET /v1/sso-configuration: the stored configuration without its secrets; 404 before the first PUT. */
export function getSsoConfigurationRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, 'getSsoConfiguration', (_req, org) => {
    const stored = backend.store().getConfiguration(org.id);
    if (!stored) return platformProblem(404, 'not_found', `${org.name} has no SSO configuration yet; PUT /v1/sso-configuration creates it.`);
    return jsonAnswer(200, redactConfiguration(stored), { etag: `"${stored.version}"` });
  });
}
