import { z } from 'zod';
import { MAX_CONSENT_CONCURRENCY } from './tenants-in-progress';

/**
 * Client tenants: the MSP's customers in which the workspace's app is consented, one row per tenant.
 * Every status here was read from the client tenant itself (its service principal, grants, app role
 * assignments and a token's `roles` claim), never inferred from what the console did earlier.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const tenantIdSchema = z.string().regex(GUID, 'A tenant ID is a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.');

// ---- sources -------------------------------------------------------------------------------------

/** Where the console learned of a tenant; a tenant found by several sources lists each. */
export const tenantSourceKindSchema = z.enum(['gdap', 'partnerCenter', 'csv', 'manual']);
export type TenantSourceKind = z.infer<typeof tenantSourceKindSchema>;

export const tenantSourceSchema = z.object({
  kind: tenantSourceKindSchema,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** For people: "clients.csv line 12", "added by domain contoso.com", "GDAP relationship Contoso-2025". */
  detail: z.string().optional(),
});
export type TenantSource = z.infer<typeof tenantSourceSchema>;

/** Graph's delegatedAdminRelationshipStatus values (learn.microsoft.com/graph/api/resources/delegatedadminrelationship). */
export const gdapRelationshipStatusSchema = z.enum([
  'activating',
  'active',
  'approvalPending',
  'approved',
  'created',
  'expired',
  'expiring',
  'terminated',
  'terminating',
  'terminationRequested',
  'unknownFutureValue',
]);
export type GdapRelationshipStatus = z.infer<typeof gdapRelationshipStatusSchema>;

export const gdapRoleSchema = z.object({
  /** The directory role template ID (unifiedRoleDefinition id). */
  roleDefinitionId: z.string(),
  /** Its display name when known ("Application Administrator"); the ID otherwise. */
  name: z.string(),
});
export type GdapRole = z.infer<typeof gdapRoleSchema>;

export const gdapRelationshipSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  status: gdapRelationshipStatusSchema,
  roles: z.array(gdapRoleSchema),
  endDateTime: z.string().nullable(),
});
export type GdapRelationship = z.infer<typeof gdapRelationshipSchema>;

// ---- strategies ----------------------------------------------------------------------------------

/**
 * How the app gets consented in a tenant:
 * - gdapDirect: the partner admin's GDAP access, then in the tenant the service principal,
 *   oauth2PermissionGrants (AllPrincipals) and appRoleAssignedTo, only what differs;
 * - cpv: Partner Center POST /v1/customers/{id}/applicationconsents (the Partner Center app);
 * - adminConsentLink: the client's own Global Administrator opens the admin consent URL.
 */
export const consentStrategySchema = z.enum(['gdapDirect', 'cpv', 'adminConsentLink']);
export type ConsentStrategy = z.infer<typeof consentStrategySchema>;

export const tenantStrategySchema = z.object({
  /** What a run will use. */
  chosen: consentStrategySchema,
  /** True while the admin has not overridden the default. */
  isDefault: z.boolean(),
  /** What the console would pick, and why in one sentence ("GDAP relationship with Application Administrator"). */
  default: consentStrategySchema,
  defaultReason: z.string(),
});
export type TenantStrategy = z.infer<typeof tenantStrategySchema>;

// ---- status --------------------------------------------------------------------------------------

export const tenantStatusKindSchema = z.enum([
  'notStarted',
  'consented',
  'partiallyConsented',
  'accessNeeded',
  'failed',
  'tenantNotFound',
  'excluded',
]);
export type TenantStatusKind = z.infer<typeof tenantStatusKindSchema>;

/** Why the console cannot reach into the tenant, in GDAP / Lighthouse words. */
export const accessNeededReasonSchema = z.enum([
  /** The relationship lacks a role the strategy needs (named in missingRoles). */
  'gdapRoleMissing',
  'relationshipExpired',
  'relationshipPending',
  /** No GDAP relationship at all (and no other way in for this strategy). */
  'relationshipMissing',
  /** The client's Conditional Access requires MFA for service provider users (AADSTS50076). */
  'mfaRequired',
  /** The client's Conditional Access blocks service provider users (AADSTS53003). */
  'blockedByPolicy',
  /** The partner admin must sign in again, or consent to the console's own scopes. */
  'signInRequired',
  /** The partner admin is not in the group the GDAP access assignments name (or not an admin agent for CPV). */
  'notAdminAgent',
  /** Waiting for the client's own Global Administrator to open the admin consent link. */
  'waitingForClientAdmin',
  /** The relationship is active but has no active access assignment, so no partner user gets in through it. */
  'accessAssignmentMissing',
]);
export type AccessNeededReason = z.infer<typeof accessNeededReasonSchema>;

