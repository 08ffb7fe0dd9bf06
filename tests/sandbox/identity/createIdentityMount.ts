import type { SandboxRuntime } from '../SandboxRuntime';
import type { Mount } from '../http/Mount';
import { htmlReply } from '../http/Reply';
import { Router } from '../http/Router';
import { aadErrorReply } from './aadError';
import { aadsts } from './aadsts';
import { layoutPage } from './pages/layoutPage';
import { addDiscoveryRoutes } from './routes/discoveryRoutes';
import { adminConsentRoute } from './routes/adminConsentRoute';
import { authorizeRoute, authorizeV1Route } from './routes/authorizeRoute';
import { deviceCodeRoute, deviceLoginPageRoute, deviceLoginPostRoute } from './routes/deviceCodeRoutes';
import { loginPostRoute } from './routes/loginPostRoute';
import { tokenRoute } from './routes/tokenRoute';

/** The Entra ID v2.0 endpoints (and v1.0 authorize and token, with `resource=`) ("login.microsoftonline.com"), mounted at the root of the sandbox origin. */
export function createIdentityMount(rt: SandboxRuntime): Mount {
  const router = new Router();
  router.get('/devicelogin', deviceLoginPageRoute());
  router.post('/devicelogin', deviceLoginPostRoute(rt));
  addDiscoveryRoutes(router, rt);
  router.get('/:tenant/oauth2/v2.0/authorize', authorizeRoute(rt));
  router.post('/:tenant/login', loginPostRoute(rt));
  router.post('/:tenant/oauth2/v2.0/token', tokenRoute(rt));
  router.get('/:tenant/oauth2/authorize', authorizeV1Route(rt));
  router.post('/:tenant/oauth2/token', tokenRoute(rt, 1));
  router.post('/:tenant/oauth2/v2.0/devicecode', deviceCodeRoute(rt));
  router.get('/:tenant/adminconsent', adminConsentRoute(rt, 1));
  router.get('/:tenant/v2.0/adminconsent', adminConsentRoute(rt, 2));

  const ctx = (correlationId?: string) => ({ nowMs: rt.clock.now(), authority: rt.urls.authority, correlationId });
  return {
    name: 'identity',
    prefix: '',
    router,
    middleware: [],
    errors: {
      throttled: (req, retryAfterSeconds) =>
        aadErrorReply(aadsts.throttled(), ctx(req.header('client-request-id')), { 'retry-after': String(retryAfterSeconds) }),
      unavailable: (req, status) => aadErrorReply(aadsts.serviceUnavailable(status), ctx(req.header('client-request-id'))),
      notFound: () => htmlReply(404, layoutPage('Not found', '<h1>404</h1><p>This sandbox identity endpoint does not exist.</p>')),
      methodNotAllowed: (req, allowed) =>
        aadErrorReply(
          { status: 405, error: 'invalid_request', code: 900561, message: `The endpoint only accepts ${allowed.join(', ')} requests. Received a ${req.method} request.` },
          ctx(),
          { allow: allowed.join(', ') },
        ),
      internalError: (req, error) => {
        console.error(`[sandbox identity] ${req.method} ${req.path}:`, error);
        return aadErrorReply(aadsts.serverError(), ctx(req.header('client-request-id')));
      },
    },
    // facts §9.2: throttling is per (tenant, client app); requests without a client (discovery) are not counted.
    throttleKey: async (req) => {
      const clientId = req.query('client_id') ?? (await req.form()).get('client_id');
      return clientId ? `${(req.params.tenant ?? req.path.split('/')[1] ?? '').toLowerCase()}|${clientId.toLowerCase()}` : null;
    },
  };
}
