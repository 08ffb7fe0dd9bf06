import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepScopes, type StepId } from '../../../src/main/core/auth/step-scopes';
import type { Core } from '../../../src/main/core/create-core';
import { AppError } from '../../../src/main/core/errors/app-error';
import { ErrorCode } from '../../../src/shared/error-codes';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';

let env: SignedInCore;
let core: Core;
let homeAccountId: string;

beforeAll(async () => {
  env = await startSignedInCore('eo-one-consent-');
  core = env.core;
  // Signed in with the sign-in scope only: no step of the setup has been consented to yet.
  homeAccountId = await env.signIn('globalAdmin', []);
});

afterAll(() => env?.close());

async function signInRequiredOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(ErrorCode.SignInRequired);
  return error as AppError;
}

describe('one sign-in and one consent for a whole setup', () => {
  it('asks at preview, once, for every scope the plan needs with its reasons; afterwards every token is silent', async () => {
    const ws = core.services.workspaces.create({ name: 'Contoso – Clment once', platformId: 'clment', partnerTenant: null });
    const principals = sandboxUpn('member');
    expect(core.services.onboarding.saveAnswers(ws.id, { region: 'eu', assignmentRequired: true, principals }).valid).toBe(true);

    const asked = await signInRequiredOf(core.services.onboarding.preview(ws.id, homeAccountId));
    const steps = asked.details?.['steps'] as StepId[];
    // The plan's steps only (least privilege): nothing for groups, Conditional Access or Partner Center.
    expect([...steps].sort()).toEqual(['assignUsers', 'findExistingApps', 'grantAdminConsent', 'registerApp', 'signIn']);
    const permissions = asked.details?.['permissions'] as { scope: string; reasons: string[] }[];
    const scopes = permissions.map((p) => p.scope);
    expect(new Set(scopes).size).toBe(scopes.length); // each scope listed once
    expect([...scopes].sort()).toEqual([...new Set(steps.flatMap((s) => stepScopes[s].scopes))].sort());
    // A scope several steps need carries each step's reason, from the per-step table.
    expect(permissions.find((p) => p.scope === 'Application.ReadWrite.All')?.reasons).toEqual([
      stepScopes.registerApp.why,
      stepScopes.grantAdminConsent.why,
    ]);
    expect(permissions.find((p) => p.scope === 'Application.Read.All')?.reasons).toEqual([stepScopes.findExistingApps.why, stepScopes.assignUsers.why]);

    // One interactive request carries every scope the error names.
    expect(env.openedUrls).toHaveLength(1); // the first sign-in
    await core.services.auth.start({ method: 'browser', steps, homeAccountId });
    expect(env.openedUrls).toHaveLength(2);
    const requested = new URL(env.openedUrls[1]!).searchParams.get('scope')!.split(' ');
    for (const scope of scopes) expect(requested.some((r) => r.endsWith(`/${scope}`)), scope).toBe(true);

    const preview = await core.services.onboarding.previewPlan(ws.id, homeAccountId);
    expect(preview.permissions.map((p) => p.scope)).toEqual(scopes);
    expect(preview.items.some((i) => i.stepId === 'main:assignment-required')).toBe(true);
    await core.services.onboarding.apply(ws.id, homeAccountId);
    await core.services.onboarding.settled(ws.id);
    const run = core.services.onboarding.runView(ws.id);
    expect(run?.status, JSON.stringify(run?.steps)).toBe('succeeded');
    // Preview and apply found every step's token silently: no further trip to the browser.
    expect(env.openedUrls).toHaveLength(2);
  });
});

function sandboxUpn(key: string): string {
  return env.sandbox.info.users.find((u) => u.key === key)!.username;
}
