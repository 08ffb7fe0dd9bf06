import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseVersion } from './compare-versions';

/**
 * One release as electron-builder describes it in latest.yml / beta.yml
 * (https://www.electron.build/auto-update#staged-rollouts shows the format), plus our signature:
 * electron-updater downloads `files[].url` and checks the download against `files[].sha512`, so
 * signing the version and the files pins exactly what will be installed.
 */
export const updateFeedEntrySchema = z.object({
  version: z.string().refine((v) => parseVersion(v) !== undefined, 'not a semantic version such as 1.4.0 or 1.5.0-beta.2'),
  files: z
    .array(
      z.object({
        url: z.string().min(1),
        sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'not a base64 SHA-512 digest'),
        size: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  releaseDate: z.string().optional(),
  releaseNotes: z.unknown().optional(),
  /** Base64 Ed25519 signature over updateFeedMessage(entry); added by scripts/sign-update-feed.ts. */
  entraOnboardSignature: z.string().optional(),
});
export type UpdateFeedEntry = z.infer<typeof updateFeedEntrySchema>;

/** The exact bytes the release key signs: the version and every file the updater may download. */
export function updateFeedMessage(entry: Pick<UpdateFeedEntry, 'version' | 'files'>): Buffer {
  const files = entry.files.map((f) => ({ url: f.url, sha512: f.sha512, size: f.size ?? null }));
  return Buffer.from(JSON.stringify({ app: 'entra-onboard', version: entry.version, files }), 'utf8');
}

function malformed(detail: string): AppError {
  return new AppError('UPDATE_FEED_MALFORMED', `The update feed could not be read: ${detail}.`, {
    fix: 'This is a problem on the update server, not on this computer. Try again later; if it persists, tell whoever publishes Entra Onboard updates.',
  });
}

/** Checks an already-parsed feed object (as electron-updater hands it over, or from parseUpdateFeed). */
export function toUpdateFeedEntry(value: unknown): UpdateFeedEntry {
  const result = updateFeedEntrySchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw malformed(`${issue?.path.join('.') || 'the document'} is ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Reads the text of a latest.yml / beta.yml feed. */
export function parseUpdateFeed(text: string): UpdateFeedEntry {
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 10 });
  } catch (error) {
    throw malformed(`it is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed('it is not a release description');
  return toUpdateFeedEntry(value);
}
