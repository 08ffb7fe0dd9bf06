import { z } from 'zod';
import { accountSummarySchema, authStateSchema, clientIdSchema, signInInputSchema } from '../domain/auth';
import { checklistSchema, handoverFieldSchema, planPermissionSchema, previewItemSchema, runViewSchema, wizardSchema } from '../domain/onboarding';
import { connectInputSchema, deliveryStatusSchema, fieldChangeSchema, pushResultSchema } from '../domain/delivery';
import { preflightSchema } from '../domain/preflight';
import { stepIdSchema } from '../domain/steps';
import { connectivityStateSchema } from '../domain/connectivity';
import { cachedWorkspaceSchema, refreshResultSchema } from '../domain/offline';
import { driftItemSchema, driftReportSchema, workspaceDriftSchema } from '../domain/drift';
import {
  addByDomainResultSchema,
  consentAppSchema,
  consentRunProgressSchema,
  consentStartInputSchema,
  consentStrategySchema,
  csvImportInputSchema,
  csvImportResultSchema,
  discoverResultSchema,
  exportLinksOutputSchema,
  historyEntrySchema,
  statusCountsSchema,
  tenantIdSchema,
  tenantSelectionSchema,
  tenantsListInputSchema,
  tenantsListOutputSchema,
} from '../domain/client-tenants';
import { rotationResultSchema, secretEntrySchema } from '../domain/secrets';
import {
  dashboardAttentionInputSchema,
  dashboardAttentionOutputSchema,
  dashboardExportOutputSchema,
  dashboardFilterSchema,
  dashboardListInputSchema,
  dashboardListOutputSchema,
  dashboardSortSchema,
  dashboardSummarySchema,
} from '../domain/dashboard';
import {
  workspaceCreateInputSchema,
  workspaceIdInputSchema,
  workspaceRenameInputSchema,
  workspaceSchema,
} from '../domain/workspace';
import { activityCsvSchema, activityListInputSchema, activityListOutputSchema, activityQuerySchema, activityVerifySchema } from '../domain/activity';
import { MAX_CONSENT_CONCURRENCY } from '../domain/tenants-in-progress';

const none = z.object({}).strict();

export const hostKindSchema = z.enum(['electron', 'web']);
export type HostKind = z.infer<typeof hostKindSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: hostKindSchema,
  dataDir: z.string(),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * Every request the renderer can make, with the schema of what goes in and what comes out.
 * Both hosts (Electron IPC and the loopback web host) carry exactly this map; the handler table in
 * src/main/rpc validates each input against it before any core function runs.
 */
