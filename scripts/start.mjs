// `npm start`: build and run the desktop app in Electron.
// Where the Electron binary is missing (ELECTRON_SKIP_BINARY_DOWNLOAD, or no network at install time)
// it says so and points at `npm run web`, which serves the same UI on the loopback web host.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { runTool } from './run-tool.mjs';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * better-sqlite3 is a native module: npm built it for this Node, and Electron needs it built for its
 * own ABI. We build a second copy for Electron into .electron-native/ (once per Electron version), so
 * the web host and the tests keep theirs. This is the node-gyp route from Electron's "Native Node
 * Modules" guide; it downloads Electron's headers, so it needs the network the first time.
 */
function sqliteBindingForElectron() {
  const version = require('electron/package.json').version;
  const target = resolve('.electron-native', `${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  console.log(`Building better-sqlite3 for Electron ${version} (once; takes a minute or two)…`);
  const work = resolve('.electron-native', `build-${version}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(resolve('node_modules/better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(join('better-sqlite3', 'build')),
  });
  const gyp = spawnSync(
    'npx',
    ['--yes', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (gyp.status !== 0) {
    console.error('Building better-sqlite3 for Electron failed (see above). It needs a C++ toolchain and the network once.');
    process.exit(1);
  }
  mkdirSync(resolve(target, '..'), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

const electron = electronBinary();
if (!electron) {
  console.error(
    [
      'The Electron binary is not installed on this machine, so the desktop app cannot start.',
      '(npm skips it when ELECTRON_SKIP_BINARY_DOWNLOAD is set or the download site is unreachable.)',
      '',
      'Run the same app in your browser instead:   npm run web',
      'Or install Electron, then run npm start again:   npm rebuild electron',
    ].join('\n'),
  );
  process.exit(1);
}

const binding = sqliteBindingForElectron();
if (runTool('electron-vite', ['build']) !== 0) process.exit(1);
const child = spawn(electron, ['.'], {
  stdio: 'inherit',
  env: { ...process.env, ENTRA_ONBOARD_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
