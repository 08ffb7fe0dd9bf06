// `npm run web`: build the renderer and serve the app on the loopback web host, against the local
// sandbox cloud unless `--cloud public|usgov|usgov-dod|china` says otherwise.
// Arguments after `--` go to the web host (--no-open, --data-dir DIR, --port N, --cloud ID);
// --sandbox-tenants N and --sandbox-seed S go to the sandbox.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { runTool } from './run-tool.mjs';
import { startSandboxProcess } from './start-sandbox-process.mjs';

const { values, tokens } = parseArgs({
  args: process.argv.slice(2),
  options: {
    cloud: { type: 'string', default: 'sandbox' },
    'sandbox-tenants': { type: 'string' },
    'sandbox-seed': { type: 'string' },
  },
  strict: false,
  tokens: true,
});
// Everything not meant for this script or the sandbox goes to the web host as it was given.
const ours = new Set(['sandbox-tenants', 'sandbox-seed']);
const hostArgs = [];
for (const token of tokens) {
  if (token.kind === 'option' && ours.has(token.name)) continue;
  if (token.kind === 'option') hostArgs.push(token.rawName, ...(token.value !== undefined && !token.inlineValue ? [token.value] : []));
  if (token.kind === 'positional') hostArgs.push(token.value);
}

console.log('Building Entra Onboard…');
if (runTool('electron-vite', ['build'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
  console.error('The build failed (see above).');
  process.exit(1);
}

const children = [];
const hostEnv = { ...process.env };
if (values.cloud === 'sandbox') {
  const sandboxArgs = [];
  if (values['sandbox-tenants']) sandboxArgs.push('--tenants', String(values['sandbox-tenants']));
  if (values['sandbox-seed']) sandboxArgs.push('--seed', String(values['sandbox-seed']));
  const sandbox = await startSandboxProcess(sandboxArgs);
  console.log(sandbox.line);
  children.push(sandbox.child);
  const ga = sandbox.info.users?.find((u) => u.key === 'globalAdmin');
  if (ga) console.log(`Sandbox sign-in: ${ga.username} / ${ga.password} (Global Administrator of ${sandbox.info.partnerTenantName})`);
  hostEnv.ENTRA_ONBOARD_SANDBOX = JSON.stringify(sandbox.info);
}

// Secrets travel in the environment, which only this user can read, never on the command line
// (the process list shows every process's arguments to every local user). The web host's own
// access token is made inside the host and printed once, on the WEB_READY line.
const host = spawn(process.execPath, ['--import', 'tsx', 'src/main/web-host/cli.ts', ...hostArgs], { stdio: 'inherit', env: hostEnv });
children.push(host);
const stopAll = (signal) => children.forEach((c) => c.exitCode === null && c.kill(signal));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
host.on('exit', (code) => {
  stopAll('SIGTERM');
  process.exit(code ?? 0);
});
