import { readFileSync } from 'node:fs';

export interface CsdlProperty {
  name: string;
  type: string;
  nullable: boolean;
}

export interface CsdlType {
  fullName: string;
  kind: 'EntityType' | 'ComplexType';
  baseType: string | null;
  properties: Map<string, CsdlProperty>;
}

export interface CsdlModel {
  types: Map<string, CsdlType>;
  enums: Set<string>;
  /** Each enum's member names, and whether it is a flags enum (values may be comma-separated). */
  enumMembers: Map<string, { members: Set<string>; flags: boolean }>;
  /** Resolves `graph.x` / `microsoft.graph.x` to a full name. */
  resolve(typeName: string): string;
  /** The property on `typeName` or one of its base types. */
  property(typeName: string, name: string): CsdlProperty | undefined;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) out[m[1] as string] = m[2] as string;
  return out;
}

/**
 * A small reader for Graph's CSDL (OData v4 EDMX): schemas with namespace aliases, EntityType/ComplexType with
 * BaseType, Property (name, type, nullable) and EnumType names. Regex-based on purpose; the file is well formed.
 */
export function readCsdl(path: string): CsdlModel {
  const text = readFileSync(path, 'utf8');
  const types = new Map<string, CsdlType>();
  const enums = new Set<string>();
  const enumMembers = new Map<string, { members: Set<string>; flags: boolean }>();
  const aliases = new Map<string, string>();
  const schemas = text.split(/<Schema\s/).slice(1);
  for (const schema of schemas) {
    const head = attrs(schema.slice(0, schema.indexOf('>')));
    const ns = head.Namespace as string;
    if (head.Alias) aliases.set(head.Alias, ns);
    for (const m of schema.matchAll(/<EnumType\s([^>]*?)>([\s\S]*?)<\/EnumType>/g)) {
      const a = attrs(m[1] as string);
      enums.add(`${ns}.${a.Name}`);
      const members = new Set([...(m[2] as string).matchAll(/<Member\s+Name="(\w+)"/g)].map((x) => x[1] as string));
      enumMembers.set(`${ns}.${a.Name}`, { members, flags: a.IsFlags === 'true' });
    }
    for (const m of schema.matchAll(/<(EntityType|ComplexType)\s([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
      const a = attrs(m[2] as string);
      const properties = new Map<string, CsdlProperty>();
      for (const p of (m[4] ?? '').matchAll(/<Property\s([^>]*?)\/?>/g)) {
        const pa = attrs(p[1] as string);
        if (pa.Name && pa.Type) properties.set(pa.Name, { name: pa.Name, type: pa.Type, nullable: pa.Nullable !== 'false' });
      }
      types.set(`${ns}.${a.Name}`, { fullName: `${ns}.${a.Name}`, kind: m[1] as CsdlType['kind'], baseType: a.BaseType ?? null, properties });
    }
  }
  const resolve = (typeName: string): string => {
    const index = typeName.lastIndexOf('.');
    const prefix = typeName.slice(0, index);
    const ns = aliases.get(prefix) ?? prefix;
    return `${ns}.${typeName.slice(index + 1)}`;
  };
  const property = (typeName: string, name: string): CsdlProperty | undefined => {
    let current: CsdlType | undefined = types.get(resolve(typeName));
    while (current) {
      const found = current.properties.get(name);
      if (found) return found;
      current = current.baseType ? types.get(resolve(current.baseType)) : undefined;
    }
    return undefined;
  };
  return { types, enums, enumMembers, resolve, property };
}
