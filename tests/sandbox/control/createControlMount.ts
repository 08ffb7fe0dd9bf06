import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { SandboxRuntime } from '../SandboxRuntime';
import type { Mount } from '../http/Mount';
import { jsonReply, type Reply } from '../http/Reply';
import { Router, type Handler } from '../http/Router';
import type { SandboxRequest } from '../http/SandboxRequest';
import { jsonErrorFormatter } from '../mounts/jsonErrorFormatter';
import { addPassword } from '../model/addPassword';
import { assignAppRole } from '../model/assignAppRole';
import { createApplication } from '../model/createApplication';
import { createUser } from '../model/createUser';
import { ensureServicePrincipal } from '../model/ensureServicePrincipal';
import { upsertDelegatedGrant } from '../model/upsertDelegatedGrant';
import type { Application, User } from '../model/directoryTypes';
import { DirectoryError } from '../model/DirectoryError';
import { defaultAccessAppRoleId } from '../model/wellKnownIds';
import { applySettingsPatch } from '../settings/SandboxSettings';
import { isGuid } from '../util/isGuid';
import * as schemas from './controlSchemas';
import { addAccessAssignment, applyGdapChange } from './gdapControl';
import { redactDirectory, redactState } from './redactState';

export interface ControlHooks {
  token: string;
  info(): unknown;
  reset(): void;
}

class BadRequest extends Error {}

