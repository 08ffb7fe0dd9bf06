import type { Reply } from '../../http/Reply';
import { addPassword } from '../../model/addPassword';
import { buildApplication } from '../../model/buildApplication';
import { createApplication } from '../../model/createApplication';
import type { Application, SignInAudience } from '../../model/directoryTypes';
import { recordCreatorAsOwner, requireCanCreateApplication, requireCanManageObject } from '../auth/applicationAccess';
import { graphPermissions } from '../auth/graphPermissions';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { GraphHttpError } from '../http/GraphHttpError';
import { graphJson, graphNoContent } from '../http/graphReplies';
import { parseKey } from '../http/normalizeGraphPath';
import { readJsonBody } from '../http/readJsonBody';
import { entityReply } from '../odata/entityReply';
import { listCollection, listDirectoryObjects } from '../odata/listCollection';
import { odataContext } from '../odata/odataContext';
import { applyApplicationPatch, changedPlatforms } from '../ops/applyApplicationPatch';
import { deleteApplication } from '../ops/deleteApplication';
import { findApplicationOr404, lookupApplication } from '../ops/findApplication';
import { removePassword } from '../ops/removePassword';
import { syncServicePrincipals } from '../ops/syncServicePrincipals';
import { serializeApplication } from '../serialize/serializeApplication';
import { serializePasswordCredential } from '../serialize/serializePasswordCredential';
import { parseApplicationBody, type ApplicationPatch } from '../validate/parseApplicationBody';
import { validateIdentifierUris } from '../validate/validateIdentifierUris';
import { validateRedirectUris } from '../validate/validateRedirectUris';

function extrasOf(ctx: GraphContext, app: Application): Record<string, unknown> {
  let extras = ctx.data.applicationExtras.get(app.id);
  if (!extras) {
    extras = {};
    ctx.data.applicationExtras.set(app.id, extras);
  }
  return extras;
}

function serialize(ctx: GraphContext, app: Application): Record<string, unknown> {
  return serializeApplication(app, ctx.data.applicationExtras.get(app.id));
}

function validateCandidate(ctx: GraphContext, candidate: Application, patch: ApplicationPatch): void {
  validateRedirectUris(candidate, changedPlatforms(patch));
  validateIdentifierUris(ctx.rt.state, ctx.directory, candidate);
}

function requireUniqueNameFree(ctx: GraphContext, uniqueName: string | null | undefined): void {
  if (!uniqueName) return;
  for (const app of ctx.directory.applications.values()) {
    if (app.uniqueName?.toLowerCase() === uniqueName.toLowerCase()) {
      // facts §1.3 [OBS]: an already-used uniqueName is a 409.
      throw graphErrors.conflict('Another object with the same value for property uniqueName already exists.');
    }
  }
}

/** POST /applications and the create branch of upsert (facts §1.1, §1.3): 201 with the full object. */
function create(ctx: GraphContext, patch: ApplicationPatch): Reply {
  requireCanCreateApplication(ctx);
  if (typeof patch.displayName !== 'string') throw graphErrors.missingProperty('displayName', 'Application');
  requireUniqueNameFree(ctx, patch.uniqueName as string | null | undefined);
  const candidate = buildApplication(
    { displayName: patch.displayName },
    { id: '00000000-0000-0000-0000-000000000000', appId: '00000000-0000-0000-0000-000000000000' },
    { tenantId: ctx.directory.id, publisherDomain: ctx.directory.defaultDomain, createdAtMs: ctx.rt.clock.now() },
  );
  applyApplicationPatch(candidate, {}, patch);
  validateCandidate(ctx, candidate, patch);
  const app = createApplication(ctx.rt.state, ctx.directory.id, {
    displayName: patch.displayName,
    signInAudience: candidate.signInAudience as SignInAudience,
    uniqueName: candidate.uniqueName,
  });
  applyApplicationPatch(app, extrasOf(ctx, app), patch);
  recordCreatorAsOwner(ctx, app.id);
  return entityReply(ctx, 201, 'applications', 'application', serialize(ctx, app));
}

