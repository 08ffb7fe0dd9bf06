import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs a locally installed CLI from node_modules/.bin, inheriting the terminal. Returns the exit code. */
export function runTool(tool, args, options = {}) {
  const bin = join('node_modules', '.bin', process.platform === 'win32' ? `${tool}.cmd` : tool);
  const result = spawnSync(bin, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options });
  if (result.error) {
    console.error(`Could not run ${tool}: ${result.error.message}. Did "npm ci" finish?`);
    return 1;
  }
  return result.status ?? 1;
}
