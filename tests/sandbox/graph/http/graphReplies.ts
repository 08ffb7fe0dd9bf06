import { emptyReply, jsonReply, type Reply } from '../../http/Reply';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { graphResponseHeaders } from './graphResponseHeaders';

/** Graph's JSON content type (OData minimal metadata). */
const odataJson = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function graphJson(req: SandboxRequest, status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, body, { ...graphResponseHeaders(req), 'content-type': odataJson, 'cache-control': 'no-cache', ...headers });
}

/** 204 for PATCH, DELETE, removePassword and the update branch of upsert (facts §13). */
export function graphNoContent(req: SandboxRequest): Reply {
  return emptyReply(204, { ...graphResponseHeaders(req), 'cache-control': 'no-cache' });
}