/** A permission as admins read it: "Microsoft Graph User.Read.All (application)". */
export const permissionRefSchema = z.object({
  resourceAppId: z.string(),
  resourceName: z.string(),
  value: z.string(),
  type: z.enum(['delegated', 'application']),
});
export type PermissionRef = z.infer<typeof permissionRefSchema>;

/** One thing read from the tenant that the status rests on ("service principal: found, id …"). */
export const evidenceSchema = z.object({
  check: z.enum([
    'relationship',
    'servicePrincipal',
    'delegatedGrant',
    'appRoleAssignment',
    'tokenRoles',
    'tenantDiscovery',
    'partnerCenter',
    'signIn',
  ]),
  ok: z.boolean(),
  detail: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const problemSchema = z.object({ code: z.string(), message: z.string(), fix: z.string() });

const statusBase = {
  /** When the tenant was last read (null: never). */
  asOf: z.string().nullable(),
  evidence: z.array(evidenceSchema),
};

export const tenantStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notStarted'), ...statusBase }),
  z.object({ kind: z.literal('consented'), ...statusBase }),
  z.object({ kind: z.literal('partiallyConsented'), ...statusBase, missing: z.array(permissionRefSchema) }),
  z.object({
    kind: z.literal('accessNeeded'),
    ...statusBase,
    reason: accessNeededReasonSchema,
    message: z.string(),
    fix: z.string(),
    /** For gdapRoleMissing: the roles to add to the relationship. */
    missingRoles: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal('failed'), ...statusBase, cause: problemSchema }),
  z.object({ kind: z.literal('tenantNotFound'), ...statusBase, message: z.string() }),
  z.object({ kind: z.literal('excluded'), ...statusBase }),
]);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  status: tenantStatusKindSchema,
  /** One line: "Consented through GDAP: created the service principal and 2 grants". */
  summary: z.string(),
  evidence: z.array(evidenceSchema),
  runId: z.string().nullable(),
  strategy: consentStrategySchema.nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The platform's answer to per-client SSO enablement (issue 10 item 6), shown beside the tenant. */
export const platformEnablementSchema = z.object({
  state: z.enum(['enabled', 'failed', 'notConnected']),
  message: z.string(),
  at: z.string(),
});
export type PlatformEnablement = z.infer<typeof platformEnablementSchema>;

export const clientTenantSchema = z.object({
  tenantId: z.string(),
  domain: z.string().nullable(),
  name: z.string().nullable(),
  sources: z.array(tenantSourceSchema),
  gdapRelationships: z.array(gdapRelationshipSchema),
  /** False when the admin excluded the tenant: runs skip it and its status reads "excluded". */
  included: z.boolean(),
  strategy: tenantStrategySchema,
  status: tenantStatusSchema,
  platform: platformEnablementSchema.nullable(),
});
export type ClientTenant = z.infer<typeof clientTenantSchema>;

// ---- listing ---------------------------------------------------------------------------------------

export const tenantSortKeySchema = z.enum(['name', 'domain', 'tenantId', 'status', 'strategy', 'asOf']);

export const tenantFilterSchema = z
  .object({
    /** Case-insensitive substring of name, domain or tenant ID. */
    text: z.string().trim().max(200).optional(),
    statuses: z.array(tenantStatusKindSchema).optional(),
    sources: z.array(tenantSourceKindSchema).optional(),
    strategies: z.array(consentStrategySchema).optional(),
    included: z.boolean().optional(),
  })
  .strict();
export type TenantFilter = z.infer<typeof tenantFilterSchema>;

/** Which tenants a bulk action applies to: explicit IDs, or every tenant matching a filter. */
export const tenantSelectionSchema = z.union([
  z.object({ tenantIds: z.array(tenantIdSchema).min(1).max(10_000) }).strict(),
  z.object({ filter: tenantFilterSchema }).strict(),
]);
export type TenantSelection = z.infer<typeof tenantSelectionSchema>;

export const statusCountsSchema = z.record(tenantStatusKindSchema, z.number().int());
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const tenantsListInputSchema = z.object({
  workspaceId: z.string().min(1),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
  sort: z
    .object({ by: tenantSortKeySchema, direction: z.enum(['asc', 'desc']).default('asc') })
    .default({ by: 'name', direction: 'asc' }),
  filter: tenantFilterSchema.default({}),
});

