/**
 * Request-body property names matched without regard to case, answered in the case the schema defines.
 * Graph's directory endpoints accept `DisplayName` for `displayName` (microsoftgraph/microsoft-graph-docs#17798:
 * "The case on other keys has no effect"), as OData 4.01 lets a service do when no exact match exists
 * (oasis-tcs/odata-specs#812: "first looking for a case-sensitive match and, failing that, case insensitive").
 * Annotations (`members@odata.bind`) are matched the same way on their property part.
 */
export function canonicalPropertyNames(body: Record<string, unknown>, names: Iterable<string>): Record<string, unknown> {
  const byLower = new Map<string, string>();
  for (const name of names) {
    const base = name.split('@')[0] as string;
    byLower.set(base.toLowerCase(), base);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const at = key.indexOf('@');
    const property = at > 0 ? key.slice(0, at) : key;
    const annotation = at > 0 ? key.slice(at).toLowerCase() : '';
    if (at === 0) {
      out[key] = value;
      continue;
    }
    const exact = [...byLower.values()].includes(property);
    const canonical = exact ? property : (byLower.get(property.toLowerCase()) ?? property);
    out[`${canonical}${annotation}`] = value;
  }
  return out;
}