/** PATCH semantics: validate on a copy, then apply; uniqueName may only be set while null (facts §1.2). */
function update(ctx: GraphContext, app: Application, patch: ApplicationPatch): Reply {
  requireCanManageObject(ctx, app.id);
  if ('uniqueName' in patch && app.uniqueName !== null && patch.uniqueName !== app.uniqueName) {
    throw graphErrors.badRequest("Property 'uniqueName' is immutable once set.");
  }
  if ('uniqueName' in patch && app.uniqueName === null) requireUniqueNameFree(ctx, patch.uniqueName as string | null);
  const candidate = structuredClone(app);
  applyApplicationPatch(candidate, structuredClone(extrasOf(ctx, app)), patch);
  validateCandidate(ctx, candidate, patch);
  applyApplicationPatch(app, extrasOf(ctx, app), patch);
  syncServicePrincipals(ctx.rt.state, app);
  return graphNoContent(ctx.req);
}

const filterable: Record<string, (a: Application) => unknown> = {
  id: (a) => a.id,
  appid: (a) => a.appId,
  displayname: (a) => a.displayName,
  signinaudience: (a) => a.signInAudience,
  publisherdomain: (a) => a.publisherDomain,
};

function parseDate(value: unknown, property: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw graphErrors.invalidProperty(property, 'PasswordCredential');
  return ms;
}

/** The tenant default app management policy's id (tenantAppManagementPolicy: "Default tenant policy", fixed id). */
const defaultAppManagementPolicyId = '00000000-0000-0000-0000-000000000000';

/**
 * The tenant's app management policy on addPassword. Over the maximum lifetime: 400
 * CredentialInvalidLifetimeAsPerAppPolicy with an InvalidKeyEndDate detail (OfficeDev/microsoft-365-agents-toolkit
 * #10998 and #10905 quote the whole body; microsoft/PubSec-Info-Assistant#681 and Azure/azure-cli#28522 the
 * message; CIPP-API#1970 adapts to it). Secrets forbidden: 400 CredentialTypeNotAllowedAsPerAppPolicy (the code as
 * microsoft-365-agents-toolkit's aadErrorCode table has it; [UNVERIFIED] message wording, which no source quotes).
 */
function enforceAppManagementPolicy(ctx: GraphContext, startMs: number, endMs: number): void {
  const policy = ctx.rt.settings.tenantPolicies[ctx.directory.id]?.appManagementPolicy;
  if (!policy) return;
  if (policy.passwordAddition) {
    const message = `Credential type not allowed as per assigned policy '${defaultAppManagementPolicyId}'.`;
    throw new GraphHttpError(400, 'CredentialTypeNotAllowedAsPerAppPolicy', message, { details: [{ code: 'InvalidCredentialType', message, target: 'PasswordCredentials' }] });
  }
  if (policy.passwordLifetimeDays !== undefined && endMs - startMs > policy.passwordLifetimeDays * 24 * 3600 * 1000) {
    const message = `Credential lifetime exceeds the max value allowed as per assigned policy '${defaultAppManagementPolicyId}'.`;
    throw new GraphHttpError(400, 'CredentialInvalidLifetimeAsPerAppPolicy', message, { details: [{ code: 'InvalidKeyEndDate', message, target: 'EndDate' }] });
  }
}

