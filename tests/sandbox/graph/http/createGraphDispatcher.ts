import type { SandboxRuntime } from '../../SandboxRuntime';
import type { HandlerResult, Reply } from '../../http/Reply';
import { Router } from '../../http/Router';
import type { SandboxRequest } from '../../http/SandboxRequest';
import { hasPermission } from '../auth/checkPermission';
import { callerFromClaims, verifyGraphToken } from '../auth/verifyGraphToken';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import type { GraphSettings } from '../GraphSettings';
import { graphStoreFor } from '../GraphStore';
import { graphErrorReply } from './graphErrorReply';
import { graphErrors } from './graphErrors';
import { GraphHttpError } from './GraphHttpError';
import { normalizeGraphPath } from './normalizeGraphPath';
import { propertyByPath } from './propertyByPath';

export type GraphDispatch = (req: SandboxRequest) => Promise<HandlerResult>;

/**
 * Routes one Graph request below `/v1.0`: path normalisation (alternate keys), token validation (401), the
 * endpoint's scope/role requirement (403), then the handler. Handler errors thrown as GraphHttpError become the
 * facts §9.1 envelope; anything else reaches the mount's internalError.
 */
export function createGraphDispatcher(rt: SandboxRuntime, settings: GraphSettings, routes: readonly GraphRoute[]): GraphDispatch {
  const router = new Router();
  for (const route of routes) {
    router.add(route.method, route.pattern, (req) => runRoute(rt, settings, route, req));
  }
  return async (req) => {
    try {
      const path = normalizeGraphPath(req.mountPath);
      if (path === null) throw graphErrors.segmentNotFound(req.mountPath.split('/').filter(Boolean)[0] ?? '');
      const match = router.match(req.method, path);
      if (match.kind === 'notFound') {
        const property = await propertyByPath(router, req, path, rt.urls.graph);
        if (property) return property;
        throw graphErrors.segmentNotFound(firstUnknownSegment(router, path));
      }
      if (match.kind === 'methodNotAllowed') {
        throw new GraphHttpError(405, 'Request_BadRequest', `Specified HTTP method is not allowed for the request uri.`, {
          headers: { allow: match.allowed.join(', ') },
        });
      }
      req.params = match.params;
      return await match.handler(req);
    } catch (error) {
      if (error instanceof GraphHttpError) return graphErrorReply(req, rt.clock.now(), error);
      throw error;
    }
  };
}

async function runRoute(rt: SandboxRuntime, settings: GraphSettings, route: GraphRoute, req: SandboxRequest): Promise<Reply> {
  try {
    const verified = await verifyGraphToken(rt, req.header('authorization'), settings.clockSkewSeconds);
    if (!verified.ok) throw verified.error;
    const caller = callerFromClaims(rt, verified.tenantId, verified.claims);
    if (caller.kind === 'application' && route.appOnlyError) throw route.appOnlyError();
    const requirement = typeof route.permissions === 'function' ? route.permissions(settings) : route.permissions;
    if (!hasPermission(caller, requirement)) throw graphErrors.insufficientPrivileges();
    const store = graphStoreFor(rt.state);
    const ctx: GraphContext = {
      rt,
      req,
      params: req.params,
      caller,
      directory: rt.state.directory(caller.tenantId),
      data: store.tenant(caller.tenantId),
      store,
      settings,
    };
    return await route.handle(ctx);
  } catch (error) {
    if (error instanceof GraphHttpError) return graphErrorReply(req, rt.clock.now(), error);
    throw error;
  }
}

/** Graph names the first segment it could not resolve ("Resource not found for the segment 'x'."). */
function firstUnknownSegment(router: Router, path: string): string {
  const parts = path.split('/').filter(Boolean);
  for (let i = parts.length; i > 0; i--) {
    const prefix = `/${parts.slice(0, i).join('/')}`;
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      if (router.match(method, prefix).kind !== 'notFound') return decodeURIComponent(parts[i] ?? parts[i - 1] ?? '');
    }
  }
  return decodeURIComponent(parts[0] ?? '');
}
