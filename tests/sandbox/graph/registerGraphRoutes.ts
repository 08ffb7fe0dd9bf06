import type { SandboxRuntime } from '../SandboxRuntime';
import { createFaultMiddleware } from '../http/createFaultMiddleware';
import type { Router } from '../http/Router';
import { bearerThrottleKey } from '../mounts/bearerThrottleKey';
import { createGraphErrorFormatter } from '../mounts/graphErrorFormatter';
import { graphRoutes } from './graphRoutes';
import { defaultGraphSettings, type GraphSettings } from './GraphSettings';
import { createGraphDispatcher, type GraphDispatch } from './http/createGraphDispatcher';
import { createBatchRoute } from './routes/createBatchRoute';
import { createGraphTenantGate } from './throttle/createGraphTenantGate';

export interface GraphService {
  /** Live Graph settings; mutate to change behaviour (tests, a future control endpoint). */
  settings: GraphSettings;
}

/**
 * Registers the Microsoft Graph v1.0 emulation on the graph mount's router (`/graph` prefix): `POST /v1.0/$batch`
 * and a catch-all `/v1.0/*path` that routes every other Graph operation itself (OData key segments such as
 * `applications(appId='…')` need their own parsing). Register other `/v1.0` routes on this router before
 * calling this. The mount's middleware (fault injection, 429 per tenant+app) applies to each outer request;
 * $batch applies the same throttling and 5xx injection to every inner request (facts §9.3).
 */
export function registerGraphRoutes(router: Router, rt: SandboxRuntime, options: { settings?: Partial<GraphSettings> } = {}): GraphService {
  const settings: GraphSettings = { ...defaultGraphSettings(), ...options.settings };
  const dispatch: GraphDispatch = createGraphDispatcher(rt, settings, graphRoutes);
  const innerMiddleware = [
    createFaultMiddleware(
      { name: 'graph', errors: createGraphErrorFormatter(rt.clock), throttleKey: bearerThrottleKey },
      {
        // Resets and latency make no sense per inner request: the batch shares one connection.
        profile: () => ({ ...rt.settings.faults.graph, resetRate: 0, latency: { kind: 'none' } }),
        random: () => rt.random.faults,
        clock: rt.clock,
        limiter: rt.limiter,
      },
    ),
    createGraphTenantGate(rt, createGraphErrorFormatter(rt.clock), { chargeBatchEnvelope: true }),
  ];
  router.post('/v1.0/$batch', createBatchRoute(rt, () => dispatch, innerMiddleware));
  router.add(['GET', 'POST', 'PATCH', 'DELETE', 'PUT'], '/v1.0/*path', dispatch);
  return { settings };
}
