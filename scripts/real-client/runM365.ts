import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const timeoutMs = 180_000;

export interface M365Result {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs CLI for Microsoft 365 (`m365`, npm @pnp/cli-microsoft365) as a separate process, the way an admin runs it:
 * its own HOME (its configstore and MSAL token cache live there), the sandbox CA trusted through
 * NODE_EXTRA_CA_CERTS, no update check, JSON output.
 */
export function runM365(args: readonly string[], env: { home: string; caFile: string }): Promise<M365Result> {
  const bin = require.resolve('@pnp/cli-microsoft365/dist/index.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, HOME: env.home, NODE_EXTRA_CA_CERTS: env.caFile, CLIMICROSOFT365_NOUPDATE: '1', NO_UPDATE_NOTIFIER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // A command that waits for ever (a prompt, a request that never completes) fails the check instead of hanging it.
    const timer = setTimeout(() => {
      stderr += `\nm365 ${args.slice(0, 3).join(' ')} did not finish within ${timeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}
