type CustomerFilter = (profile: { companyName: string; domain: string }) => boolean;

/**
 * facts §7.3: `filter={"Field":"CompanyName","Value":"Cont","Operator":"starts_with"}` (URL-encoded). Partner
 * Center's customer search fields are CompanyName and Domain with the starts_with operator; matching is
 * case-insensitive [UNVERIFIED].
 */
export function parseCustomerFilter(raw: string | null): { ok: true; filter: CustomerFilter | null } | { ok: false; message: string } {
  if (raw === null || raw.trim() === '') return { ok: true, filter: null };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'The filter is not valid JSON.' };
  }
  const spec = value as { Field?: unknown; Value?: unknown; Operator?: unknown };
  if (typeof spec !== 'object' || spec === null || typeof spec.Value !== 'string') return { ok: false, message: 'The filter needs Field, Value and Operator.' };
  if (String(spec.Operator).toLowerCase() !== 'starts_with') return { ok: false, message: `The filter operator '${String(spec.Operator)}' is not supported.` };
  const prefix = spec.Value.toLowerCase();
  switch (String(spec.Field).toLowerCase()) {
    case 'companyname':
      return { ok: true, filter: (c) => c.companyName.toLowerCase().startsWith(prefix) };
    case 'domain':
      return { ok: true, filter: (c) => c.domain.toLowerCase().startsWith(prefix) };
    default:
      return { ok: false, message: `The filter field '${String(spec.Field)}' is not supported.` };
  }
}
