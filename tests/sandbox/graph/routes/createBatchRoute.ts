import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Middleware } from '../../http/Mount';
import { connectionReset, type HandlerResult, type Reply } from '../../http/Reply';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { BatchItemRequest } from '../http/BatchItemRequest';
import type { GraphDispatch } from '../http/createGraphDispatcher';
import { graphErrorReply } from '../http/graphErrorReply';
import { GraphHttpError } from '../http/GraphHttpError';
import { graphJson } from '../http/graphReplies';
import { readJsonBody } from '../http/readJsonBody';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const maxRequests = 20;

function bad(message: string): GraphHttpError {
  return new GraphHttpError(400, 'BadRequest', message);
}

/** Validates the batch envelope (facts §9.3): ≤ 20 requests, unique ids, relative urls, Content-Type with a body. */
function parseBatch(body: Record<string, unknown>): BatchItem[] {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw bad('Invalid batch payload format.');
  if (requests.length > maxRequests) throw bad(`The number of batch requests exceeds the maximum of ${maxRequests}.`);
  const items: BatchItem[] = [];
  const ids = new Set<string>();
  for (const raw of requests) {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : '';
    if (!id || typeof r.method !== 'string' || typeof r.url !== 'string') throw bad('Invalid batch payload format.');
    if (ids.has(id)) throw bad(`Request id '${id}' is duplicated in the batch; ids must be unique.`);
    ids.add(id);
    const headers = (typeof r.headers === 'object' && r.headers !== null ? r.headers : {}) as Record<string, string>;
    if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      // Graph's wording [OBS].
      throw bad(`Write request id : ${id} does not contain Content-Type header or body.`);
    }
    if (/^https?:/i.test(r.url)) throw bad('Batch request urls must be relative.');
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    items.push({ id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn });
  }
  for (const item of items) {
    for (const dep of item.dependsOn) if (!ids.has(dep) || dep === item.id) throw bad(`Request dependency '${dep}' of request '${item.id}' is not present in the batch.`);
  }
  return items;
}

/**
 * Inner urls are relative to the version ("/me"). The Graph SDK's BatchRequestContent keeps the version (and
 * here the sandbox's /graph prefix) in them, which Graph tolerates, so both forms resolve.
 */
function innerUrl(batchUrl: URL, raw: string): URL {
  const prefix = batchUrl.pathname.replace(/\/v1\.0\/\$batch$/i, '');
  let rel = raw.startsWith('/') ? raw : `/${raw}`;
  if (prefix && rel.toLowerCase().startsWith(`${prefix.toLowerCase()}/`)) rel = rel.slice(prefix.length);
  if (/^\/v1\.0(\/|\?|$)/i.test(rel)) rel = rel.slice('/v1.0'.length);
  return new URL(`${prefix}/v1.0${rel}`, batchUrl.origin);
}

/** Inner response headers keep Graph's casing ("Content-Type"); the SDK's BatchResponseContent looks them up by it. */
const innerHeaderNames: Record<string, string> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  location: 'Location',
  'odata-version': 'OData-Version',
  'cache-control': 'Cache-Control',
};

function toResponse(id: string, reply: Reply): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.headers)) {
    const name = innerHeaderNames[k.toLowerCase()];
    if (name) headers[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  const text = reply.body.toString();
  let body: unknown;
  if (text.length > 0) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return body === undefined ? { id, status: reply.status, headers } : { id, status: reply.status, headers, body };
}

/**
 * POST /$batch (facts §9.3). Every inner request is dispatched like a standalone one (token and permissions
 * checked individually) behind `innerMiddleware` (the graph mount's throttling and 5xx injection, so each one
 * can get its own 429). Requests run in order; a request whose dependency did not succeed gets 424.
 */
export function createBatchRoute(rt: SandboxRuntime, dispatch: () => GraphDispatch, innerMiddleware: readonly Middleware[]) {
  return async (req: SandboxRequest): Promise<HandlerResult> => {
    let items: BatchItem[];
    try {
      items = parseBatch(await readJsonBody(req));
    } catch (error) {
      if (error instanceof GraphHttpError) return graphErrorReply(req, rt.clock.now(), error);
      throw error;
    }
    const status = new Map<string, number>();
    const responses: Array<Record<string, unknown>> = [];
    for (const item of items) {
      const failed = item.dependsOn.find((dep) => {
        const s = status.get(dep);
        return s === undefined || s < 200 || s >= 300;
      });
      if (failed !== undefined) {
        status.set(item.id, 424);
        const error = new GraphHttpError(424, 'FailedDependency', `Request with id '${item.id}' depends on request '${failed}', which failed.`);
        responses.push(toResponse(item.id, graphErrorReply(req, rt.clock.now(), error)));
        continue;
      }
      const url = innerUrl(req.url, item.url);
      const path = url.pathname.replace(/^.*?\/v1\.0/i, '');
      const inner = new BatchItemRequest(req, item.method, url, item.headers, item.body);
      let reply: HandlerResult;
      if (/^\/\$batch(\?|$)/i.test(path)) {
        reply = graphErrorReply(inner, rt.clock.now(), bad('Nested batch requests are not supported.'));
      } else {
        const chain = innerMiddleware.reduceRight<() => Promise<HandlerResult>>((next, mw) => () => mw(inner, next), () => dispatch()(inner));
        reply = await chain();
      }
      const result: Reply = reply === connectionReset ? graphErrorReply(inner, rt.clock.now(), new GraphHttpError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.')) : reply;
      status.set(item.id, result.status);
      responses.push(toResponse(item.id, result));
    }
    return graphJson(req, 200, { responses }, {}, { envelope: true });
  };
}
