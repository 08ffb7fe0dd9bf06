import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/shared/error-codes';
import { publicCloud } from '../../../src/main/core/clouds/cloud-profile';
import { AppError } from '../../../src/main/core/errors/app-error';
import { PartnerCenterClient } from '../../../src/main/core/partner-center/partner-center-client';
import type { CloudFetch } from '../../../src/main/core/net/cloud-fetch';

/** Partner Center's answer to an App+User token without MFA since 1 April 2026: 401, code 900421. */
const refusesWithoutMfa: CloudFetch = async () =>
  new Response('\uFEFF' + JSON.stringify({ code: '900421', description: 'Multi-factor authentication is required for App+User calls to Partner Center.', data: [], source: 'PartnerCenter' }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });

describe('Partner Center MFA enforcement', () => {
  it('asks for an MFA sign-in for the Partner Center step, not for a Partner Center role', async () => {
    const client = new PartnerCenterClient(publicCloud, refusesWithoutMfa, async () => 'token');
    const error = await client.customers(5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.SignInRequired);
    expect((error as AppError).details).toMatchObject({ step: 'partnerCenter', reason: 'mfa' });
    expect((error as AppError).message).toContain('multi-factor authentication');
    expect((error as AppError).fix).not.toContain('Admin agent');
  });
});
