import type { z } from 'zod';
import { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors/app-error';
import type { CloudFetch } from '../../net/cloud-fetch';
import {
  platformTenantBatchResultSchema,
  platformTenantPageSchema,
  platformTenantSchema,
  problemSchema,
  requirementsSchema,
  ssoConfigurationSchema,
  testResultSchema,
  type PlatformRequirements,
  type PlatformTenant,
  type PlatformTenantBatchResult,
  type PlatformTenantInput,
  type PlatformTestResult,
  type SsoConfiguration,
  type SsoConfigurationInput,
} from './platform-api-types';

export interface PlatformApiClientOptions {
  baseUrl: string;
  token: string;
  fetchFn: CloudFetch;
  /** Per request; a platform that does not answer in time is treated like a 5xx (retried). */
  timeoutMs?: number;
  /** Attempts for retryable failures (5xx, timeout, network, malformed answer). */
  attempts?: number;
  sleep?(ms: number): Promise<void>;
}

/** A failure worth another try with the same idempotency key: the platform may not have acted. */
class Retryable extends Error {}

/**
 * The console's side of the Platform Onboarding API (docs/platform-api.yaml). A PUT carries an
 * Idempotency-Key and is retried with the same key, so a retry can never create a second
 * configuration. Every failure becomes an AppError saying what happened and what to do.
 */
export class PlatformApiClient {
  private readonly baseUrl: string;

  constructor(private readonly o: PlatformApiClientOptions) {
    this.baseUrl = o.baseUrl.replace(/\/+$/, '');
  }

  requirements(): Promise<PlatformRequirements> {
    return this.call('GET', '/v1/onboarding/requirements', undefined, {}, requirementsSchema);
  }

  /** The platform's current configuration (secrets redacted), or undefined when it has none. */
  async configuration(): Promise<SsoConfiguration | undefined> {
    try {
      return await this.call('GET', '/v1/sso-configuration', undefined, {}, ssoConfigurationSchema);
    } catch (error) {
      if (error instanceof AppError && error.details?.['status'] === 404) return undefined;
      throw error;
    }
  }

  putConfiguration(input: SsoConfigurationInput, idempotencyKey: string): Promise<SsoConfiguration> {
    return this.call('PUT', '/v1/sso-configuration', input, { 'Idempotency-Key': idempotencyKey }, ssoConfigurationSchema);
  }

  test(): Promise<PlatformTestResult> {
    return this.call('POST', '/v1/sso-configuration/test', undefined, {}, testResultSchema);
  }

  /** Every client tenant the platform has recorded, read page by page (GET /v1/tenants, API 1.1). */
  async listTenants(o: { pageSize?: number } = {}): Promise<PlatformTenant[]> {
    const all: PlatformTenant[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(o.pageSize ?? 1000) });
      if (cursor) query.set('cursor', cursor);
      const page: { value: PlatformTenant[]; nextCursor: string | null } = await this.call('GET', `/v1/tenants?${query}`, undefined, {}, platformTenantPageSchema);
      all.push(...page.value);
      // A platform that hands back a cursor it already gave would page forever.
      if (page.nextCursor && seen.has(page.nextCursor)) {
        throw new AppError(ErrorCode.PlatformRejected, 'The platform’s tenant list repeats a page.', {
          fix: 'Report this to the platform: GET /v1/tenants returned the same nextCursor twice.',
        });
      }
      if (page.nextCursor) seen.add(page.nextCursor);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  /** One client tenant's record: PUT /v1/tenants/{tenantId} (idempotent by nature, so retried as is). */
  putTenant(tenantId: string, input: PlatformTenantInput): Promise<PlatformTenant> {
    return this.call('PUT', `/v1/tenants/${encodeURIComponent(tenantId)}`, input, {}, platformTenantSchema);
  }

  /**
   * Up to 500 records in one request (POST /v1/tenants/batch, API 1.1), one result per item in the order
   * sent. A platform on API 1.0 answers 404 or 405: the AppError's `details.status` says so.
   */
  async putTenantsBatch(tenants: readonly (PlatformTenantInput & { tenantId: string })[]): Promise<PlatformTenantBatchResult[]> {
    const answer = await this.call('POST', '/v1/tenants/batch', { tenants }, {}, platformTenantBatchResultSchema);
    if (answer.results.length !== tenants.length) {
      throw new AppError(ErrorCode.PlatformRejected, `The platform answered ${answer.results.length} results for ${tenants.length} tenants.`, {
        fix: 'Report this to the platform: POST /v1/tenants/batch must answer one result per tenant sent.',
      });
    }
    return answer.results;
  }

  private async call<S extends z.ZodType>(method: string, path: string, body: unknown, headers: Record<string, string>, schema: S): Promise<z.output<S>> {
    const attempts = this.o.attempts ?? 4;
    const sleep = this.o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.once(method, path, body, headers, schema);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        last = error;
        if (attempt < attempts) await sleep(Math.min(500 * 2 ** (attempt - 1), 4000));
      }
    }
    throw new AppError(ErrorCode.PlatformUnavailable, `The platform did not complete the request: ${(last as Error).message}`, {
      fix: 'Nothing was lost. Try again in a few minutes; a repeated push cannot create a second configuration.',
    });
  }

  private async once<S extends z.ZodType>(method: string, path: string, body: unknown, headers: Record<string, string>, schema: S): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await this.o.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.o.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new Retryable(timedOut ? 'it did not answer in time' : `it could not be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      if (response.status >= 500 || response.ok) throw new Retryable(`it answered ${response.status} with something that is not JSON`);
    }
    if (response.status >= 500) throw new Retryable(`it answered ${response.status}`);
    if (!response.ok) throw this.refusal(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Retryable('its answer did not match the Platform Onboarding API');
    return parsed.data;
  }

  private refusal(status: number, body: unknown): AppError {
    const problem = problemSchema.safeParse(body);
    const detail = problem.success ? (problem.data.detail ?? problem.data.title) : undefined;
    const code = problem.success ? problem.data.code : undefined;
    const details = { status, ...(code ? { platformCode: code } : {}) };
    if (status === 401 || status === 403) {
      return new AppError(ErrorCode.PlatformUnauthorized, 'The platform refused the API token.', {
        fix: 'Create a new API token in the platform’s settings and paste it here. Nothing else was changed.',
        details,
      });
    }
    if (status === 409 || status === 412) {
      return new AppError(ErrorCode.PlatformConflict, `The platform reported a conflict${detail ? `: ${detail}` : '.'}`, {
        fix: 'Someone may have changed the platform’s settings meanwhile. Review the differences and push again.',
        details,
      });
    }
    if (status === 404) {
      return new AppError(ErrorCode.PlatformNotFound, 'The platform does not offer this part of the Platform Onboarding API.', {
        fix: 'Check the API address: it is the base address the platform’s documentation gives, without /v1.',
        details,
      });
    }
    return new AppError(ErrorCode.PlatformRejected, `The platform rejected the request${detail ? `: ${detail}` : '.'}`, {
      fix: 'Check the values below against the platform’s requirements, then try again.',
      details: { ...details, ...(problem.success && Array.isArray((body as { errors?: unknown }).errors) ? { errors: (body as { errors: unknown[] }).errors } : {}) },
    });
  }
}
