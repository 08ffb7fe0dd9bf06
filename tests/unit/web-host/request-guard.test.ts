import { describe, expect, it } from 'vitest';
import { checkRequest, cookieValue, sessionCookieName } from '../../../src/main/web-host/request-guard';

const port = 4321;
const token = 'secret-token-value';
const SESSION_COOKIE = sessionCookieName(port);
const good = {
  host: `127.0.0.1:${port}`,
  origin: undefined,
  cookie: `${SESSION_COOKIE}=${token}`,
  queryToken: null,
  requireOrigin: false,
};

describe('web host request guard', () => {
  it('lets our own page in by cookie or by the token in the link', () => {
    expect(checkRequest(good, port, token)).toEqual({ ok: true });
    expect(checkRequest({ ...good, cookie: undefined, queryToken: token }, port, token)).toEqual({ ok: true });
    expect(checkRequest({ ...good, host: `localhost:${port}`, origin: `http://localhost:${port}` }, port, token)).toEqual({ ok: true });
  });

  it("reads only the cookie named for its own port (another 127.0.0.1 host's cookie is not ours)", () => {
    expect(SESSION_COOKIE).toBe('eo_session_4321');
    expect(checkRequest({ ...good, cookie: `${sessionCookieName(port + 1)}=${token}` }, port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest({ ...good, cookie: `eo_session=${token}` }, port, token)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a missing or wrong token with 401 and says where the right link is', () => {
    const missing = checkRequest({ ...good, cookie: undefined }, port, token);
    expect(missing).toMatchObject({ ok: false, status: 401 });
    expect(missing.ok ? '' : missing.reason).toContain('WEB_READY');
    expect(checkRequest({ ...good, cookie: `${SESSION_COOKIE}=nope` }, port, token)).toMatchObject({ status: 401 });
    expect(checkRequest({ ...good, cookie: undefined, queryToken: token + 'x' }, port, token)).toMatchObject({ status: 401 });
  });

  it('refuses a foreign Host header (DNS rebinding) even with the right token', () => {
    for (const host of ['evil.example:4321', `127.0.0.1:${port + 1}`, '0.0.0.0:4321', undefined]) {
      expect(checkRequest({ ...good, host }, port, token)).toMatchObject({ ok: false, status: 421 });
    }
  });

  it('refuses another Origin even with the right token', () => {
    for (const origin of ['https://evil.example', `http://127.0.0.1:${port + 1}`, 'null']) {
      expect(checkRequest({ ...good, origin }, port, token)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('requires an Origin where asked (WebSocket upgrades)', () => {
    expect(checkRequest({ ...good, requireOrigin: true }, port, token)).toMatchObject({ ok: false, status: 403 });
    expect(checkRequest({ ...good, requireOrigin: true, origin: `http://127.0.0.1:${port}` }, port, token)).toEqual({ ok: true });
  });

  it('reads one cookie among several', () => {
    expect(cookieValue(`a=1; ${SESSION_COOKIE}=x=y; b=2`, SESSION_COOKIE)).toBe('x=y');
    expect(cookieValue(undefined, SESSION_COOKIE)).toBeUndefined();
  });
});
