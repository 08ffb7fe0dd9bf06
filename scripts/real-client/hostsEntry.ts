import { readFileSync, writeFileSync } from 'node:fs';

const hostsFile = '/etc/hosts';
const marker = '# entra-onboard real-client-check';

/**
 * Points Microsoft's host names at 127.0.0.1 by appending one marked line to /etc/hosts, and returns the function
 * that puts the file back exactly as it was. The restore also runs on exit and on SIGINT/SIGTERM, so an
 * interrupted check does not leave the machine resolving Microsoft to itself.
 */
export function addHostsEntry(names: readonly string[]): () => void {
  const original = readFileSync(hostsFile, 'utf8');
  // A line left by an earlier run that was killed with SIGKILL is dropped, not duplicated.
  const cleaned = original
    .split('\n')
    .filter((line) => !line.includes(marker))
    .join('\n');
  const separator = cleaned.endsWith('\n') || cleaned === '' ? '' : '\n';
  writeFileSync(hostsFile, `${cleaned}${separator}127.0.0.1 ${names.join(' ')} ${marker}\n`);
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    writeFileSync(hostsFile, cleaned);
  };
  process.once('exit', restore);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      restore();
      process.exit(130);
    });
  }
  return restore;
}
