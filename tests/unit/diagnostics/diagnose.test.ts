import { describe, expect, it } from 'vitest';
import { aadstsCodeOf, diagnose } from '../../../src/main/core/diagnostics/diagnose';
import { aadstsErrors } from '../../../src/main/core/diagnostics/known-errors';

describe('diagnose', () => {
  it('reads an MSAL ServerError (errorNo, correlation ID) and drops trace lines from the message', () => {
    const d = diagnose({
      errorCode: 'invalid_grant',
      errorNo: '65001',
      errorMessage:
        "AADSTS65001: The user or administrator has not consented to use the application.\r\nTrace ID: t1\r\nCorrelation ID: c1\r\nTimestamp: 2026-01-01 00:00:00Z",
      subError: 'consent_required',
      correlationId: 'c1',
    });
    expect(d).toEqual({
      ...aadstsErrors[65001],
      code: 'AADSTS65001',
      correlationId: 'c1',
      requestId: undefined,
      microsoftMessage: 'The user or administrator has not consented to use the application.',
    });
  });

  it('reads a raw token endpoint body (facts §10.1)', () => {
    const d = diagnose({
      error: 'invalid_client',
      error_description: 'AADSTS7000222: The provided client secret keys are expired.\r\nTrace ID: t2',
      error_codes: [7000222],
      trace_id: 't2',
      correlation_id: 'c2',
    });
    expect(d.code).toBe('AADSTS7000222');
    expect(d.fix).toMatch(/new secret/);
    expect(d.correlationId).toBe('c2');
    expect(d.requestId).toBe('t2');
  });

  it('finds an AADSTS code inside any message', () => {
    expect(aadstsCodeOf(new Error('interaction_required: AADSTS50076: Due to a configuration change'))).toBe(50076);
    expect(aadstsCodeOf({ message: 'nothing here' })).toBeUndefined();
  });

  it('reads a raw Graph error body (facts §9.1) with its request IDs', () => {
    const d = diagnose({
      error: {
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
        innerError: { date: '2026-01-01T00:00:00', 'request-id': 'r3', 'client-request-id': 'c3' },
      },
    });
    expect(d).toMatchObject({ code: 'Authorization_RequestDenied', requestId: 'r3', correlationId: 'c3' });
    expect(d.fix).toMatch(/Application Administrator/);
  });

  it('reads the Graph client library’s GraphError shape', () => {
    const d = diagnose({ statusCode: 429, code: 'TooManyRequests', requestId: 'r4', message: 'Please retry again later.' });
    expect(d).toMatchObject({ code: 'TooManyRequests', requestId: 'r4' });
  });

  it('falls back to a general cause with a fix for anything unknown', () => {
    const d = diagnose(new Error('socket hang up'));
    expect(d.code).toBeUndefined();
    expect(d.fix).toMatch(/correlation ID/);
    expect(d.microsoftMessage).toBe('socket hang up');
    expect(diagnose({ errorNo: '1234567' }).cause).toMatch(/does not recognise/);
  });

  it('has a cause and a fix for every code the sandbox must emit (issue 3)', () => {
    for (const code of [50011, 50020, 50105, 65001, 700016, 7000215, 7000222, 90002, 9001023, 50076, 54005]) {
      expect(aadstsErrors[code], `AADSTS${code}`).toBeDefined();
    }
  });
});
