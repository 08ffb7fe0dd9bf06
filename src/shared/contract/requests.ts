import { z } from 'zod';
import { accountSummarySchema, authStateSchema, clientIdSchema, signInInputSchema } from '../domain/auth';
import { checklistSchema, handoverFieldSchema, planPermissionSchema, previewItemSchema, runViewSchema, wizardSchema } from '../domain/onboarding';
import { connectInputSchema, deliveryStatusSchema, fieldChangeSchema, pushResultSchema } from '../domain/delivery';
import { preflightSchema } from '../domain/preflight';
import {
  workspaceCreateInputSchema,
  workspaceIdInputSchema,
  workspaceRenameInputSchema,
  workspaceSchema,
} from '../domain/workspace';

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
