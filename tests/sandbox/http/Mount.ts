import type { MountName } from '../settings/SandboxSettings';
import type { Reply, HandlerResult } from './Reply';
import type { Router } from './Router';
import type { SandboxRequest } from './SandboxRequest';

export type Middleware = (req: SandboxRequest, next: () => Promise<HandlerResult>) => Promise<HandlerResult>;

/** How a mount renders failures in its own service's error shape (AADSTS JSON for identity, OData for Graph...). */
export interface MountErrorFormatter {
  throttled(req: SandboxRequest, retryAfterSeconds: number): Reply;
  unavailable(req: SandboxRequest, status: number): Reply;
  notFound(req: SandboxRequest): Reply;
  methodNotAllowed(req: SandboxRequest, allowed: string[]): Reply;
  internalError(req: SandboxRequest, error: unknown): Reply;
}

/**
 * A service mounted under a path prefix of the one HTTPS server. The next phase adds Graph, Partner Center and
 * platform routes to the existing mounts' routers and inherits their middleware (fault injection) unchanged.
 */
export interface Mount {
  name: MountName;
  /** '' for identity (Entra's paths start with the tenant), '/graph', '/partnercenter', '/platform', '/_sandbox'. */
  prefix: string;
  router: Router;
  middleware: Middleware[];
  errors: MountErrorFormatter;
  /** Throttling key (tenant + client app) for a request, or null when the request has none. */
  throttleKey(req: SandboxRequest): Promise<string | null>;
}
