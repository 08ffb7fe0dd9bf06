import { jsonReply, type Reply } from '../../http/Reply';
import { partnerCenterError } from '../../mounts/partnerCenterErrorFormatter';
import type { PartnerCenterSettings } from '../PartnerCenterSettings';
import type { PartnerCenterFailure } from './PartnerCenterFailure';

/** facts §7.3 [OBS]: Partner Center's JSON may begin with a UTF-8 byte order mark; clients must strip it. */
function withBom(settings: PartnerCenterSettings, reply: Reply): Reply {
  if (!settings.utf8Bom || typeof reply.body !== 'string') return reply;
  return { ...reply, body: `\uFEFF${reply.body}` };
}

export function pcJsonReply(settings: PartnerCenterSettings, status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return withBom(settings, jsonReply(status, body, headers));
}

/** The mount's own error body ({code, description, data, source}, facts §7.3), with the BOM setting applied. */
export function pcErrorReply(settings: PartnerCenterSettings, failure: PartnerCenterFailure): Reply {
  return withBom(settings, partnerCenterError(failure.status, failure.code, failure.description, failure.headers ?? {}));
}
