import type { HandlerResult, Reply } from '../../http/Reply';
import type { Router } from '../../http/Router';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { odataContext } from '../odata/odataContext';
import { graphErrors } from './graphErrors';
import { graphJson, graphNoContent } from './graphReplies';

/**
 * `GET /applications/{id}/displayName`: one property of an entity addressed by path (OData URL Conventions 4.01
 * §4.6 "Addressing a Property"). Primitive and collection values come back as `{"@odata.context": ...,
 * "value": ...}`, a complex value as the object itself with its context, and a null value as 204 (OData Protocol
 * §11.2.6). The entity is read through its own GET route, so permissions, replication and 404s are the entity's.
 * A last segment that is not a property of the entity is Graph's unknown-segment 400.
 * Returns undefined when the parent path is not an entity the sandbox serves.
 */
export async function propertyByPath(router: Router, req: SandboxRequest, path: string, graphBase: string): Promise<HandlerResult | undefined> {
  const parts = path.split('/').filter(Boolean);
  if (req.method !== 'GET' || parts.length < 2) return undefined;
  const segment = decodeURIComponent(parts[parts.length - 1] as string);
  const parentPath = `/${parts.slice(0, -1).join('/')}`;
  const parent = router.match('GET', parentPath);
  if (parent.kind !== 'found') return undefined;
  if (/^\$/.test(segment)) return undefined;
  req.params = parent.params;
  const reply = await parent.handler(req);
  if (typeof reply === 'symbol' || reply.status !== 200) return reply;
  const entity = JSON.parse(reply.body.toString()) as Record<string, unknown>;
  if (Array.isArray(entity.value)) return undefined;
  const name = Object.keys(entity).find((k) => !k.startsWith('@') && k.toLowerCase() === segment.toLowerCase());
  if (!name) throw graphErrors.segmentNotFound(segment);
  const value = entity[name];
  if (value === null || value === undefined) return graphNoContent(req);
  // Graph names the entity by its canonical key: /me/displayName -> users('{id}')/displayName.
  const set = parts[0] === 'me' ? 'users' : (parts[0] as string);
  const context = odataContext(graphBase, `${set}('${String(entity.id ?? '')}')/${name}`);
  const body = typeof value === 'object' && !Array.isArray(value) ? { '@odata.context': context, ...(value as Record<string, unknown>) } : { '@odata.context': context, value };
  return graphJson(req, 200, body) as Reply;
}
