import type { ValidationIssue } from './loadPlatformApiValidator';
import type { PlatformAnswer } from './PlatformAnswer';

/** Every `code` the backend sends, with its fixed title (the table in docs/platform-api.yaml). */
const titles = {
  unauthorized: 'Unauthorized',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  malformed_json: 'Malformed JSON',
  unsupported_media_type: 'Unsupported media type',
  idempotency_key_missing: 'Idempotency-Key missing',
  idempotency_key_invalid: 'Idempotency-Key invalid',
  idempotency_conflict: 'Idempotency-Key reused with a different body',
  if_match_invalid: 'If-Match invalid',
  version_mismatch: 'Version mismatch',
  validation_failed: 'Validation failed',
  cursor_invalid: 'Cursor invalid',
  too_many_requests: 'Too many requests',
  internal_error: 'Internal error',
  bad_gateway: 'Bad gateway',
  service_unavailable: 'Service unavailable',
  gateway_timeout: 'Gateway timeout',
} as const;

export type PlatformProblemCode = keyof typeof titles;

/** An RFC 9457 problem answer; `errors` only with validation_failed. */
export function platformProblem(
  status: number,
  code: PlatformProblemCode,
  detail: string,
  options: { errors?: ValidationIssue[]; headers?: Record<string, string> } = {},
): PlatformAnswer {
  return {
    status,
    contentType: 'application/problem+json',
    body: {
      type: `https://platform-onboarding.example/problems/${code}`,
      title: titles[code],
      status,
      detail,
      code,
      ...(options.errors ? { errors: options.errors } : {}),
    },
    headers: options.headers ?? {},
  };
}
