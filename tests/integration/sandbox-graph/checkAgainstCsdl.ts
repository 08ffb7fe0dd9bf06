import type { CsdlModel } from './readCsdl';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const stringTypes = new Set(['Edm.String', 'Edm.Guid', 'Edm.DateTimeOffset', 'Edm.Date', 'Edm.TimeOfDay', 'Edm.Duration', 'Edm.Binary']);
const numberTypes = new Set(['Edm.Int16', 'Edm.Int32', 'Edm.Int64', 'Edm.Double', 'Edm.Single', 'Edm.Decimal', 'Edm.Byte']);

/**
 * Every problem with `value` as an instance of `typeName`: properties the type (with its base types) does not
 * define, and JSON values whose type does not fit the EDM type (checked recursively through complex types and
 * collections). `@odata.*` annotations are skipped; `@odata.type` switches to the derived type.
 */
export function checkAgainstCsdl(model: CsdlModel, typeName: string, value: Record<string, unknown>, path = typeName): string[] {
  const problems: string[] = [];
  const odataType = typeof value['@odata.type'] === 'string' ? (value['@odata.type'] as string).replace(/^#/, '') : null;
  const effective = odataType ?? typeName;
  if (!model.types.has(model.resolve(effective))) return [`${path}: unknown type ${effective}`];
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('@odata.')) continue;
    const prop = model.property(effective, key);
    if (!prop) {
      problems.push(`${path}.${key}: not a property of ${effective}`);
      continue;
    }
    problems.push(...checkValue(model, prop.type, prop.nullable, v, `${path}.${key}`));
  }
  return problems;
}

function checkValue(model: CsdlModel, type: string, nullable: boolean, v: unknown, path: string): string[] {
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(v)) return [`${path}: expected array for ${type}, got ${JSON.stringify(v)}`];
    return v.flatMap((item, i) => checkValue(model, collection[1] as string, true, item, `${path}[${i}]`));
  }
  if (v === null) return nullable ? [] : [`${path}: null for non-nullable ${type}`];
  if (type === 'Edm.Boolean') return typeof v === 'boolean' ? [] : [`${path}: expected boolean, got ${JSON.stringify(v)}`];
  if (numberTypes.has(type)) return typeof v === 'number' ? [] : [`${path}: expected number, got ${JSON.stringify(v)}`];
  if (stringTypes.has(type)) {
    if (typeof v !== 'string') return [`${path}: expected string for ${type}, got ${JSON.stringify(v)}`];
    if (type === 'Edm.Guid' && !guid.test(v)) return [`${path}: not a GUID: ${v}`];
    if (type === 'Edm.DateTimeOffset' && Number.isNaN(Date.parse(v))) return [`${path}: not a DateTimeOffset: ${v}`];
    return [];
  }
  if (type === 'Edm.Stream') return [];
  const full = model.resolve(type);
  if (model.enums.has(full)) {
    if (typeof v !== 'string') return [`${path}: expected enum string for ${type}`];
    // A flags enum serialises as comma-separated member names (OData JSON format §7.1).
    const enumType = model.enumMembers.get(full);
    const values = enumType?.flags ? v.split(',').map((x) => x.trim()) : [v];
    const unknown = values.filter((x) => !enumType?.members.has(x));
    return unknown.length === 0 ? [] : [`${path}: ${unknown.join(', ')} is not a member of ${type}`];
  }
  const complex = model.types.get(full);
  if (complex) {
    if (typeof v !== 'object' || Array.isArray(v)) return [`${path}: expected object for ${type}, got ${JSON.stringify(v)}`];
    return checkAgainstCsdl(model, full, v as Record<string, unknown>, path);
  }
  return [`${path}: unhandled type ${type}`];
}
