import { z } from 'zod';
import { parseRedirectUriBlock, redirectUriProblem, type RedirectPlatform } from '../../../shared/domain/redirect-uri';

/** One redirect URI answer, checked by Microsoft's rules plus the platform's own (`extra`). */
export function redirectUriAnswer(platform: RedirectPlatform, extra?: (uri: string) => string | undefined) {
  return z
    .string()
    .trim()
    .min(1, 'Paste the redirect URI the platform shows you.')
    .superRefine((uri, ctx) => {
      const problem = redirectUriProblem(uri, platform) ?? extra?.(uri);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** A pasted block of redirect URIs, answered as text and turned into a list; bad lines are named. */
export function redirectUriBlockAnswer(platform: RedirectPlatform) {
  return z
    .string()
    .default('')
    .transform((text, ctx) => {
      const parsed = parseRedirectUriBlock(text, platform);
      for (const p of parsed.problems) {
        ctx.addIssue({ code: 'custom', message: p.line > 0 ? `Line ${p.line} (${p.text}): ${p.problem}` : (p.problem ?? '') });
      }
      return parsed.uris;
    });
}

/** An https origin such as https://portal.example.com (no path). */
export const httpsOriginAnswer = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'Enter an https origin with no path, such as https://portal.example.com.')
  .transform((s) => new URL(s).origin);

/** A DNS host name such as sonicsaas.example.com. */
export const hostNameAnswer = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a host name such as sonicsaas.example.com (no https://, no path).');
