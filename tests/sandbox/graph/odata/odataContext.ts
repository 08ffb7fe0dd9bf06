/**
 * `@odata.context` values (facts §1.1, §5.1, §13): `{graph}/$metadata#applications/$entity` for an entity,
 * `{graph}/$metadata#applications` for a collection, with `(a,b)` after the set name under $select.
 */
export function odataContext(graphBase: string, fragment: string, options: { entity?: boolean; select?: readonly string[] | null } = {}): string {
  const select = options.select ? `(${options.select.join(',')})` : '';
  return `${graphBase}/$metadata#${fragment}${select}${options.entity ? '/$entity' : ''}`;
}
