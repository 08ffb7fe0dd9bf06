import type { Handler } from '../../http/Router';
import { canonicalJson } from '../canonicalJson';
import type { ValidationIssue } from '../loadPlatformApiValidator';
import { parseIfMatch } from '../parseIfMatch';
import { jsonAnswer, type PlatformAnswer } from '../PlatformAnswer';
import type { SsoConfiguration, SsoConfigurationInput } from '../platformApiTypes';
import type { PlatformBackend } from '../PlatformBackend';
import { platformOperation } from '../platformOperation';
import type { PlatformOrganisation } from '../PlatformOrganisation';
import { platformProblem } from '../platformProblem';
import type { StoredSecret } from '../PlatformStore';
import { readPlatformJsonBody } from '../readPlatformJsonBody';
import { redactConfiguration } from '../redactConfiguration';

const operationId = 'putSsoConfiguration';
/** How long an Idempotency-Key is remembered, per organisation (sandbox clock, so tests can move past it). */
export const idempotencyWindowMs = 24 * 3600 * 1000;

const etag = (version: number): string => `"${version}"`;
/** Entra shows a secret's first three characters; a short secret would give too much of itself away. */
const hintOf = (secret: string): string | null => (secret.length >= 8 ? secret.slice(0, 3) : null);
const isoOrNull = (value: string | undefined): string | null => (value === undefined ? null : new Date(value).toISOString());

/**
 * The secret to store: the new one when sent; otherwise the stored one, but only for the same client ID (a secret
 * belongs to one app); otherwise an error at `path`. An expiry sent without a secret corrects the stored one's.
 */
function nextSecret(
  backend: PlatformBackend,
  context: string,
  sent: { clientId: string; secret: string | undefined; expiresAt: string | undefined },
  stored: { clientId: string; secret: StoredSecret } | null,
  path: string,
): StoredSecret | ValidationIssue {
  if (sent.secret !== undefined) {
    return { sealed: backend.secrets.seal(sent.secret, context), hint: hintOf(sent.secret), expiresAt: isoOrNull(sent.expiresAt) };
  }
  if (!stored) return { path, message: 'is required the first time' };
  if (stored.clientId !== sent.clientId) return { path, message: 'is required when the client ID changes (a secret belongs to one app)' };
  return sent.expiresAt === undefined ? stored.secret : { ...stored.secret, expiresAt: isoOrNull(sent.expiresAt) };
}

const isIssue = (value: StoredSecret | ValidationIssue | null): value is ValidationIssue => value !== null && 'path' in value;

/**
 * Everything after the body is read runs synchronously inside one SQLite transaction, so two requests with the same
 * key cannot both miss the remembered answer: the second sees the first's row (the event loop runs one at a time).
 */
function write(backend: PlatformBackend, org: PlatformOrganisation, key: string, ifMatchHeader: string | undefined, input: SsoConfigurationInput): PlatformAnswer {
  const store = backend.store();
  // Whole milliseconds: the sandbox clock is fractional (performance.now) and the column is an INTEGER.
  const now = Math.floor(backend.rt.clock.now());
  const fingerprint = backend.secrets.fingerprint(canonicalJson(input));
  return store.transaction(() => {
    store.forgetAnswersBefore(now - idempotencyWindowMs);
    const remembered = store.findAnswer(org.id, key);
    if (remembered) {
      if (remembered.fingerprint !== fingerprint) {
        return platformProblem(409, 'idempotency_conflict', 'This Idempotency-Key was used in the last 24 hours with a different body; use a new key for a new change.');
      }
      const body = JSON.parse(remembered.body) as SsoConfiguration;
      return jsonAnswer(remembered.status, body, { etag: etag(body.version), 'idempotent-replayed': 'true' });
    }

    const current = store.getConfiguration(org.id);
    const ifMatch = parseIfMatch(ifMatchHeader);
    if (ifMatch.kind === 'invalid') return platformProblem(400, 'if_match_invalid', 'If-Match must be * or a version number such as "3".');
    if (ifMatch.kind === 'any' && !current) return platformProblem(412, 'version_mismatch', 'If-Match: * but there is no configuration yet.');
    if (ifMatch.kind === 'version' && current?.version !== ifMatch.version) {
      return platformProblem(412, 'version_mismatch', `If-Match names version ${ifMatch.version}; the current version is ${current ? current.version : 'none (no configuration yet)'}.`);
    }

    const tenantId = input.tenantId.toLowerCase();
    const clientId = input.clientId.toLowerCase();
    const mainSecret = nextSecret(
      backend,
      `${org.id}/clientSecret`,
      { clientId, secret: input.clientSecret, expiresAt: input.clientSecretExpiresAt },
      current ? { clientId: current.clientId, secret: current.clientSecret } : null,
      '/clientSecret',
    );
    const pcInput = input.partnerCenter ?? null;
    const pcClientId = pcInput?.clientId.toLowerCase() ?? '';
    const pcSecret = pcInput
      ? nextSecret(
          backend,
          `${org.id}/partnerCenterClientSecret`,
          { clientId: pcClientId, secret: pcInput.clientSecret, expiresAt: pcInput.clientSecretExpiresAt },
          current?.partnerCenter ? { clientId: current.partnerCenter.clientId, secret: current.partnerCenter.clientSecret } : null,
          '/partnerCenter/clientSecret',
        )
      : null;
    const issues = [mainSecret, pcSecret].filter(isIssue);
    if (isIssue(mainSecret) || isIssue(pcSecret)) {
      return platformProblem(422, 'validation_failed', 'The configuration cannot be saved as sent.', { errors: issues });
    }

    const saved = {
      orgId: org.id,
      tenantId,
      clientId,
      clientSecret: mainSecret,
      partnerCenter: pcSecret ? { clientId: pcClientId, clientSecret: pcSecret } : null,
      origin: input.origin ?? null,
      enabled: input.enabled,
      authMode: input.authMode ?? null,
      updatedAt: new Date(now).toISOString(),
      version: (current?.version ?? 0) + 1,
    };
    store.saveConfiguration(saved);
    const body = redactConfiguration(saved);
    const status = current ? 200 : 201;
    // Only successful writes are remembered: a refused request can be corrected and retried under the same key.
    store.rememberAnswer(org.id, key, { fingerprint, status, body: JSON.stringify(body), createdAtMs: now });
    return jsonAnswer(status, body, { etag: etag(saved.version) });
  });
}

/** PUT /v1/sso-configuration: create or replace, idempotent by key, optimistic concurrency by If-Match. */
export function putSsoConfigurationRoute(backend: PlatformBackend): Handler {
  return platformOperation(backend, operationId, async (req, org) => {
    const key = req.header('idempotency-key');
    if (key === undefined || key.length === 0) {
      return platformProblem(400, 'idempotency_key_missing', 'PUT /v1/sso-configuration needs an Idempotency-Key header (1 to 255 characters).');
    }
    if (!backend.validator.validateParameter(operationId, 'header', 'Idempotency-Key', key).ok) {
      return platformProblem(400, 'idempotency_key_invalid', 'An Idempotency-Key has 1 to 255 characters.');
    }
    const read = await readPlatformJsonBody(req);
    if (!read.ok) return read.answer;
    const valid = backend.validator.validateRequest(operationId, read.body);
    if (!valid.ok) return platformProblem(422, 'validation_failed', 'The body does not match SsoConfigurationInput.', { errors: valid.errors });
    return write(backend, org, key, req.header('if-match'), read.body as SsoConfigurationInput);
  });
}