export const requests = {
  'app.info': { input: none, output: appInfoSchema },
  'workspaces.list': { input: none, output: z.array(workspaceSchema) },
  'workspaces.create': { input: workspaceCreateInputSchema, output: workspaceSchema },
  'workspaces.rename': { input: workspaceRenameInputSchema, output: workspaceSchema },
  'workspaces.delete': { input: workspaceIdInputSchema, output: z.object({ id: z.string() }) },
  'auth.state': { input: none, output: authStateSchema },
  'auth.signIn': { input: signInInputSchema, output: accountSummarySchema },
  'auth.cancel': { input: none, output: z.object({}) },
  'auth.signOut': { input: z.object({ homeAccountId: z.string().min(1) }), output: z.object({}) },
  'auth.useClientId': { input: z.object({ clientId: clientIdSchema.nullable() }), output: authStateSchema },
  'onboarding.wizard': { input: z.object({ workspaceId: z.string().min(1) }), output: wizardSchema },
  'onboarding.saveAnswers': {
    input: z.object({ workspaceId: z.string().min(1), answers: z.record(z.string(), z.unknown()) }),
    output: z.object({ valid: z.boolean(), issues: z.array(z.object({ path: z.string(), message: z.string() })) }),
  },
  'onboarding.preview': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1), adopt: z.record(z.string(), z.string()).default({}) }),
    output: z.object({ items: z.array(previewItemSchema), permissions: z.array(planPermissionSchema) }),
  },
  'onboarding.apply': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1), adopt: z.record(z.string(), z.string()).default({}) }),
    output: z.object({ runId: z.string() }),
  },
  'onboarding.resume': { input: z.object({ workspaceId: z.string().min(1) }), output: z.object({ runId: z.string() }) },
  'onboarding.run': { input: z.object({ workspaceId: z.string().min(1) }), output: runViewSchema.nullable() },
  'onboarding.handover': { input: z.object({ workspaceId: z.string().min(1) }), output: z.object({ fields: z.array(handoverFieldSchema) }) },
  'onboarding.consentInBrowser': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1), role: z.enum(['main', 'partnerCenter']) }),
    output: z.object({ granted: z.literal(true) }),
  },
  /** Microsoft's admin consent page for the sign-in app's permissions these steps need (AADSTS90094 for this admin). */
  'onboarding.adminConsentForSteps': {
    input: z.object({ homeAccountId: z.string().min(1), steps: z.array(stepIdSchema).min(1) }),
    output: z.object({ granted: z.literal(true) }),
  },
  'onboarding.revealSecret': {
    input: z.object({ workspaceId: z.string().min(1), role: z.enum(['main', 'partnerCenter']) }),
    output: z.object({ value: z.string() }),
  },
  'onboarding.checklist': { input: z.object({ workspaceId: z.string().min(1) }), output: checklistSchema },
  'onboarding.tickChecklist': {
    input: z.object({ workspaceId: z.string().min(1), itemKey: z.string().min(1), done: z.boolean() }),
    output: checklistSchema,
  },
  'delivery.status': { input: z.object({ workspaceId: z.string().min(1) }), output: deliveryStatusSchema },
  'delivery.connect': { input: connectInputSchema, output: z.object({ platformName: z.string() }) },
  'delivery.diff': {
    input: z.object({ workspaceId: z.string().min(1) }),
    output: z.object({ hasConfiguration: z.boolean(), changes: z.array(fieldChangeSchema) }),
  },
  'delivery.push': { input: z.object({ workspaceId: z.string().min(1) }), output: pushResultSchema },
  'delivery.tick': {
    input: z.object({ workspaceId: z.string().min(1), fieldKey: z.string().min(1), ticked: z.boolean() }),
    output: z.object({ ticks: z.array(z.string()) }),
  },
  'delivery.writeEnvFile': { input: z.object({ workspaceId: z.string().min(1) }), output: z.object({ path: z.string() }) },
  'preflight.run': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1) }),
    output: preflightSchema,
  },
  // ---- client tenants (issue 10): src/main/core/consent ----
  /** The app being consented and whether the workspace has client tenants at all; counts per status. */
  'tenants.summary': {
    input: z.object({ workspaceId: z.string().min(1) }),
    output: z.object({ app: consentAppSchema, total: z.number().int(), included: z.number().int(), counts: statusCountsSchema }),
  },
  /** One page of the merged list, sorted and filtered in the store (5,000 rows never cross IPC at once). */
  'tenants.list': { input: tenantsListInputSchema, output: tenantsListOutputSchema },
  /** Reads GDAP customers + relationships and Partner Center customers and merges them into the list. */
  'tenants.discover': {
    input: z.object({
      workspaceId: z.string().min(1),
      homeAccountId: z.string().min(1),
      sources: z.array(z.enum(['gdap', 'partnerCenter'])).min(1).default(['gdap', 'partnerCenter']),
    }),
    output: discoverResultSchema,
  },
  'tenants.importCsv': { input: csvImportInputSchema, output: csvImportResultSchema },
  /** A tenant ID or domain, resolved through OpenID discovery so a typo is caught now. */
  'tenants.addByDomain': {
    input: z.object({ workspaceId: z.string().min(1), domain: z.string().trim().min(1).max(253), name: z.string().trim().max(256).optional() }),
    output: addByDomainResultSchema,
  },
  'tenants.setIncluded': {
    input: z.object({ workspaceId: z.string().min(1), selection: tenantSelectionSchema, included: z.boolean() }),
    output: z.object({ changed: z.number().int() }),
  },
  /** `default` goes back to the console's choice. */
  'tenants.setStrategy': {
    input: z.object({
      workspaceId: z.string().min(1),
      selection: tenantSelectionSchema,
      strategy: z.union([consentStrategySchema, z.literal('default')]),
    }),
    output: z.object({ changed: z.number().int() }),
  },
  'tenants.history': {
    input: z.object({ workspaceId: z.string().min(1), tenantId: tenantIdSchema }),
    output: z.object({ entries: z.array(historyEntrySchema) }),
  },
  /** Starts a run (one per workspace at a time); progress comes as 'consent.progress' events. */
  'consent.start': { input: consentStartInputSchema, output: z.object({ runId: z.string() }) },
  /** Stops the running run at once; tenants in flight finish their current request and are left resumable. */
  'consent.cancel': { input: z.object({ workspaceId: z.string().min(1) }), output: z.object({ cancelled: z.boolean() }) },
  /** A new run over the tenants whose status is failed or accessNeeded. */
  'consent.retryFailed': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1), concurrency: z.number().int().min(1).max(MAX_CONSENT_CONCURRENCY).optional() }),
    output: z.object({ runId: z.string() }),
  },
  /** Resumes an interrupted run (crash, closed laptop) exactly where its journal stopped. */
  'consent.resume': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1) }),
    output: z.object({ runId: z.string() }),
  },
  /** The latest run (or the one named), null when there was none. */
  'consent.run': {
    input: z.object({ workspaceId: z.string().min(1), runId: z.string().optional() }),
    output: consentRunProgressSchema.nullable(),
  },
  /** Past runs, newest first. */
  'consent.runs': {
    input: z.object({ workspaceId: z.string().min(1), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(consentRunProgressSchema),
  },
  /** Admin consent in the browser for one tenant (the client's Global Administrator signs in); then verified. */
  'consent.consentInBrowser': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1), tenantId: tenantIdSchema }),
    output: z.object({ granted: z.boolean() }),
  },
  /** Admin consent links as CSV plus a message for the clients' own Global Administrators. */
  'consent.exportLinks': {
    input: z.object({ workspaceId: z.string().min(1), selection: tenantSelectionSchema.optional() }),
    output: exportLinksOutputSchema,
  },
  // ---- activity log (issue 11 item 5): src/main/core/activity ----
  /** One page of the log, newest first, searched and filtered in the store. */
  'activity.list': { input: activityListInputSchema, output: activityListOutputSchema },
  /** Walks the hash chain: "intact, N entries" or the first broken entry. */
  'activity.verify': { input: none, output: activityVerifySchema },
  /** What the search matches (or the whole log) as CSV, oldest first. */
  'activity.exportCsv': { input: activityQuerySchema, output: activityCsvSchema },
  // ---- status dashboard across workspaces (issue 11 §2): src/main/core/dashboard ----
  /** Counts per status and platform, and the secret expiry timeline, for the tenants a filter matches. */
  'dashboard.summary': { input: z.object({ filter: dashboardFilterSchema.default({}) }), output: dashboardSummarySchema },
  /** One page of the matching tenants across all workspaces. */
  'dashboard.list': { input: dashboardListInputSchema, output: dashboardListOutputSchema },
  /** What needs attention first (failed, access needed, partial consent, secrets), with why. */
  'dashboard.attention': { input: dashboardAttentionInputSchema, output: dashboardAttentionOutputSchema },
  /** The matching rows as CSV, in the table's order. */
  'dashboard.exportCsv': {
    input: z.object({ filter: dashboardFilterSchema.default({}), sort: dashboardSortSchema.default('name') }),
    output: dashboardExportOutputSchema,
  },
  /** A self-contained HTML report (no script, no network, printable) for the matching tenants or one client. */
  'dashboard.exportReport': { input: z.object({ filter: dashboardFilterSchema.default({}) }), output: dashboardExportOutputSchema },
  // ---- offline first (issue 11 §1): src/main/core/offline, src/main/core/net/connectivity ----
  /** Whether Microsoft answers, as last seen; changes come as 'connectivity.changed' events. */
  'connectivity.state': { input: none, output: connectivityStateSchema },
  /** Probes the cloud's OpenID discovery document now. */
  'connectivity.check': { input: none, output: connectivityStateSchema },
  /** Every workspace's cached app registrations, secret metadata and tenant status times (SQLite only). */
  'offline.cache': { input: none, output: z.object({ workspaces: z.array(cachedWorkspaceSchema) }) },
  /** Re-reads what is cached (apps and secrets from Graph, tenant statuses via a verify run) and says what changed. */
  'offline.refresh': {
    input: z.object({ workspaceIds: z.array(z.string().min(1)).optional(), homeAccountId: z.string().min(1).optional() }),
    output: refreshResultSchema,
  },
  // ---- drift across workspaces (issue 11 §4): src/main/core/drift ----
  /** Compares every set-up workspace's tenant, platform and consented client tenants with its setup; progress as 'drift.progress'. */
  'drift.checkAll': { input: z.object({ concurrency: z.number().int().min(1).max(16).optional() }).strict(), output: driftReportSchema },
  /** The last check's result (this session), null before the first. */
  'drift.latest': { input: none, output: driftReportSchema.nullable() },
  /** Repairs one drifted item with the setup step that owns it, then re-checks that item. */
  'drift.repair': {
    input: z.object({ workspaceId: z.string().min(1), itemKey: z.string().min(1).max(2000) }).strict(),
    output: z.object({ item: driftItemSchema.nullable(), workspace: workspaceDriftSchema }),
  },
  // ---- secret lifecycle (issue 11 §3): src/main/core/secrets ----
  /** Every client secret across workspaces with its expiry band; metadata only (values stay in the vault). */
  'secrets.list': { input: none, output: z.array(secretEntrySchema) },
  /** Calendar reminders (.ics) for every secret, saved where the admin chooses. */
  'secrets.exportIcs': { input: none, output: z.object({ path: z.string(), fileName: z.string(), events: z.number().int() }) },
  /** Reads the workspace's apps from Entra; secrets removed there leave the vault too. */
  'secrets.checkInEntra': {
    input: z.object({ workspaceId: z.string().min(1), homeAccountId: z.string().min(1).optional() }),
    output: z.object({ forgotten: z.array(z.string()) }),
  },
  'secrets.rotate': {
    input: z.object({ workspaceId: z.string().min(1), role: z.enum(['main', 'partnerCenter']), homeAccountId: z.string().min(1).optional() }),
    output: rotationResultSchema,
  },
  'secrets.finishRotation': { input: z.object({ rotationId: z.string().min(1), homeAccountId: z.string().min(1).optional() }), output: rotationResultSchema },
  'secrets.cancelRotation': { input: z.object({ rotationId: z.string().min(1), homeAccountId: z.string().min(1).optional() }), output: rotationResultSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Requests = typeof requests;
export type Channel = keyof Requests;
/** What a caller passes (before defaults and trimming). */
export type InputOf<C extends Channel> = z.input<Requests[C]['input']>;
/** What a handler receives (after validation and transforms). */
export type ParsedInputOf<C extends Channel> = z.output<Requests[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Requests[C]['output']>;

export const channels = Object.keys(requests) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}
