import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ActivityResult, ActivityService } from '../../../shared/domain/activity';
import type { CloudFetch } from '../net/cloud-fetch';
import { networkFailureOf } from '../net/network-failure';
import type { ActivityLog, NewActivity } from './activity-log';
import { currentActivityScope } from './activity-scope';
import { classifyRequest, type CloudEndpoints } from './classify-request';
import { describeRequest } from './describe-request';
import { parseJson, summarize } from './summarize';
import { actorFromAuthorization, type TokenActor } from './token-actor';

export interface RecordingFetchOptions {
  cloud: CloudEndpoints;
  log: ActivityLog;
  now?: () => Date;
  /** Who is named when no token says (a platform API token): the account running the console. */
  localUser?: string;
}

type Service = Exclude<ActivityService, 'console'>;

const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The local account's name, or a plain phrase where the OS will not say. */
export function localUserName(): string {
  try {
    return `${userInfo().username} (this computer)`;
  } catch {
    return 'the local user';
  }
}

/**
 * The IDs a request is traced by, added when the caller sent none. Graph: `client-request-id`, echoed
 * in its answer and in its error's innerError beside Microsoft's `request-id` (facts §9.1;
 * learn.microsoft.com/graph/best-practices-concept#reliability-and-support). Partner Center:
 * `MS-CorrelationId` "should be reset for every call" and `MS-RequestId` per logical call
 * (learn.microsoft.com/partner-center/developer/headers). The platform API defines only
 * `Idempotency-Key` (docs/platform-api.yaml), so nothing is added there.
 */
function ensureCorrelation(service: Service, headers: Headers): string | null {
  if (service === 'graph') {
    if (!headers.has('client-request-id')) headers.set('client-request-id', randomUUID());
    return headers.get('client-request-id');
  }
  if (service === 'partnerCenter') {
    if (!headers.has('MS-CorrelationId')) headers.set('MS-CorrelationId', randomUUID());
    if (!headers.has('MS-RequestId')) headers.set('MS-RequestId', randomUUID());
    return headers.get('MS-CorrelationId');
  }
  return headers.get('Idempotency-Key');
}

function answeredId(service: Service, headers: Headers): string | null {
  if (service === 'partnerCenter') return headers.get('MS-RequestId') ?? headers.get('request-id');
  return headers.get('request-id') ?? headers.get('x-ms-request-id') ?? headers.get('x-request-id');
}

/** The error code in a failed answer: Graph's error.code, Partner Center's code, a problem+json code. */
function errorCodeOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as { error?: { code?: unknown }; code?: unknown };
  const code = b.error?.code ?? b.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code).slice(0, 100) : null;
}

const isJson = (headers: Headers) => /json/i.test(headers.get('content-type') ?? '');

/**
 * The recording layer over the cloud fetch (issue 11 item 5). Every write (not GET/HEAD) to Graph,
 * Partner Center or the platform is appended to the activity log with who sent it (read from the
 * bearer token), the workspace and operation of the scope it runs in, what it did in plain words,
 * the answer's status and error code, and both correlation IDs. Bodies are never stored: only the
 * whitelisted summary (summarize()). A failure to record is reported and never fails the request.
 */
