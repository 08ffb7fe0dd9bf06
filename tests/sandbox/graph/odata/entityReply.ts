import type { Reply } from '../../http/Reply';
import type { GraphContext } from '../GraphContext';
import { graphJson } from '../http/graphReplies';
import { applySelect, parseSelect } from './applySelect';
import { odataContext } from './odataContext';

/** One entity with `@odata.context` (facts §13), honouring $select on GETs. */
export function entityReply(
  ctx: GraphContext,
  status: number,
  contextFragment: string,
  typeName: string,
  entity: Record<string, unknown>,
): Reply {
  const select = ctx.req.method === 'GET' ? parseSelect(ctx.req.query('$select')) : null;
  const body = { '@odata.context': odataContext(ctx.rt.urls.graph, contextFragment, { entity: true, select }), ...applySelect(entity, select, typeName) };
  return graphJson(ctx.req, status, body);
}
