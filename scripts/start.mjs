// `npm start`: build and run the desktop app in Electron. Where Electron cannot run here (no binary:
// ELECTRON_SKIP_BINARY_DOWNLOAD, or no network to download it; or better-sqlite3 cannot be built for
// it), it says why and runs the same app in the browser through the loopback web host instead
// (scripts/web.mjs, the same as `npm run web`), with the same arguments.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { electronMissingReason, electronVersion, tryDownloadElectron } from './electron-binary.mjs';
import { runTool } from './run-tool.mjs';

function runInBrowser(why) {
  console.log(`\nThe desktop app cannot start here: ${why}.`);
  console.log('Running the same app in your browser instead (the loopback web host, like `npm run web`).\n');
  const web = spawn(process.execPath, ['scripts/web.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * better-sqlite3 is a native module: npm built it for this Node, and Electron needs it built for its
 * own ABI. @electron/rebuild (the tool electron-builder uses when packaging) builds a second copy in
 * .electron-native/<version>/, so the web host and the tests keep Node's build. Electron 43 has no
 * better-sqlite3 prebuild, so it compiles from source: a C++ toolchain, and once the network for
 * Electron's headers.
 */
async function sqliteBindingForElectron(version) {
  const stage = resolve('.electron-native', `${version}-${process.platform}-${process.arch}`);
  const binding = join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return { binding };
  console.log(`Building better-sqlite3 for Electron ${version} with @electron/rebuild (once; a minute or two)…`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'node_modules'), { recursive: true });
  cpSync(resolve('node_modules/better-sqlite3'), join(stage, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !/[\\/]better-sqlite3[\\/](build|prebuilds)([\\/]|$)/.test(src),
  });
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: stage, electronVersion: version, onlyModules: ['better-sqlite3'], force: true, buildFromSource: true, mode: 'sequential' });
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    return { error: `better-sqlite3 could not be built for Electron ${version} (${error instanceof Error ? error.message.split('\n')[0] : error}; it needs a C++ toolchain, Node 22.12 or later for Electron's build tools, and the network once)` };
  }
  return existsSync(binding) ? { binding } : { error: `@electron/rebuild finished but wrote no ${binding}` };
}

const electron = tryDownloadElectron();
if (!electron) {
  runInBrowser(electronMissingReason());
} else {
  const version = electronVersion();
  const native = await sqliteBindingForElectron(version);
  if (native.error) {
    runInBrowser(native.error);
  } else {
    if (runTool('electron-vite', ['build']) !== 0) process.exit(1);
    const child = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, ENTRA_ONBOARD_SQLITE_BINDING: native.binding } });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
