import type { Reply } from '../../http/Reply';
import type { GraphContext } from '../GraphContext';
import { graphErrors } from '../http/graphErrors';
import { GraphHttpError } from '../http/GraphHttpError';
import { graphJson } from '../http/graphReplies';
import { applyExpand, validateExpand } from './applyExpand';
import { applySelect, parseSelect } from './applySelect';
import { canonical } from './entityReply';
import { odataContext } from './odataContext';
import { evaluateFilter, filterProperties, parseFilter } from './parseFilter';
import { parseExpand } from './parseExpand';
import { serializeDirectoryObject } from '../serialize/serializeDirectoryObject';

export interface CollectionSpec<T> {
  /** Fragment after `$metadata#`, e.g. `applications` or `servicePrincipals('id')/appRoleAssignedTo`. */
  contextFragment: string;
  /** Directory resource name used in filter errors, e.g. `Application`. */
  resourceName: string;
  /** OData type name used in $select errors, e.g. `application`. */
  typeName: string;
  /** Filterable properties (lower-cased name -> value getter). */
  filterable: Record<string, (item: T) => unknown>;
  serialize(item: T): Record<string, unknown>;
}

function decodeSkipToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through
  }
  throw new GraphHttpError(400, 'Request_BadRequest', 'The specified page token value has expired and can no longer be included in your request.');
}

/**
 * A directory collection answer: $filter, $top (1..999), $skiptoken paging with an absolute @odata.nextLink
 * back to the sandbox, and $select (facts §13).
 */
export function listCollection<T>(ctx: GraphContext, items: readonly T[], spec: CollectionSpec<T>): Reply {
  const q = (name: string) => ctx.req.query(name) ?? ctx.req.query(name.slice(1));
  let result = [...items];
  const filter = q('$filter');
  if (filter !== undefined && filter.trim() !== '') {
    const node = parseFilter(filter);
    for (const property of filterProperties(node)) {
      if (!spec.filterable[property.toLowerCase()]) throw graphErrors.unsupportedQuery(property, spec.resourceName);
    }
    result = result.filter((item) => evaluateFilter(node, (p) => spec.filterable[p.toLowerCase()]?.(item)));
  }
  const topParam = q('$top');
  let top = ctx.settings.defaultPageSize;
  if (topParam !== undefined) {
    const parsed = Number(topParam);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 999) {
      throw new GraphHttpError(400, 'Request_BadRequest', `Invalid page size specified: '${topParam}'. Must be between 1 and 999 inclusive.`);
    }
    top = parsed;
  }
  const skipToken = q('$skiptoken');
  const offset = skipToken ? decodeSkipToken(skipToken) : 0;
  const page = result.slice(offset, offset + top);
  const select = parseSelect(q('$select'));
  const expand = parseExpand(q('$expand'));
  const serialized = page.map((item) => spec.serialize(item));
  const sample = serialized[0] ?? (items[0] !== undefined ? spec.serialize(items[0]) : {});
  validateExpand(spec.typeName, expand, sample);
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(ctx.rt.urls.graph, spec.contextFragment, { select: canonical(select, sample) }),
  };
  if (offset + top < result.length) {
    const next = new URL(ctx.req.url.toString());
    const params = new URLSearchParams();
    for (const [k, v] of next.searchParams) if (k.toLowerCase() !== '$skiptoken' && k.toLowerCase() !== 'skiptoken') params.append(k, v);
    params.set('$skiptoken', Buffer.from(JSON.stringify({ o: offset + top })).toString('base64url'));
    body['@odata.nextLink'] = `${ctx.rt.urls.graph}${graphRelativePath(ctx)}?${params.toString()}`;
  }
  body.value = serialized.map((entity) => applyExpand(ctx, spec.typeName, applySelect(entity, select, spec.typeName), entity, expand));
  return graphJson(ctx.req, 200, body);
}

/** The request path below /v1.0 as the client sent it (so nextLink keeps alternate-key syntax). */
function graphRelativePath(ctx: GraphContext): string {
  return ctx.req.mountPath.replace(/^\/v1\.0/i, '');
}

/** A directoryObject collection (owners, members) of object ids, each serialised as its own type. */
export function listDirectoryObjects(ctx: GraphContext, ids: readonly string[]): Reply {
  const objects = ids.map((id) => serializeDirectoryObject(ctx, id)).filter((o) => o !== undefined);
  return listCollection(ctx, objects, {
    contextFragment: 'directoryObjects',
    resourceName: 'DirectoryObject',
    typeName: 'directoryObject',
    filterable: { id: (o) => o.id, displayname: (o) => o.displayName },
    serialize: (o) => o,
  });
}
