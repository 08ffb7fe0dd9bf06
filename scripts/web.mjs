// `npm run web`: build the renderer and serve the app on the loopback web host.
// Arguments after `--` go to the web host: --no-open, --data-dir DIR, --port N.
import { spawn } from 'node:child_process';
import { runTool } from './run-tool.mjs';

console.log('Building Entra Onboard…');
if (runTool('electron-vite', ['build'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
  console.error('The build failed (see above).');
  process.exit(1);
}
const host = spawn(process.execPath, ['--import', 'tsx', 'src/main/web-host/cli.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
