/** The update channels an admin can choose: stable releases only, or betas too. */
export const updateChannels = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/**
 * The feed file electron-builder writes for a channel and platform (latest.yml, beta-mac.yml, ...):
 * electron-updater's generic provider reads the same name, so our check and its download agree.
 */
export function feedFileName(channel: UpdateChannel, platform: NodeJS.Platform = process.platform): string {
  const base = channel === 'stable' ? 'latest' : 'beta';
  const suffix = platform === 'darwin' ? '-mac' : platform === 'linux' ? '-linux' : '';
  return `${base}${suffix}.yml`;
}
