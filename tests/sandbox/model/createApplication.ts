import { DirectoryError } from './DirectoryError';
import { buildApplication, type ApplicationInput } from './buildApplication';
import { ensureServicePrincipal } from './ensureServicePrincipal';
import type { SandboxState } from './SandboxState';
import type { Application } from './directoryTypes';

export interface CreateApplicationOptions {
  /** The portal creates the home-tenant service principal too; Graph's POST /applications does not (facts §4.1). */
  createServicePrincipal?: boolean;
}

export function createApplication(
  state: SandboxState,
  tenantId: string,
  input: ApplicationInput,
  options: CreateApplicationOptions = {},
): Application {
  const directory = state.directory(tenantId);
  if (input.uniqueName) {
    for (const app of directory.applications.values()) {
      if (app.uniqueName === input.uniqueName) {
        throw new DirectoryError(`An application with uniqueName ${input.uniqueName} already exists in ${tenantId}`);
      }
    }
  }
  const app = buildApplication(
    input,
    { id: state.random.uuid(), appId: state.random.uuid() },
    { tenantId: directory.id, publisherDomain: directory.defaultDomain, createdAtMs: state.clock.now() },
  );
  directory.applications.set(app.id, app);
  state.registerApplication(app);
  if (options.createServicePrincipal) ensureServicePrincipal(state, directory.id, app);
  return app;
}

/**
 * Whether a new application is visible yet to operations that read replicas (service principal creation, facts
 * §4.2). The Graph emulation calls this; the identity endpoints do not need it.
 */
export function isApplicationReplicated(state: SandboxState, app: Application, delayMs: number): boolean {
  return state.clock.now() - app.sandbox.createdAtMs >= delayMs;
}
