import { AppError } from '../errors/app-error';
import { compareVersions, parseVersion } from './compare-versions';
import type { UpdateChannel } from './update-channel';
import type { UpdateFeedEntry } from './update-feed';
import { hasValidUpdateSignature } from './verify-update-signature';

export type UpdateDecision =
  | { kind: 'up-to-date'; currentVersion: string; feedVersion: string }
  | { kind: 'available'; currentVersion: string; version: string; releaseDate: string | undefined };

export interface UpdateContext {
  currentVersion: string;
  channel: UpdateChannel;
  publicKeyPem: string;
}

/**
 * Whether to offer the release a feed describes. The signature is checked first, so an entry that
 * is not ours is refused however new it claims to be; then only a newer version is offered (never a
 * downgrade), and on the stable channel never a pre-release.
 */
export function decideUpdate(entry: UpdateFeedEntry, context: UpdateContext): UpdateDecision {
  if (!hasValidUpdateSignature(entry, context.publicKeyPem)) {
    throw new AppError('UPDATE_SIGNATURE_INVALID', `The update to version ${entry.version} is not signed by the publisher of Entra Onboard, so it was not installed.`, {
      fix: 'Nothing was changed on this computer. Keep using this version; if this happens again, tell whoever publishes Entra Onboard updates (the update server may have been tampered with).',
    });
  }
  const current = parseVersion(context.currentVersion);
  const offered = parseVersion(entry.version);
  if (!current) throw new Error(`This app's own version "${context.currentVersion}" is not a semantic version.`);
  // The schema already refused feeds whose version does not parse.
  if (!offered) throw new Error(`unreachable: ${entry.version}`);
  const isNewer = compareVersions(offered, current) > 0;
  const channelAllows = context.channel === 'beta' || offered.prerelease.length === 0;
  if (!isNewer || !channelAllows) return { kind: 'up-to-date', currentVersion: context.currentVersion, feedVersion: entry.version };
  return { kind: 'available', currentVersion: context.currentVersion, version: entry.version, releaseDate: entry.releaseDate };
}
