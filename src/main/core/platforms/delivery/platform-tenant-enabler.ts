import { AppError } from '../../errors/app-error';
import type { PlatformEnabler } from '../../consent/platform-enabler';
import type { PlatformApiClient } from './platform-api-client';
import type { PlatformTenantInput } from './platform-api-types';

type TenantToEnable = { tenantId: string; domain: string | null; name: string | null };
type Outcome = { tenantId: string; state: 'enabled' | 'failed' | 'notConnected'; message: string };

export interface PlatformTenantEnablerOptions {
  /** The workspace's Platform Onboarding API client, or null when the workspace is not connected to one. */
  client(workspaceId: string): Promise<PlatformApiClient | null>;
  /** Tenants per batch request; the API takes at most 500. */
  chunkSize?: number;
  /** Single PUTs at once when the platform has no batch endpoint (API 1.0). */
  fallbackConcurrency?: number;
}

const maxChunk = 500;

/** The record that turns on sign-in for a client whose consent was verified from the tenant itself. */
function recordFor(t: TenantToEnable): PlatformTenantInput & { tenantId: string } {
  return {
    tenantId: t.tenantId,
    enabled: true,
    consentStatus: 'granted',
    // The API caps displayName at 256 characters; a longer customer name is still the same customer.
    ...(t.name ? { displayName: t.name.slice(0, 256) } : {}),
    ...(t.domain ? { domain: t.domain } : {}),
  };
}

function failure(error: unknown): string {
  if (error instanceof AppError) return [error.message, error.fix].filter(Boolean).join(' ');
  return error instanceof Error ? error.message : String(error);
}

/** 404 or 405 to the batch path: the platform implements API 1.0, which has only the single PUT. */
function noBatchEndpoint(error: unknown): boolean {
  const status = error instanceof AppError ? error.details?.['status'] : undefined;
  return status === 404 || status === 405;
}

/**
 * Per-client SSO enablement (issue 10 item 6) through the Platform Onboarding API: consented and verified
 * tenants are sent in chunks to POST /v1/tenants/batch (one request per 500, not one per tenant), each with
 * the platform's own answer kept for the tenant. A platform on API 1.0 gets PUT /v1/tenants/{tenantId} per
 * tenant instead. A request that fails as a whole fails each of its tenants with the reason and the fix;
 * the next run sends them again (the records are idempotent by nature).
 */
export class PlatformTenantEnabler implements PlatformEnabler {
  private readonly chunkSize: number;

  constructor(private readonly o: PlatformTenantEnablerOptions) {
    this.chunkSize = Math.min(Math.max(1, o.chunkSize ?? maxChunk), maxChunk);
  }

  /** Outcomes for the tenants handled before `signal` aborted (later ones are left for the next run). */
  async enable(workspaceId: string, tenants: readonly TenantToEnable[], signal?: AbortSignal): Promise<readonly Outcome[] | null> {
    const client = await this.o.client(workspaceId);
    if (!client) return null;
    const outcomes: Outcome[] = [];
    let batch = true;
    for (let start = 0; start < tenants.length && !signal?.aborted; start += this.chunkSize) {
      const chunk = tenants.slice(start, start + this.chunkSize);
      if (batch) {
        try {
          outcomes.push(...(await this.sendBatch(client, chunk)));
          continue;
        } catch (error) {
          if (!noBatchEndpoint(error)) {
            outcomes.push(...chunk.map((t) => ({ tenantId: t.tenantId, state: 'failed' as const, message: `The platform did not record this tenant: ${failure(error)}` })));
            continue;
          }
          batch = false;
        }
      }
      outcomes.push(...(await this.sendOneByOne(client, chunk, signal)));
    }
    return outcomes;
  }

  private async sendBatch(client: PlatformApiClient, chunk: readonly TenantToEnable[]): Promise<Outcome[]> {
    const results = await client.putTenantsBatch(chunk.map(recordFor));
    return chunk.map((t, i) => {
      const r = results[i];
      if (r?.status === 200 && r.tenant) {
        return { tenantId: t.tenantId, state: r.tenant.enabled ? 'enabled' : 'failed', message: r.tenant.enabled ? 'The platform turned on sign-in for this client.' : 'The platform recorded the tenant but left sign-in off.' };
      }
      const detail = r?.error ? [r.error.detail, ...r.error.errors.map((e) => `${e.path || 'the record'} ${e.message}`)].join(' ') : 'no result for this tenant';
      return { tenantId: t.tenantId, state: 'failed', message: `The platform refused this tenant (${r?.status ?? 'no answer'}): ${detail}` };
    });
  }

  private async sendOneByOne(client: PlatformApiClient, chunk: readonly TenantToEnable[], signal?: AbortSignal): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(chunk.length);
    let next = 0;
    const worker = async () => {
      while (next < chunk.length && !signal?.aborted) {
        const index = next++;
        const t = chunk[index]!;
        const { tenantId: _id, ...input } = recordFor(t);
        try {
          const stored = await client.putTenant(t.tenantId, input);
          outcomes[index] = { tenantId: t.tenantId, state: stored.enabled ? 'enabled' : 'failed', message: stored.enabled ? 'The platform turned on sign-in for this client.' : 'The platform recorded the tenant but left sign-in off.' };
        } catch (error) {
          outcomes[index] = { tenantId: t.tenantId, state: 'failed', message: `The platform did not record this tenant: ${failure(error)}` };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.fallbackConcurrency ?? 4, chunk.length) }, worker));
    return outcomes.filter(Boolean);
  }
}
