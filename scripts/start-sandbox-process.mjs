import { spawn } from 'node:child_process';

/**
 * Starts the sandbox cloud (tests/sandbox/cli.ts) as a child process and resolves with its
 * SANDBOX_READY details once it has printed them.
 */
export function startSandboxProcess(args = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/sandbox/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      const line = buffer.split('\n').find((l) => l.startsWith('SANDBOX_READY '));
      if (!line) return;
      child.stdout.removeAllListeners('data');
      child.stdout.pipe(process.stdout);
      resolve({ child, line, info: JSON.parse(line.slice('SANDBOX_READY '.length)) });
    });
    child.once('exit', (code) => reject(new Error(`The sandbox exited (${code}) before it was ready.`)));
  });
}
