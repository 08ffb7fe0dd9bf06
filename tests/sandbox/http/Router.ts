import type { HandlerResult } from './Reply';
import type { SandboxRequest } from './SandboxRequest';

export type Handler = (req: SandboxRequest) => Promise<HandlerResult> | HandlerResult;

interface Route {
  methods: readonly string[];
  segments: readonly string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'methodNotAllowed'; allowed: string[] }
  | { kind: 'notFound' };

/**
 * Minimal path router: `/:tenant/oauth2/v2.0/token` style patterns, `:name` captures one segment and `*name`
 * captures the rest. Literal segments compare case-insensitively, as Entra's endpoints do.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(methods: string | readonly string[], pattern: string, handler: Handler): this {
    const list = typeof methods === 'string' ? [methods] : methods;
    this.routes.push({ methods: list.map((m) => m.toUpperCase()), segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add(['GET', 'HEAD'], pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.methods.includes(method.toUpperCase())) return { kind: 'found', handler: route.handler, params };
      route.methods.forEach((m) => allowed.add(m));
    }
    return allowed.size > 0 ? { kind: 'methodNotAllowed', allowed: [...allowed] } : { kind: 'notFound' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    if (p.startsWith('*')) {
      params[p.slice(1)] = parts.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (p.startsWith(':')) {
      params[p.slice(1)] = decodeURIComponent(part);
    } else if (p.toLowerCase() !== part.toLowerCase()) {
      return null;
    }
  }
  return pattern.length === parts.length ? params : null;
}