export const tenantsListOutputSchema = z.object({
  /** Rows matching the filter. */
  total: z.number().int(),
  rows: z.array(clientTenantSchema),
});

/** The app being consented, and whether this workspace has client tenants at all. */
export const consentAppSchema = z.object({
  /** False: no client tenants for this workspace, and `reason` says why (single-tenant app, setup not done). */
  applicable: z.boolean(),
  reason: z.string().optional(),
  appId: z.string().nullable(),
  displayName: z.string().nullable(),
  permissions: z.array(permissionRefSchema),
  /** The Partner Center app (ClientOne guide) when the workspace has one: CPV is possible. */
  partnerCenterAppId: z.string().nullable(),
});
export type ConsentApp = z.infer<typeof consentAppSchema>;

// ---- runs ----------------------------------------------------------------------------------------

export const consentRunStateSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']);

export const consentRunProgressSchema = z.object({
  workspaceId: z.string(),
  runId: z.string(),
  mode: z.enum(['consent', 'verify']),
  state: consentRunStateSchema,
  total: z.number().int(),
  /** Tenants finished in this run (any outcome). */
  done: z.number().int(),
  /** Tenants being worked on right now. */
  inFlight: z.number().int(),
  /** Outcomes so far in this run, per status. */
  counts: statusCountsSchema,
  /** Tenants per minute over the last minute of work (null until there is one). */
  ratePerMinute: z.number().nullable(),
  /** Seconds left at that rate (null when unknown). */
  etaSeconds: z.number().nullable(),
  /** Throttling answers (429) received so far, and how long the run is waiting for one right now. */
  throttled: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  concurrency: z.number().int(),
});
export type ConsentRunProgress = z.infer<typeof consentRunProgressSchema>;

export const consentStartInputSchema = z.object({
  workspaceId: z.string().min(1),
  homeAccountId: z.string().min(1),
  /** Default: every included tenant. */
  selection: tenantSelectionSchema.optional(),
  /** consent: consent where missing, then verify; verify: only read each tenant's status. */
  mode: z.enum(['consent', 'verify']).default('consent'),
  /** Requests to Microsoft in flight at once (default 8; the console asks for the admin's choice); 8 tenants in progress per request (1: one tenant at a time). */
  concurrency: z.number().int().min(1).max(MAX_CONSENT_CONCURRENCY).optional(),
});

export const exportLinksOutputSchema = z.object({
  fileName: z.string(),
  /** CSV: tenant ID, domain, name, admin consent URL. */
  csv: z.string(),
  /** A ready-to-send message to the client's Global Administrator. */
  message: z.string(),
  count: z.number().int(),
});

// ---- import --------------------------------------------------------------------------------------

export const csvProblemSchema = z.object({
  line: z.number().int(),
  value: z.string(),
  reason: z.string(),
});
export type CsvProblem = z.infer<typeof csvProblemSchema>;

export const csvImportInputSchema = z.object({
  workspaceId: z.string().min(1),
  fileName: z.string().max(260).optional(),
  /** The file's text as read (a BOM is fine). 10 MB is about 100,000 rows. */
  text: z.string().max(10 * 1024 * 1024, 'The file is larger than 10 MB; split it into smaller files.'),
});

export const csvImportResultSchema = z.object({
  /** Data rows read (header and empty lines not counted). */
  rows: z.number().int(),
  /** New tenants added. */
  imported: z.number().int(),
  /** Rows naming a tenant the list already had (the CSV is recorded as a source; nothing is added twice). */
  alreadyListed: z.number().int(),
  problems: z.array(csvProblemSchema),
});
export type CsvImportResult = z.infer<typeof csvImportResultSchema>;

export const discoverResultSchema = z.object({
  sources: z.array(
    z.object({
      kind: z.enum(['gdap', 'partnerCenter']),
      state: z.enum(['ok', 'needsSignIn', 'unavailable', 'failed']),
      found: z.number().int(),
      error: problemSchema.optional(),
    }),
  ),
  added: z.number().int(),
  total: z.number().int(),
});
export type DiscoverResult = z.infer<typeof discoverResultSchema>;

export const addByDomainResultSchema = z.object({
  tenant: clientTenantSchema,
  /** The tenant was already listed (the manual source is added to it). */
  alreadyListed: z.boolean(),
  /** Said when the domain's tenant is none of the partner's GDAP or Partner Center customers. */
  warning: z.string().optional(),
});
