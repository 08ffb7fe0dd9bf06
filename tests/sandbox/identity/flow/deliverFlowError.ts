import type { SandboxRuntime } from '../../SandboxRuntime';
import { htmlReply, type Reply } from '../../http/Reply';
import { aadErrorBody, type AadstsError } from '../aadError';
import type { Flow } from '../IdentityStore';
import { errorPage } from '../pages/errorPage';
import { respondToRedirect } from './respondToRedirect';

export function errorPageReply(rt: SandboxRuntime, error: AadstsError, headers: Record<string, string> = {}): Reply {
  const body = aadErrorBody(error, { nowMs: rt.clock.now(), authority: rt.urls.authority });
  return htmlReply(error.status ?? 400, errorPage(body), headers);
}

/**
 * A sign-in error after the redirect URI was validated. /authorize: back to the app (error, error_description,
 * error_uri, suberror, state) or Entra's page, per `interactiveErrorDelivery`. Admin consent: the documented
 * redirects (facts §6). Device login: the page, the device keeps polling.
 */
export function deliverFlowError(rt: SandboxRuntime, flow: Flow, error: AadstsError, headers: Record<string, string> = {}): Reply {
  rt.identity.flows.delete(flow.id);
  const body = aadErrorBody(error, { nowMs: rt.clock.now(), authority: rt.urls.authority });
  if (flow.kind === 'authorize' && flow.authorize && rt.settings.interactiveErrorDelivery === 'redirect') {
    return respondToRedirect(
      flow.authorize.redirectUri,
      flow.authorize.responseMode,
      {
        error: body.error,
        error_description: body.error_description,
        error_uri: body.error_uri,
        suberror: body.suberror,
        state: flow.authorize.state,
      },
      headers,
    );
  }
  if (flow.kind === 'adminconsent' && flow.adminConsent) {
    const { redirectUri, state, version } = flow.adminConsent;
    return respondToRedirect(
      redirectUri,
      'query',
      version === 2
        ? { admin_consent: 'True', error: body.error, error_description: body.error_description, state }
        : { error: body.error, error_description: body.error_description, state },
      headers,
    );
  }
  return htmlReply(error.status ?? 400, errorPage(body), headers);
}
