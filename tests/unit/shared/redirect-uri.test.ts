import { describe, expect, it } from 'vitest';
import {
  REDIRECT_URIS_MAX,
  parseRedirectUriBlock,
  redirectUriProblem,
  sameRedirectUri,
} from '../../../src/shared/domain/redirect-uri';

describe('redirect URI rules (facts §2)', () => {
  it.each([
    'https://mtp.bvoip.net/users',
    'https://identity.eu.clment.com/auth/sso/microsoft/callback',
    'http://localhost',
    'http://localhost:5000/MyApp',
    'http://127.0.0.1:8400/',
    'https://localhost/abc',
    'https://app.example.com/cb?tenant=1',
  ])('accepts %s', (uri) => {
    expect(redirectUriProblem(uri, 'web')).toBeUndefined();
  });

  it.each([
    ['http://contoso.com/cb', /http:\/\/ is allowed only for localhost/],
    ['ftp://contoso.com/cb', /https/],
    ['https://*.contoso.com/cb', /Wildcards/],
    ['https://contoso.com/cb#x', /fragment/],
    ["https://contoso.com/it's", /character/],
    ['https://contoso.com/a,b', /character/],
    ['contoso.com/callback', /Not a URL/],
    [`https://contoso.com/${'a'.repeat(240)}`, /Too long/],
    ['https://user:pw@contoso.com/', /user name/],
  ])('refuses %s with a reason', (uri, reason) => {
    expect(redirectUriProblem(uri, 'web')).toMatch(reason);
  });

  it('accepts URNs for Web only', () => {
    expect(redirectUriProblem('urn:ietf:wg:oauth:2.0:oob', 'web')).toBeUndefined();
    expect(redirectUriProblem('urn:ietf:wg:oauth:2.0:oob', 'spa')).toMatch(/only for Web/);
  });

  it('compares paths case-sensitively, and a bare host equals the host with "/"', () => {
    expect(sameRedirectUri('https://a.com', 'https://a.com/')).toBe(true);
    expect(sameRedirectUri('https://a.com/Users', 'https://a.com/users')).toBe(false);
    expect(sameRedirectUri('https://a.com/x', 'https://a.com/x/')).toBe(false);
  });
});

describe('a pasted block of redirect URIs', () => {
  it('takes one per line, tolerating bullets, quotes, commas and blank lines, and drops repeats', () => {
    const block = [
      'https://mtp.bvoip.net/users',
      '',
      '  "https://acme.bvoip.net/users",',
      '• https://acme.bvoip.net/sso/webclient',
      'https://mtp.bvoip.net/users',
    ].join('\n');
    const parsed = parseRedirectUriBlock(block, 'spa');
    expect(parsed.uris).toEqual([
      'https://mtp.bvoip.net/users',
      'https://acme.bvoip.net/users',
      'https://acme.bvoip.net/sso/webclient',
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('names each bad line by number, and keeps the good ones', () => {
    const parsed = parseRedirectUriBlock('https://ok.example/cb\nhttp://bad.example/cb\n\nnot a url', 'spa');
    expect(parsed.uris).toEqual(['https://ok.example/cb']);
    expect(parsed.problems.map((p) => [p.line, p.text])).toEqual([
      [2, 'http://bad.example/cb'],
      [4, 'not a url'],
    ]);
  });

  it('refuses more redirect URIs than an app registration can hold', () => {
    const block = Array.from({ length: REDIRECT_URIS_MAX + 1 }, (_, i) => `https://h${i}.example/cb`).join('\n');
    const parsed = parseRedirectUriBlock(block, 'web');
    expect(parsed.problems.at(-1)?.problem).toMatch(/At most 256/);
  });
});