export const applicationRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/applications/:key/owners',
    permissions: graphPermissions.listApplicationOwners,
    handle: (ctx) => {
      const app = findApplicationOr404(ctx, ctx.params.key ?? '');
      return listDirectoryObjects(ctx, [...(ctx.data.owners.get(app.id) ?? [])]);
    },
  },
  {
    method: 'GET',
    pattern: '/applications',
    permissions: graphPermissions.listApplications,
    handle: (ctx) =>
      listCollection(ctx, [...ctx.directory.applications.values()], {
        contextFragment: 'applications',
        resourceName: 'Application',
        typeName: 'application',
        filterable,
        serialize: (a) => serialize(ctx, a),
      }),
  },
  {
    method: 'POST',
    pattern: '/applications',
    permissions: graphPermissions.createApplication,
    handle: async (ctx) => create(ctx, parseApplicationBody(await readJsonBody(ctx.req))),
  },
  {
    method: 'GET',
    pattern: '/applications/:key',
    permissions: graphPermissions.getApplication,
    handle: (ctx) => {
      const app = findApplicationOr404(ctx, ctx.params.key ?? '');
      return entityReply(ctx, 200, 'applications', 'application', serialize(ctx, app));
    },
  },
  {
    method: 'PATCH',
    pattern: '/applications/:key',
    permissions: graphPermissions.upsertApplication,
    handle: async (ctx) => {
      const keyParam = ctx.params.key ?? '';
      const key = parseKey(keyParam);
      const patch = parseApplicationBody(await readJsonBody(ctx.req));
      if (key.name !== 'uniquename') return update(ctx, findApplicationOr404(ctx, keyParam), patch);
      // facts §1.3: upsert by uniqueName. Found -> 204; missing -> 201 with Prefer: create-if-missing, else 404.
      const existing = lookupApplication(ctx, keyParam);
      if (existing) return update(ctx, existing, patch);
      const prefer = (ctx.req.header('prefer') ?? '').toLowerCase();
      if (!prefer.split(',').some((p) => p.trim() === 'create-if-missing')) throw graphErrors.notFound(key.value);
      if ('uniqueName' in patch && patch.uniqueName !== key.value) throw graphErrors.badRequest("Property 'uniqueName' does not match the key.");
      return create(ctx, { ...patch, uniqueName: key.value });
    },
  },
  {
    method: 'DELETE',
    pattern: '/applications/:key',
    permissions: graphPermissions.deleteApplication,
    handle: (ctx) => {
      const app = findApplicationOr404(ctx, ctx.params.key ?? '');
      requireCanManageObject(ctx, app.id);
      deleteApplication(ctx.rt.state, ctx.data, app);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'POST',
    pattern: '/applications/:key/addPassword',
    permissions: graphPermissions.addPassword,
    handle: async (ctx) => {
      const app = findApplicationOr404(ctx, ctx.params.key ?? '');
      requireCanManageObject(ctx, app.id);
      const text = (await ctx.req.body()).toString('utf8').trim();
      const body = text === '' ? {} : await readJsonBody(ctx.req);
      const input = (body.passwordCredential ?? {}) as Record<string, unknown>;
      if (typeof input !== 'object' || input === null) throw graphErrors.invalidProperty('passwordCredential', 'Application');
      const start = parseDate(input.startDateTime, 'startDateTime');
      const end = parseDate(input.endDateTime, 'endDateTime');
      if (end !== undefined && end <= (start ?? ctx.rt.clock.now())) throw graphErrors.invalidProperty('endDateTime', 'PasswordCredential');
      const msa = app.signInAudience === 'AzureADandPersonalMicrosoftAccount' || app.signInAudience === 'PersonalMicrosoftAccount';
      if (msa && app.passwordCredentials.length >= ctx.settings.msaAudienceMaxPasswords) {
        // facts §3.3 [OBS text, UNVERIFIED code].
        throw graphErrors.badRequest(`You can only add a maximum of ${ctx.settings.msaAudienceMaxPasswords} encrypted credentials.`);
      }
      enforceAppManagementPolicy(ctx, start ?? ctx.rt.clock.now(), end ?? (start ?? ctx.rt.clock.now()) + 2 * 365 * 24 * 3600 * 1000);
      const displayName = typeof input.displayName === 'string' ? input.displayName : null;
      // The model's addPassword stores the hash the token endpoint checks, so the secret works for client_credentials.
      const { credential, secretText } = addPassword(ctx.rt.state, app, {
        displayName,
        ...(start !== undefined ? { startDateTime: new Date(start).toISOString() } : {}),
        ...(end !== undefined ? { endDateTime: new Date(end).toISOString() } : {}),
      });
      // facts §3.1: 200, and the only time secretText is ever returned.
      return graphJson(ctx.req, 200, {
        '@odata.context': odataContext(ctx.rt.urls.graph, 'microsoft.graph.passwordCredential'),
        ...serializePasswordCredential(credential, secretText),
      });
    },
  },
  {
    method: 'POST',
    pattern: '/applications/:key/removePassword',
    permissions: graphPermissions.removePassword,
    handle: async (ctx) => {
      const app = findApplicationOr404(ctx, ctx.params.key ?? '');
      requireCanManageObject(ctx, app.id);
      const body = await readJsonBody(ctx.req);
      if (typeof body.keyId !== 'string') throw graphErrors.missingProperty('keyId', 'PasswordCredential');
      if (!removePassword(app, body.keyId)) throw new GraphHttpError(404, 'Request_ResourceNotFound', `No password credential with keyId '${body.keyId}' exists on the application.`);
      return graphNoContent(ctx.req);
    },
  },
];
