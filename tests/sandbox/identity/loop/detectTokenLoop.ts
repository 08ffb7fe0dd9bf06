import type { SandboxRuntime } from '../../SandboxRuntime';
import type { SandboxState } from '../../model/SandboxState';
import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';

interface LoopRecord {
  /** Sandbox-clock times of the recent identical requests, oldest first. */
  times: number[];
  blockedUntilMs: number;
}

/** One table per directory state, so a reset (new state) forgets every loop. */
const tables = new WeakMap<SandboxState, Map<string, LoopRecord>>();

/** Who asks: the refresh token's or code's account, the ROPC username, or the app itself for client credentials. */
function subject(rt: SandboxRuntime, grantType: string, form: URLSearchParams): string | null {
  if (grantType === 'client_credentials') return 'app';
  if (grantType === 'refresh_token') {
    const account = rt.identity.refreshTokens.get(form.get('refresh_token') ?? '')?.account;
    return account ? `user:${account.homeTenantId}:${account.userId}` : null;
  }
  if (grantType === 'authorization_code') {
    const account = rt.identity.codes.get(form.get('code') ?? '')?.account;
    return account ? `user:${account.homeTenantId}:${account.userId}` : null;
  }
  const username = form.get('username');
  return username ? `upn:${username.toLowerCase()}` : null;
}

/**
 * AADSTS50196 loop detection: Entra refuses "too many of the same request in too short a period" (LoopDetected in
 * reference-error-codes.md). "The same request" here is one client asking one tenant for the same scopes for the
 * same user (or for itself); device-code polling has its own answer (slow_down) and is not counted. Thresholds are
 * `settings.clientTenants.tokenLoop` (ClientTenantSettings.ts cites where the defaults come from). Returns the
 * refusal, or null to let the request through.
 */
export function detectTokenLoop(
  rt: SandboxRuntime,
  input: { grantType: string; clientId: string; tenant: string; form: URLSearchParams },
): AadstsError | null {
  const settings = rt.settings.clientTenants.tokenLoop;
  if (!settings.enabled || input.grantType.includes('device_code')) return null;
  const who = subject(rt, input.grantType, input.form);
  if (!who) return null;
  const scopes = (input.form.get('scope') ?? '').toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');
  const key = `${input.clientId.toLowerCase()}|${input.tenant.toLowerCase()}|${who}|${scopes}`;
  let table = tables.get(rt.state);
  if (!table) {
    table = new Map();
    tables.set(rt.state, table);
  }
  const now = rt.clock.now();
  const record = table.get(key) ?? { times: [], blockedUntilMs: 0 };
  table.set(key, record);
  const refusal = input.grantType === 'client_credentials' ? aadsts.clientRequestLoopThrottled() : aadsts.clientRequestLoop();
  if (record.blockedUntilMs > now) return refusal;
  const windowStart = now - settings.windowSeconds * 1000;
  record.times = record.times.filter((t) => t > windowStart);
  record.times.push(now);
  if (record.times.length > settings.maxIdenticalRequests) {
    record.blockedUntilMs = now + settings.blockSeconds * 1000;
    record.times = [];
    return refusal;
  }
  return null;
}