async function parse<T extends z.ZodType>(req: SandboxRequest, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new BadRequest('Body must be JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new BadRequest(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return result.data;
}

function tenantOf(rt: SandboxRuntime, req: SandboxRequest): string {
  // Deleted tenants stay addressable here (to inspect or restore them).
  const seed = rt.state.resolveTenantIncludingDeleted(req.params.tenant ?? '');
  if (!seed) throw new BadRequest(`Unknown tenant ${req.params.tenant ?? ''}`);
  return seed.id;
}

function appOf(rt: SandboxRuntime, tenantId: string, appId: string): Application {
  const app = rt.state.findApplication(appId);
  if (!app || app.sandbox.homeTenantId !== tenantId) throw new BadRequest(`Application ${appId} is not registered in ${tenantId}`);
  return app;
}

function userOf(rt: SandboxRuntime, tenantId: string, idOrUpn: string): User {
  const directory = rt.state.directory(tenantId);
  const user = isGuid(idOrUpn) ? directory.users.get(idOrUpn.toLowerCase()) : directory.findUserByUpn(idOrUpn);
  if (!user) throw new BadRequest(`User ${idOrUpn} not found in ${tenantId}`);
  return user;
}

/** Wraps a handler so thrown BadRequests become 400s with the message. */
function guarded(handler: Handler): Handler {
  return async (req) => {
    try {
      return await handler(req);
    } catch (error) {
      if (error instanceof BadRequest || error instanceof DirectoryError) {
        return jsonReply(400, { error: { code: 'BadRequest', message: error.message } });
      }
      throw error;
    }
  };
}

/**
 * /_sandbox: the test-only control API. Every call needs the per-start control token (Authorization: Bearer),
 * because loopback alone is not enough: any page open in a local browser can send requests to 127.0.0.1.
 */
/**
 * The control API seeds state that already exists when a test starts (an app someone registered last week), so what
 * it creates is past Microsoft's replication window (SandboxSettings.replication). Only what clients create through
 * Graph meets the delays, as on a real tenant. Secrets added here still replicate: tests of 7000215 rely on that.
 */
function seedAsReplicated(rt: SandboxRuntime, tenantId: string, app: Application): void {
  const longAgo = rt.clock.now() - 24 * 3600 * 1000;
  app.sandbox.createdAtMs = Math.min(app.sandbox.createdAtMs, longAgo);
  const sp = rt.state.directory(tenantId).findServicePrincipalByAppId(app.appId);
  if (sp && Date.parse(sp.createdDateTime) > longAgo) sp.createdDateTime = new Date(longAgo).toISOString();
}

export function createControlMount(rt: SandboxRuntime, hooks: ControlHooks): Mount {
  const router = new Router();
  const add = (method: string, pattern: string, handler: Handler) => router.add(method, pattern, guarded(handler));
  const ok = (body: unknown, status = 200): Reply => jsonReply(status, body);

  add('GET', '/info', () => ok(hooks.info()));
  add('GET', '/state', (req) => ok(redactState(rt, req.query('tenant'))));
  add('POST', '/reset', () => {
    hooks.reset();
    return ok({ reset: true, now: rt.clock.nowIso() });
  });
  add('GET', '/clock', () => ok({ now: rt.clock.nowIso(), nowMs: rt.clock.now(), offsetMs: rt.clock.offset() }));
  add('POST', '/clock', async (req) => {
    const input = await parse(req, schemas.clockInput);
    if ('advanceMs' in input) rt.clock.advance(input.advanceMs);
    else if ('advanceSeconds' in input) rt.clock.advance(input.advanceSeconds * 1000);
    else {
      const at = Date.parse(input.set);
      if (Number.isNaN(at)) throw new BadRequest('set must be an ISO 8601 date');
      rt.clock.set(at);
    }
    return ok({ now: rt.clock.nowIso(), nowMs: rt.clock.now(), offsetMs: rt.clock.offset() });
  });
  add('GET', '/settings', () => ok(rt.settings));
  add('PATCH', '/settings', async (req) => {
    const patch = await req.json().catch(() => {
      throw new BadRequest('Body must be JSON');
    });
    try {
      applySettingsPatch(rt.settings, patch);
    } catch (error) {
      throw new BadRequest((error as Error).message);
    }
    return ok(rt.settings);
  });

  add('GET', '/tenants', (req) => {
    const kind = req.query('kind');
    const skip = Number(req.query('skip') ?? 0);
    const top = Math.min(Number(req.query('top') ?? 100), 1000);
    const all = [...rt.state.tenantSeeds()].filter((s) => s.kind !== 'microsoft' && (!kind || s.kind === kind));
    return ok({ total: all.length, value: all.slice(skip, skip + top) });
  });
  add('GET', '/tenants/:tenant', (req) => ok(redactDirectory(rt.state.directory(tenantOf(rt, req)))));
  add('PATCH', '/tenants/:tenant', async (req) => {
    const tenantId = tenantOf(rt, req);
    const input = await parse(req, schemas.tenantPatch);
    const seed = rt.state.tenantSeed(tenantId);
    if (seed && input.conditionalAccess) {
      if (input.conditionalAccess.requireMfa !== undefined) seed.conditionalAccess.requireMfa = input.conditionalAccess.requireMfa;
      if (input.conditionalAccess.serviceProviderUsers !== undefined) seed.conditionalAccess.serviceProviderUsers = input.conditionalAccess.serviceProviderUsers;
    }
    return ok({ id: tenantId, conditionalAccess: seed?.conditionalAccess });
  });
  // A client tenant deleted mid-run: discovery and tokens answer AADSTS90002, Graph refuses its tokens.
  add('DELETE', '/tenants/:tenant', (req) => {
    const seed = rt.state.deleteTenant(tenantOf(rt, req));
    return ok({ id: seed.id, deletedDateTime: seed.deletedDateTime });
  });
  add('POST', '/tenants/:tenant/restore', (req) => {
    const seed = rt.state.restoreTenant(tenantOf(rt, req));
    return ok({ id: seed.id, deletedDateTime: null });
  });
  add('GET', '/tenants/:tenant/consents', (req) => {
    const tenantId = tenantOf(rt, req);
    return ok({ value: rt.state.consentRecords.filter((c) => c.tenantId === tenantId) });
  });

  add('POST', '/tenants/:tenant/users', async (req) => {
    const tenantId = tenantOf(rt, req);
    const input = await parse(req, schemas.userInput);
    const user = createUser(rt.state, tenantId, { ...input, givenName: input.givenName ?? null, surname: input.surname ?? null });
    return ok({ ...user, sandbox: { directoryRoleTemplateIds: user.sandbox.directoryRoleTemplateIds, mfaCode: user.sandbox.mfaCode } }, 201);
  });
  add('PATCH', '/tenants/:tenant/users/:user', async (req) => {
    const tenantId = tenantOf(rt, req);
    const user = userOf(rt, tenantId, req.params.user ?? '');
    const input = await parse(req, schemas.userPatch);
    if (input.password !== undefined) user.sandbox.password = input.password;
    if (input.displayName !== undefined) user.displayName = input.displayName;
    if (input.directoryRoleTemplateIds !== undefined) user.sandbox.directoryRoleTemplateIds = input.directoryRoleTemplateIds;
    if (input.requireMfa !== undefined) user.sandbox.requireMfa = input.requireMfa;
    if (input.accountEnabled !== undefined) user.accountEnabled = input.accountEnabled;
    return ok({ id: user.id, userPrincipalName: user.userPrincipalName });
  });

  add('POST', '/tenants/:tenant/applications', async (req) => {
    const tenantId = tenantOf(rt, req);
    const { createServicePrincipal, ...input } = await parse(req, schemas.applicationInput);
    const app = createApplication(rt.state, tenantId, input, { createServicePrincipal });
    seedAsReplicated(rt, tenantId, app);
    return ok(app, 201);
  });
  add('PATCH', '/tenants/:tenant/applications/:appId', async (req) => {
    const tenantId = tenantOf(rt, req);
    const app = appOf(rt, tenantId, req.params.appId ?? '');
    const input = await parse(req, schemas.applicationPatch);
    if (input.displayName !== undefined) app.displayName = input.displayName;
    if (input.signInAudience !== undefined) app.signInAudience = input.signInAudience;
    if (input.isFallbackPublicClient !== undefined) app.isFallbackPublicClient = input.isFallbackPublicClient;
    if (input.web?.redirectUris) app.web.redirectUris = input.web.redirectUris;
    if (input.spa?.redirectUris) app.spa.redirectUris = input.spa.redirectUris;
    if (input.publicClient?.redirectUris) app.publicClient.redirectUris = input.publicClient.redirectUris;
    if (input.requiredResourceAccess) app.requiredResourceAccess = input.requiredResourceAccess;
    return ok(app);
  });
  add('POST', '/tenants/:tenant/applications/:appId/addPassword', async (req) => {
    const tenantId = tenantOf(rt, req);
    const app = appOf(rt, tenantId, req.params.appId ?? '');
    const input = await parse(req, schemas.passwordInput);
    const { credential, secretText } = addPassword(rt.state, app, input);
    const { sandbox: _internal, ...visible } = credential;
    return ok({ ...visible, secretText });
  });

  add('POST', '/tenants/:tenant/servicePrincipals', async (req) => {
    const tenantId = tenantOf(rt, req);
    const input = await parse(req, schemas.servicePrincipalInput);
    const app = rt.state.findApplication(input.appId);
    if (!app) throw new BadRequest(`Application ${input.appId} not found`);
    const sp = ensureServicePrincipal(rt.state, tenantId, app);
    seedAsReplicated(rt, tenantId, app);
    if (input.appRoleAssignmentRequired !== undefined) sp.appRoleAssignmentRequired = input.appRoleAssignmentRequired;
    return ok({ ...sp, appRoles: sp.appRoles.length, oauth2PermissionScopes: sp.oauth2PermissionScopes.length }, 201);
  });
  add('PATCH', '/tenants/:tenant/servicePrincipals/:appId', async (req) => {
    const tenantId = tenantOf(rt, req);
    const sp = rt.state.directory(tenantId).findServicePrincipalByAppId(req.params.appId ?? '');
    if (!sp) throw new BadRequest(`No service principal for ${req.params.appId ?? ''} in ${tenantId}`);
    const input = await parse(req, schemas.servicePrincipalPatch);
    if (input.appRoleAssignmentRequired !== undefined) sp.appRoleAssignmentRequired = input.appRoleAssignmentRequired;
    if (input.accountEnabled !== undefined) sp.accountEnabled = input.accountEnabled;
    return ok({ id: sp.id, appId: sp.appId, appRoleAssignmentRequired: sp.appRoleAssignmentRequired });
  });

  add('POST', '/tenants/:tenant/oauth2PermissionGrants', async (req) => {
    const tenantId = tenantOf(rt, req);
    const input = await parse(req, schemas.grantInput);
    const directory = rt.state.directory(tenantId);
    const clientApp = rt.state.findApplication(input.clientAppId);
    const resource = directory.findServicePrincipalByAppId(input.resourceAppId);
    if (!clientApp || !resource) throw new BadRequest('Unknown client application or resource service principal');
    const client = ensureServicePrincipal(rt.state, tenantId, clientApp);
    const grant = upsertDelegatedGrant(rt.state, tenantId, {
      clientId: client.id,
      resourceId: resource.id,
      consentType: input.consentType,
      principalId: input.principalId ?? null,
      scopes: input.scope.split(/\s+/).filter(Boolean),
    });
    return ok(grant, 201);
  });
  add('POST', '/tenants/:tenant/appRoleAssignments', async (req) => {
    const tenantId = tenantOf(rt, req);
    const input = await parse(req, schemas.appRoleAssignmentInput);
    const directory = rt.state.directory(tenantId);
    const resource = directory.findServicePrincipalByAppId(input.resourceAppId);
    if (!resource) throw new BadRequest(`No service principal for ${input.resourceAppId} in ${tenantId}`);
    const role = input.appRole
      ? resource.appRoles.find((r) => r.id === input.appRole || r.value.toLowerCase() === input.appRole?.toLowerCase())
      : undefined;
    if (input.appRole && !role) throw new BadRequest(`App role ${input.appRole} not found on ${resource.displayName}`);
    let principal: { id: string; type: 'User' | 'ServicePrincipal'; displayName: string };
    if ('userId' in input.principal) {
      const user = userOf(rt, tenantId, input.principal.userId);
      principal = { id: user.id, type: 'User', displayName: user.displayName };
    } else {
      const app = rt.state.findApplication(input.principal.servicePrincipalAppId);
      if (!app) throw new BadRequest(`Application ${input.principal.servicePrincipalAppId} not found`);
      const sp = ensureServicePrincipal(rt.state, tenantId, app);
      principal = { id: sp.id, type: 'ServicePrincipal', displayName: sp.displayName };
    }
    const assignment = assignAppRole(rt.state, tenantId, {
      principalId: principal.id,
      principalType: principal.type,
      principalDisplayName: principal.displayName,
      resourceId: resource.id,
      appRoleId: role?.id ?? defaultAccessAppRoleId,
    });
    return ok(assignment, 201);
  });

  add('GET', '/gdapRelationships', (req) => {
    const tenant = req.query('tenant');
    const customerId = tenant ? (rt.state.resolveTenantIncludingDeleted(tenant)?.id ?? tenant.toLowerCase()) : undefined;
    const status = req.query('status');
    const value = [...rt.state.gdapRelationships.values()].filter(
      (r) => (!customerId || r.customer.tenantId === customerId) && (!status || r.status === status),
    );
    return ok({ total: value.length, value });
  });
  const relationshipOf = (req: SandboxRequest) => {
    const rel = rt.state.gdapRelationships.get((req.params.id ?? '').toLowerCase());
    if (!rel) throw new BadRequest(`GDAP relationship ${req.params.id ?? ''} not found`);
    return rel;
  };
  add('PATCH', '/gdapRelationships/:id', async (req) => {
    const rel = relationshipOf(req);
    const input = await parse(req, schemas.gdapPatch);
    return ok(applyGdapChange(rt.state, rel, input));
  });
  add('POST', '/gdapRelationships/:id/accessAssignments', async (req) => {
    const rel = relationshipOf(req);
    const input = await parse(req, schemas.accessAssignmentInput);
    const assignment = addAccessAssignment(rt.state, rel, { ...input, groupId: input.groupId ?? rt.plan.gdapGroup.id });
    return ok(assignment, 201);
  });

  const expected = Buffer.from(hooks.token);
  const errors = jsonErrorFormatter('control');
  return {
    name: 'control',
    prefix: '/_sandbox',
    router,
    errors,
    middleware: [
      async (req, next) => {
        const auth = req.header('authorization') ?? '';
        const presented = Buffer.from(auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '');
        if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
          return jsonReply(401, { error: { code: 'Unauthorized', message: 'Send the control token from SANDBOX_READY as a Bearer token.' } });
        }
        return next();
      },
    ],
    throttleKey: async () => null,
  };
}