export function createRecordingFetch(inner: CloudFetch, o: RecordingFetchOptions): CloudFetch {
  const now = o.now ?? (() => new Date());
  const localUser = o.localUser ?? localUserName();

  const record = (entry: Omit<NewActivity, 'at' | 'workspaceId' | 'operation' | 'who' | 'whoObjectId' | 'whoTenantId'>, actor: TokenActor | undefined) => {
    const scope = currentActivityScope();
    // A Microsoft token names the admin; remember it for the platform writes of the same run.
    if (scope && actor && !actor.who.startsWith('app ')) scope.actor = actor;
    const who = actor ?? scope?.actor;
    try {
      o.log.append({
        ...entry,
        at: now().toISOString(),
        workspaceId: scope?.workspaceId ?? null,
        operation: scope?.operation ?? null,
        who: who?.who ?? localUser,
        whoObjectId: who?.oid ?? null,
        whoTenantId: who?.tid ?? null,
      });
    } catch (error) {
      console.error('[activity] could not record', entry.method, entry.target, error);
    }
  };

  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (reads.has(method)) return inner(input, init);
    const url = new URL(input);
    const where = classifyRequest(url, o.cloud);
    if (!where) return inner(input, init);

    const headers = new Headers(init.headers);
    const clientRequestId = ensureCorrelation(where.service, headers);
    const actor = actorFromAuthorization(headers.get('authorization'));
    const sentBody = parseJson(init.body);
    const base = { service: where.service, clientRequestId };

    let response: Response;
    try {
      response = await inner(input, { ...init, headers });
    } catch (error) {
      // The socket's code (ECONNREFUSED…) however undici wrapped it, as the offline module reads it; a class name only
      // for what is not a network failure.
      const code = networkFailureOf(error)?.code ?? (error as Error).name;
      for (const item of writesIn(where, method, sentBody)) {
        record({ ...base, ...item, result: 'failed', status: null, errorCode: String(code).slice(0, 100), requestId: null }, actor);
      }
      throw error;
    }

    let answer: unknown;
    let readError: unknown;
    if (isJson(response.headers)) {
      const read = await readOnce(response);
      answer = read.answer;
      response = read.response;
      readError = read.error;
    }
    const requestId = answeredId(where.service, response.headers);
    if (where.service === 'graph' && where.path === '/$batch' && method === 'POST') {
      // Each change in a batch is its own entry with its own answer (learn.microsoft.com/graph/json-batching).
      const answers = new Map<string, { status?: unknown; body?: unknown }>();
      for (const r of (answer as { responses?: { id?: unknown; status?: unknown; body?: unknown }[] } | undefined)?.responses ?? []) answers.set(String(r.id), r);
      for (const item of writesIn(where, method, sentBody)) {
        const sub = answers.get(item.batchId ?? '');
        const status = typeof sub?.status === 'number' ? sub.status : response.status;
        const ok = status >= 200 && status < 300;
        record({ ...base, ...item, detail: summarize(sub?.body, 'answer.', item.detail), result: ok ? 'succeeded' : 'failed', status, errorCode: ok ? null : errorCodeOf(sub?.body), requestId }, actor);
      }
      if (readError !== undefined) throw readError;
      return response;
    }
    const [item] = writesIn(where, method, sentBody);
    const ok = response.ok;
    record(
      { ...base, ...item!, detail: ok ? summarize(answer, 'answer.', item!.detail) : item!.detail, result: (ok ? 'succeeded' : 'failed') as ActivityResult, status: response.status, errorCode: ok ? null : errorCodeOf(answer), requestId },
      actor,
    );
    if (readError !== undefined) throw readError;
    return response;
  };
}

/** Statuses whose Response may not carry a body (fetch.spec.whatwg.org/#null-body-status). */
const nullBodyStatus = new Set([101, 103, 204, 205, 304]);

/**
 * The answer's JSON, read once, and a Response that hands the caller the same text. A clone() would tee the
 * body's stream, and the caller and this layer would each read and decode it: per write a run sends, a
 * second stream pair and a second decode for nothing. A redirect keeps its original Response (its url is
 * read by whoever follows it) and is read through a clone. When the body fails mid-read (the connection
 * dropped), `error` is that failure: the write is still recorded, then the caller gets the error, as a fetch
 * whose connection dropped.
 */
async function readOnce(response: Response): Promise<{ answer: unknown; response: Response; error?: unknown }> {
  if (response.status >= 300 && response.status < 400) {
    try {
      return { answer: parseJson(await response.clone().text()), response };
    } catch {
      return { answer: undefined, response };
    }
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { answer: undefined, response, error };
  }
  const rebuilt = new Response(nullBodyStatus.has(response.status) || text === '' ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  return { answer: parseJson(text), response: rebuilt };
}

interface WriteItem {
  method: string;
  target: string;
  what: string;
  detail: Record<string, string | number | boolean>;
  batchId?: string;
}

/** The writes one request makes: itself, or each non-GET request inside a Graph JSON batch. */
function writesIn(where: { service: Service; path: string }, method: string, sentBody: unknown): WriteItem[] {
  if (where.service === 'graph' && where.path === '/$batch' && method === 'POST') {
    const requests = (sentBody as { requests?: { id?: unknown; method?: unknown; url?: unknown; body?: unknown }[] } | undefined)?.requests ?? [];
    return requests
      .filter((r) => typeof r.method === 'string' && !reads.has(r.method.toUpperCase()) && typeof r.url === 'string')
      .map((r) => {
        const subMethod = String(r.method).toUpperCase();
        const path = `/${String(r.url).replace(/^\/+/, '').split('?')[0]}`.replace(/^\/(v1\.0|beta)(?=\/)/, '');
        const detail = summarize(r.body, 'sent.', { batchItem: String(r.id) });
        return { method: subMethod, target: path, what: describeRequest('graph', subMethod, path, detail), detail, batchId: String(r.id) };
      });
  }
  const detail = summarize(sentBody, 'sent.');
  return [{ method, target: where.path, what: describeRequest(where.service, method, where.path, detail), detail }];
}
