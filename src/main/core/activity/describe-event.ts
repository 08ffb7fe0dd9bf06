import type { ActivityResult } from '../../../shared/domain/activity';

type Detail = Record<string, string | number | boolean>;

/** The keys an admin action may keep: run and object IDs, names, outcomes. A secret's hint is not kept. */
const eventKeys = new Set(['runId', 'platform', 'partnerTenantId', 'status', 'keyId', 'role', 'appId', 'tenantId', 'pushId', 'fields', 'readBackMatches', 'testOk', 'code', 'baseUrl', 'path']);

const text = (d: Detail, k: string) => (d[k] === undefined ? '' : String(d[k]));

const phrases: Record<string, (d: Detail) => string> = {
  'onboarding.apply': (d) => `Started guided setup for ${text(d, 'platform') || 'the platform'} (run ${text(d, 'runId')})`,
  'onboarding.resume': (d) => `Resumed guided setup (run ${text(d, 'runId')})`,
  'onboarding.finished': (d) => `Guided setup ${text(d, 'status') || 'ended'} (run ${text(d, 'runId')})`,
  'secret.revealed': (d) => `Read the ${d['role'] === 'partnerCenter' ? 'Partner Center app’s' : 'app’s'} client secret ${text(d, 'keyId')} from the vault`.replace('  ', ' '),
  'platform.connected': (d) => `Connected to ${text(d, 'platform') || 'the platform'} at ${text(d, 'baseUrl')}`,
  'platform.pushed': (d) => `Pushed ${text(d, 'fields') || 'the configuration'} to the platform${d['testOk'] === false ? '; its test failed' : ''}`,
  'platform.push-failed': (d) => `Push to the platform failed${d['code'] ? ` (${text(d, 'code')})` : ''}`,
  'consent.browser-granted': (d) => `Admin consent granted in the browser for app ${text(d, 'appId')}${d['tenantId'] ? ` in tenant ${text(d, 'tenantId')}` : ''}`,
};

/**
 * An admin action that is not itself a request to a service (the audit events the console kept before
 * the activity log: applies, secret reads, pushes), in words, with only whitelisted details.
 */
export function describeEvent(action: string, detail: Record<string, unknown>): { what: string; result: ActivityResult; detail: Detail } {
  const kept: Detail = {};
  for (const [key, value] of Object.entries(detail)) {
    if (!eventKeys.has(key)) continue;
    if (typeof value === 'string') kept[key] = value.slice(0, 200);
    else if (typeof value === 'number' || typeof value === 'boolean') kept[key] = value;
    else if (Array.isArray(value)) kept[key] = value.filter((v) => typeof v === 'string').join(', ').slice(0, 200);
  }
  const failed = /fail/i.test(action) || kept['status'] === 'failed' || kept['testOk'] === false;
  return { what: (phrases[action] ?? ((d: Detail) => `${action}${Object.keys(d).length ? ` (${JSON.stringify(d)})` : ''}`))(kept), result: failed ? 'failed' : 'succeeded', detail: kept };
}
