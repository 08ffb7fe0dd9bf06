import type { Handler } from '../../http/Router';
import { checkCredentialsAgainstEntra } from '../checkCredentialsAgainstEntra';
import { jsonAnswer } from '../PlatformAnswer';
import type { TestResult } from '../platformApiTypes';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';
import { platformProblem } from '../platformProblem';

/** POST /v1/sso-configuration/test: the platform calls Entra with the stored credentials, as a real platform would. */
export function testSsoConfigurationRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, 'testSsoConfiguration', async (_req, org) => {
    const stored = backend.store().getConfiguration(org.id);
    if (!stored) return platformProblem(404, 'not_found', `${org.name} has no SSO configuration to test yet.`);
    const checks = await checkCredentialsAgainstEntra({
      authority: backend.rt.urls.authority,
      tenantId: stored.tenantId,
      clientId: stored.clientId,
      clientSecret: backend.secrets.open(stored.clientSecret.sealed, `${org.id}/clientSecret`),
      dispatcher: backend.entraDispatcher,
    });
    const result: TestResult = { ok: checks.every((c) => c.ok), checks, testedAt: backend.rt.clock.nowIso() };
    return jsonAnswer(200, result);
  });
}
