import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicCloud, usGovernmentCloud } from '../../../src/main/core/clouds/cloud-profile';
import { scopesFor, stepScopes } from '../../../src/main/core/auth/step-scopes';

describe('step scopes', () => {
  it('sign-in asks for reading the admin’s own profile only', () => {
    expect(scopesFor('signIn', publicCloud)).toEqual(['https://graph.microsoft.com/User.Read']);
  });

  it('qualifies scopes with the cloud’s resource', () => {
    expect(scopesFor('registerApp', usGovernmentCloud)).toEqual(['https://graph.microsoft.us/Application.ReadWrite.All']);
    expect(scopesFor('partnerCenter', publicCloud)).toEqual(['https://api.partnercenter.microsoft.com/user_impersonation']);
  });

  it('refuses Partner Center in a cloud without it, saying so', () => {
    expect(() => scopesFor('partnerCenter', usGovernmentCloud)).toThrow(/has no partnerCenter endpoint/);
  });

  it('explains every step in a sentence', () => {
    for (const entry of Object.values(stepScopes)) expect(entry.why).toMatch(/^[A-Z].{20,}\.$/);
  });

  it('are all listed in the README’s permissions table, and nothing else is', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.split('### Permissions, step by step')[1]?.split('\n## ')[0] ?? '';
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    const listed = rows.map((row) => row.split('|')[1]?.trim().replace(/`/g, ''));
    expect(listed).toEqual(Object.keys(stepScopes));
    for (const [step, entry] of Object.entries(stepScopes)) {
      const row = rows.find((r) => r.startsWith(`| \`${step}\``)) ?? '';
      for (const scope of entry.scopes) expect(row, `${step} lists ${scope}`).toContain(scope);
    }
  });
});

