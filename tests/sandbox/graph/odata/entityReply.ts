import type { Reply } from '../../http/Reply';
import type { GraphContext } from '../GraphContext';
import { graphJson } from '../http/graphReplies';
import { applyExpand, validateExpand } from './applyExpand';
import { applySelect, parseSelect } from './applySelect';
import { odataContext } from './odataContext';
import { parseExpand } from './parseExpand';

/** One entity with `@odata.context` (facts §13), honouring $select and $expand on GETs. */
export function entityReply(
  ctx: GraphContext,
  status: number,
  contextFragment: string,
  typeName: string,
  entity: Record<string, unknown>,
): Reply {
  const get = ctx.req.method === 'GET';
  const select = get ? parseSelect(ctx.req.query('$select')) : null;
  const expand = get ? parseExpand(ctx.req.query('$expand')) : null;
  validateExpand(typeName, expand, entity);
  const selected = applySelect(entity, select, typeName);
  const body = {
    '@odata.context': odataContext(ctx.rt.urls.graph, contextFragment, { entity: true, select: canonical(select, entity) }),
    ...applyExpand(ctx, typeName, selected, entity, expand),
  };
  return graphJson(ctx.req, status, body);
}

/** `$select=Id` is answered, and named in @odata.context, as the schema spells it (`id`). */
export function canonical(select: readonly string[] | null, entity: Record<string, unknown>): string[] | null {
  if (!select) return null;
  const byLower = new Map(Object.keys(entity).map((k) => [k.toLowerCase(), k]));
  return select.map((s) => byLower.get(s.toLowerCase()) ?? s);
}
