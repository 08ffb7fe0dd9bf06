import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/create-core';
import { startSignedInCore, type SignedInCore } from '../../helpers/signed-in-core';
import type { SandboxHandle } from '../../sandbox/startSandbox';
import { sandboxHttp } from '../sandbox/helpers/sandboxHttp';

let env: SignedInCore;
let sandbox: SandboxHandle;
let core: Core;

beforeAll(async () => {
  env = await startSignedInCore('eo-pc-mfa-');
  ({ sandbox, core } = env);
});
afterAll(() => env?.close());

describe('Partner Center’s MFA requirement (401 900421 for App+User tokens without MFA)', () => {
  it('the v2.0 endpoint refuses amr_values (AADSTS901002), as Entra does', async () => {
    const url = new URL(`${sandbox.info.authority}/${sandbox.info.partnerTenantId}/oauth2/v2.0/authorize`);
    url.search = new URLSearchParams({ client_id: sandbox.info.publicClientId, response_type: 'code', redirect_uri: 'http://localhost:5999/', scope: 'openid', amr_values: 'mfa', state: 's1' }).toString();
    const r = await sandboxHttp(sandbox).get(url.toString());
    expect(r.status).toBe(302);
    const back = new URL(String(r.headers['location']));
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/^AADSTS901002: The 'amr_values' request parameter is not supported\./);
    expect(back.searchParams.get('state')).toBe('s1');
  });

  it('preflight offers the MFA sign-in; it asks Microsoft for MFA, and Partner Center then answers', async () => {
    // A partner admin whose tenant does not require MFA at sign-in: Entra issues a token without it.
    const homeAccountId = await env.signIn('globalAdmin', ['partnerCenter']);
    const ws = core.services.workspaces.create({ name: 'Contoso – PC MFA', platformId: 'clientone', partnerTenant: null });
    const before = await core.services.preflight.run(ws.id, homeAccountId);
    const pc = before.reach.find((c) => c.id === 'partnerCenter')!;
    expect(pc).toMatchObject({ status: 'needsSignIn', reason: 'mfa', step: 'partnerCenter' });
    expect(pc.fix).toMatch(/Sign in again with MFA/);

    await core.services.auth.start({ method: 'browser', steps: ['partnerCenter'], homeAccountId, mfa: true });
    // The sign-in asked for MFA the way Entra accepts it: v1.0 with amr_values=mfa and a fresh login.
    const asked = new URL(env.openedUrls.at(-1)!);
    expect(asked.pathname).toBe(`/${sandbox.info.partnerTenantId}/oauth2/authorize`);
    expect(asked.searchParams.get('amr_values')).toBe('mfa');
    expect(asked.searchParams.get('prompt')).toBe('login');
    expect(asked.searchParams.get('resource')).toBe('https://api.partnercenter.microsoft.com');

        const after = await core.services.preflight.run(ws.id, homeAccountId);
    expect(after.reach.find((c) => c.id === 'partnerCenter')).toMatchObject({ status: 'ok' });
  }, 120_000);
});
