import type { GraphContext } from '../GraphContext';
import { GraphHttpError } from '../http/GraphHttpError';
import type { ExpandItem } from './parseExpand';
import { servedNavigation, unservedNavigation } from './navigationProperties';

/**
 * learn.microsoft.com/graph/query-parameters#expand: for directory objects "$expand ... returns a maximum of 20
 * items for the expanded relationship, and there's no @odata.nextLink".
 */
const maxExpandedItems = 20;

function resolve(typeName: string, item: ExpandItem, entity: Record<string, unknown>): { name: string } {
  const lower = item.name.toLowerCase();
  const served = Object.keys(servedNavigation[typeName] ?? {}).find((n) => n.toLowerCase() === lower);
  if (served) return { name: served };
  if ((unservedNavigation[typeName] ?? []).some((n) => n.toLowerCase() === lower)) {
    throw new GraphHttpError(501, 'NotImplemented', `The sandbox does not emulate '${item.name}' on 'microsoft.graph.${typeName}', so it cannot be expanded.`);
  }
  if (Object.keys(entity).some((k) => k.toLowerCase() === lower)) {
    // Graph's wording for a structural property (microsoftgraph/microsoft-graph-docs#9419, Softeria/ms-365-mcp-server#595).
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Parsing OData Select and Expand failed: Property '${item.name}' on type 'microsoft.graph.${typeName}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
    );
  }
  // Graph's wording for a name the type does not have (microsoftgraph/msgraph-sdk-powershell#2103).
  throw new GraphHttpError(400, 'BadRequest', `Parsing OData Select and Expand failed: Could not find a property named '${item.name}' on type 'microsoft.graph.${typeName}'.`);
}

/** Checks every `$expand` item against the type before any entity is built, so an error never hides behind an empty page. */
export function validateExpand(typeName: string, items: readonly ExpandItem[] | null, sample: Record<string, unknown>): void {
  for (const item of items ?? []) resolve(typeName, item, sample);
}

/** Adds each expanded navigation property (under its CSDL name) to an already serialised entity. */
export function applyExpand(ctx: GraphContext, typeName: string, entity: Record<string, unknown>, full: Record<string, unknown>, items: readonly ExpandItem[] | null): Record<string, unknown> {
  if (!items || items.length === 0) return entity;
  const out = { ...entity };
  for (const item of items) {
    const { name } = resolve(typeName, item, full);
    const navigate = servedNavigation[typeName]?.[name];
    const value = navigate ? navigate(ctx, String(full.id ?? '')) : null;
    // A nested $select over a directoryObject collection names properties of some derived types only; each
    // related object keeps the ones it has.
    const shape = (e: Record<string, unknown>) => {
      if (!item.select) return e;
      const wanted = new Set(item.select.map((s) => s.toLowerCase()));
      return Object.fromEntries(Object.entries(e).filter(([k]) => k === '@odata.type' || wanted.has(k.toLowerCase())));
    };
    if (Array.isArray(value)) out[name] = value.slice(0, maxExpandedItems).map(shape);
    else if (value !== null) out[name] = shape(value);
  }
  return out;
}
