import { emptyReply, jsonReply, type Reply } from '../../http/Reply';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { graphResponseHeaders } from './graphResponseHeaders';

/** Graph's JSON content type (OData minimal metadata). */
const odataJson = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const odataJsonNoMetadata = 'application/json;odata.metadata=none;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/**
 * `Accept: application/json;odata.metadata=none` (CLI for Microsoft 365 sends it on most reads): no control
 * information except what paging needs. OData JSON Format 4.01 §3.1.3: with metadata=none the payload still
 * carries `nextLink` (and `count` when asked for) but no context, type, id, etag or other annotations.
 */
export function wantsNoMetadata(req: SandboxRequest): boolean {
  return /odata\.metadata\s*=\s*none/i.test(req.header('accept') ?? '');
}

const keptWithoutMetadata = new Set(['@odata.nextLink', '@odata.count', '@odata.deltaLink']);

function stripMetadata(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => stripMetadata(v, false));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('@odata.') && !(top && keptWithoutMetadata.has(key))) continue;
    out[key] = stripMetadata(v, false);
  }
  return out;
}

/**
 * `envelope`: a $batch answer, whose inner bodies were already shaped by each inner request's own Accept header,
 * so the outer one must not strip them again.
 */
export function graphJson(req: SandboxRequest, status: number, body: unknown, headers: Record<string, string> = {}, options: { envelope?: boolean } = {}): Reply {
  const none = wantsNoMetadata(req) && !options.envelope;
  return jsonReply(status, none ? stripMetadata(body, true) : body, {
    ...graphResponseHeaders(req),
    'content-type': none ? odataJsonNoMetadata : odataJson,
    'cache-control': 'no-cache',
    ...headers,
  });
}

/** 204 for PATCH, DELETE, removePassword and the update branch of upsert (facts §13). */
export function graphNoContent(req: SandboxRequest): Reply {
  return emptyReply(204, { ...graphResponseHeaders(req), 'cache-control': 'no-cache' });
}
