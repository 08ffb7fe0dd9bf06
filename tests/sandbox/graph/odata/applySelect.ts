import { GraphHttpError } from '../http/GraphHttpError';

/** Parsed `$select`, or null when absent. */
export function parseSelect(select: string | undefined): string[] | null {
  if (select === undefined || select.trim() === '') return null;
  return [...new Set(select.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** Keeps only the selected properties; an unknown name is a 400 as in Graph's OData layer [OBS]. */
export function applySelect(entity: Record<string, unknown>, select: readonly string[] | null, typeName: string): Record<string, unknown> {
  if (!select) return entity;
  const byLower = new Map(Object.keys(entity).map((k) => [k.toLowerCase(), k]));
  const out: Record<string, unknown> = {};
  for (const name of select) {
    const key = byLower.get(name.toLowerCase());
    if (!key) throw new GraphHttpError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`);
    out[key] = entity[key];
  }
  return out;
}
