import type { Application } from '../../model/directoryTypes';
import type { GraphContext } from '../GraphContext';
import { graphErrors } from '../http/graphErrors';
import { parseKey } from '../http/normalizeGraphPath';

/** An application of the caller's tenant by object id or alternate key (`appid=`, `uniquename=`, facts §1.2/§1.3). */
export function lookupApplication(ctx: GraphContext, keyParam: string): Application | undefined {
  const key = parseKey(keyParam);
  const apps = [...ctx.directory.applications.values()];
  switch (key.name) {
    case 'id':
      return ctx.directory.applications.get(key.value.toLowerCase());
    case 'appid':
      return apps.find((a) => a.appId === key.value.toLowerCase());
    case 'uniquename':
      return apps.find((a) => a.uniqueName !== null && a.uniqueName.toLowerCase() === key.value.toLowerCase());
    default:
      throw graphErrors.badRequest(`The key property '${key.name}' is not an alternate key of 'application'.`);
  }
}

/**
 * Like lookupApplication, but 404 when missing and, with applicationReadDelayMs set, also while a new
 * application has not reached the replica serving reads (facts §4.2).
 */
export function findApplicationOr404(ctx: GraphContext, keyParam: string): Application {
  const app = lookupApplication(ctx, keyParam);
  const value = parseKey(keyParam).value;
  if (!app) throw graphErrors.notFound(value);
  if (ctx.rt.clock.now() - app.sandbox.createdAtMs < ctx.rt.settings.replication.applicationReadDelayMs) throw graphErrors.notFound(value);
  return app;
}
