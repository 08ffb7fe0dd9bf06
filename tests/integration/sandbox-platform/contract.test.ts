import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { loadPlatformApiValidator } from '../../sandbox/platform/loadPlatformApiValidator';
import { platformApiDocPath } from '../../sandbox/platform/platformApiDocPath';

const guid = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

describe('docs/platform-api.yaml', () => {
  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(platformApiDocPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('names every operation with the agreed operationIds, and every schema compiles in Ajv strict mode', () => {
    // Loading compiles every request and response schema; a schema Ajv cannot compile strictly throws here.
    const v = loadPlatformApiValidator(platformApiDocPath);
    expect([...v.operationIds].sort()).toEqual(
      ['getRequirements', 'getSsoConfiguration', 'listTenants', 'putSsoConfiguration', 'putTenant', 'putTenantsBatch', 'testSsoConfiguration'].sort(),
    );
  });
});

describe('loadPlatformApiValidator', () => {
  const v = loadPlatformApiValidator(platformApiDocPath);

  it('validates request bodies through the $refs to components, with JSON Pointer paths', () => {
    expect(v.validateRequest('putSsoConfiguration', { tenantId: guid, clientId: guid, clientSecret: 's3cret-value', enabled: true })).toEqual({ ok: true, errors: [] });
    const bad = v.validateRequest('putSsoConfiguration', {
      tenantId: 'contoso',
      clientId: guid,
      origin: 'http://portal.contosomsp.example/path',
      partnerCenter: { clientSecret: 'x' },
      authMode: 'sometimes',
      colour: 'blue',
    });
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        { path: '/tenantId', message: 'must be a GUID (8-4-4-4-12 hexadecimal digits)' },
        { path: '/enabled', message: 'is required' },
        { path: '/origin', message: 'must be an https origin (https://host[:port], no path)' },
        { path: '/partnerCenter/clientId', message: 'is required' },
        { path: '/authMode', message: 'must be equal to one of the allowed values' },
        { path: '/colour', message: 'is not a known property' },
      ]),
    );
    // The null branch of a nullable member does not add noise.
    expect(bad.errors.some((e) => e.message.includes('null') || e.message.includes('anyOf'))).toBe(false);
    expect(v.validateRequest('putSsoConfiguration', undefined)).toEqual({ ok: false, errors: [{ path: '', message: 'a request body is required' }] });
    expect(v.validateRequest('testSsoConfiguration', undefined).ok).toBe(true);
    expect(v.validateRequest('getRequirements', { a: 1 }).ok).toBe(false);
  });

  it('validates responses by status, range (5XX) and default, and by media type', () => {
    const problem = { type: 'https://platform-onboarding.example/problems/not_found', title: 'Not found', status: 404, detail: 'none', code: 'not_found' };
    expect(v.validateResponse('getSsoConfiguration', 404, problem, 'application/problem+json; charset=utf-8').ok).toBe(true);
    expect(v.validateResponse('getSsoConfiguration', 404, problem, 'text/html').errors[0]?.message).toMatch(/not documented/);
    expect(v.validateResponse('getSsoConfiguration', 503, { ...problem, status: 503, code: 'service_unavailable' }).ok).toBe(true);
    expect(v.validateResponse('getSsoConfiguration', 418, { ...problem, status: 418, code: 'teapot' }).ok).toBe(true);
    // A secret in a configuration is exactly what the document forbids.
    const leaked = v.validateResponse('getSsoConfiguration', 200, {
      tenantId: guid,
      clientId: guid,
      clientSecret: 'the-secret-itself',
      partnerCenter: null,
      origin: null,
      enabled: true,
      authMode: null,
      updatedAt: '2025-01-01T00:00:00Z',
      version: 1,
    });
    expect(leaked.ok).toBe(false);
    expect(leaked.errors).toEqual([{ path: '/clientSecret', message: 'must be object' }]);
    expect(v.validateResponse('putSsoConfiguration', 422, { ...problem, status: 422, code: 'validation_failed' }).errors).toEqual([{ path: '/errors', message: 'is required' }]);
  });

  it('validates parameters and refuses unknown operations', () => {
    expect(v.validateParameter('putTenant', 'path', 'tenantId', guid).ok).toBe(true);
    expect(v.validateParameter('putTenant', 'path', 'tenantId', 'contoso.com').ok).toBe(false);
    expect(v.validateParameter('putSsoConfiguration', 'header', 'idempotency-key', undefined).ok).toBe(false);
    expect(v.validateParameter('putSsoConfiguration', 'header', 'Idempotency-Key', 'k'.repeat(256)).ok).toBe(false);
    expect(v.validateParameter('putSsoConfiguration', 'header', 'If-Match', undefined).ok).toBe(true);
    expect(() => v.validateRequest('deleteEverything', {})).toThrow(/No operation deleteEverything/);
  });
});
