// Where the Electron binary is, without triggering a download. Since Electron 42 the electron
// package has no install script: `require('electron')` downloads the binary on first use and
// throws when it cannot. These helpers look first, and download only when asked.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export function electronVersion() {
  const dir = electronPackageDir();
  return dir ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version : undefined;
}

/** The installed binary's path, or undefined (never downloads). */
export function installedElectron() {
  const dir = electronPackageDir();
  if (!dir) return undefined;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const full = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(dir, 'dist', relative);
  return existsSync(full) ? full : undefined;
}

/** Why there is no binary, in a sentence, or undefined when there is one. */
export function electronMissingReason() {
  if (installedElectron()) return undefined;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not downloaded';
  return 'the Electron binary is not on this machine and could not be downloaded (no network, or the download site is blocked)';
}

/**
 * Tries once to download the binary with Electron's own installer (node_modules/electron/install.js),
 * unless ELECTRON_SKIP_BINARY_DOWNLOAD is set. Returns the binary's path or undefined; never throws.
 */
export function tryDownloadElectron({ quiet = false, timeoutMs = 5 * 60_000 } = {}) {
  if (installedElectron()) return installedElectron();
  const dir = electronPackageDir();
  if (!dir || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return undefined;
  spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: quiet ? 'ignore' : ['ignore', 'inherit', 'ignore'], timeout: timeoutMs });
  return installedElectron();
}
