import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from './sharedDataDir';

/** Where the trimmed copy lives, and the full file it is cut from (msgraph-metadata, schemas/v1.0-Prod.csdl). */
export const trimmedGraphMetadataFile = fileURLToPath(new URL('../data/graph-v1.0-metadata.trimmed.csdl', import.meta.url));
export const fullGraphMetadataFile = join(sharedDataDir, 'graph-metadata', 'v1.0-Prod.csdl');
export const graphMetadataSource = 'github.com/microsoftgraph/msgraph-metadata, schemas/v1.0-Prod.csdl, commit f54f11b60956ea7b185ca0447b2b80805836ec7b';

/**
 * The Graph types the sandbox serves (entity sets, navigation results and the types they embed start
 * from here); everything they reference (base types, complex property types, enums) is kept with them.
 */
export const servedGraphTypes = [
  'application',
  'servicePrincipal',
  'passwordCredential',
  'oAuth2PermissionGrant',
  'appRoleAssignment',
  'organization',
  'delegatedAdminCustomer',
  'delegatedAdminRelationship',
  'group',
  'conditionalAccessPolicy',
  'user',
  'directoryObject',
  'directoryRole',
  'tenantInformation',
] as const;

interface Element {
  kind: 'EntityType' | 'ComplexType' | 'EnumType';
  name: string;
  text: string;
  references: string[];
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * Cuts Graph's CSDL down to `roots` and what they reference, keeping each element's XML exactly as
 * Microsoft wrote it, in the original order, inside the original namespaces. Deterministic, so the drift
 * check can compare the copy in the repository with a fresh cut byte for byte.
 */
export function trimGraphMetadata(full: string, roots: readonly string[] = servedGraphTypes): string {
  const schemas: { head: string; namespace: string; elements: Element[] }[] = [];
  const aliases = new Map<string, string>();
  for (const m of full.matchAll(/<Schema\s[^>]*>([\s\S]*?)<\/Schema>/g)) {
    const head = m[0].slice(0, m[0].indexOf('>') + 1);
    const namespace = attribute(head, 'Namespace') as string;
    const alias = attribute(head, 'Alias');
    if (alias) aliases.set(alias, namespace);
    const elements: Element[] = [];
    for (const e of (m[1] as string).matchAll(/<(EntityType|ComplexType|EnumType)\s([^>]*?)(\/>|>[\s\S]*?<\/\1>)/g)) {
      const text = e[0];
      // Navigation properties are not embedded in an entity's JSON: only structural references are followed.
      const references = [attribute(e[2] as string, 'BaseType'), ...[...text.matchAll(/<Property\s[^>]*?Type="([^"]+)"/g)].map((p) => p[1])]
        .filter((t): t is string => !!t)
        .map((t) => t.replace(/^Collection\((.+)\)$/, '$1'))
        .filter((t) => !t.startsWith('Edm.'));
      elements.push({ kind: e[1] as Element['kind'], name: `${namespace}.${attribute(e[2] as string, 'Name')}`, text, references });
    }
    schemas.push({ head, namespace, elements });
  }
  const resolve = (name: string): string => {
    const i = name.lastIndexOf('.');
    return `${aliases.get(name.slice(0, i)) ?? name.slice(0, i)}.${name.slice(i + 1)}`;
  };
  const byName = new Map(schemas.flatMap((s) => s.elements.map((e) => [e.name, e] as const)));
  const keep = new Set<string>();
  const queue = roots.map((r) => `microsoft.graph.${r}`);
  while (queue.length > 0) {
    const name = resolve(queue.pop() as string);
    if (keep.has(name)) continue;
    const element = byName.get(name);
    if (!element) throw new Error(`The CSDL has no type ${name}`);
    keep.add(name);
    queue.push(...element.references);
  }
  const body = schemas
    .map((s) => ({ ...s, elements: s.elements.filter((e) => keep.has(e.name)) }))
    .filter((s) => s.elements.length > 0)
    .map((s) => `    ${s.head}\n${s.elements.map((e) => `      ${e.text}`).join('\n')}\n    </Schema>`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- Trimmed from ${graphMetadataSource}: the types the sandbox serves and what they reference. Regenerate with: npx tsx scripts/trim-graph-metadata.ts -->`,
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    body,
    '  </edmx:DataServices>',
    '</edmx:Edmx>',
    '',
  ].join('\n');
}
