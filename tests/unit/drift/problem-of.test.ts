import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../src/main/core/drift/problem-of';
import { HttpFailure } from '../../../src/main/core/consent/http-client';
import { AppError } from '../../../src/main/core/errors/app-error';

describe('why a part could not be checked', () => {
  it('a request that got no answer names the host and the cause code, never an unrecognised error', () => {
    const undici = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    const p = problemOf(undici, 'read the app registration');
    expect(p.code).toBe('network_unreachable');
    expect(p.message).toMatch(/^Could not read the app registration: Can't reach .*\(ECONNREFUSED\)\.$/);
    expect(p.message).not.toMatch(/TypeError/);
    expect(p.fix).toMatch(/network or VPN/);
  });

  it('a refusal (403) says which roles can read it', () => {
    const graph = Object.assign(new Error('Insufficient privileges to complete the operation.'), { statusCode: 403, code: 'Authorization_RequestDenied' });
    const http = new HttpFailure(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }, 'https://graph.microsoft.com/v1.0/oauth2PermissionGrants');
    for (const error of [graph, http]) {
      const p = problemOf(error, 'read admin consent');
      expect(p.message).toMatch(/^Could not read admin consent: your account is not allowed to read it \(.*Insufficient privileges/);
      expect(p.fix).toMatch(/Cloud Application Administrator or Global Reader/);
    }
  });

  it('an AppError keeps its own message and fix; an unknown Graph error names the action', () => {
    expect(problemOf(new AppError('sign_in_required', 'Sign in again.', { fix: 'Open the workspace and sign in.' }), 'x')).toEqual({
      code: 'sign_in_required',
      message: 'Sign in again.',
      fix: 'Open the workspace and sign in.',
    });
    const p = problemOf(Object.assign(new Error('boom'), { statusCode: 500, code: 'UnknownError' }), 'read the platform');
    expect(p.message).toMatch(/^Could not read the platform/);
    expect(p.fix).toBeTruthy();
  });
});
