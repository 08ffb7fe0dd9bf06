import { buildSync } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../sandbox/startSandbox';

/**
 * The web host's command line as one JavaScript file, for tests that start the host many times: a
 * plain `node` start skips tsx's per-process compile. It sits three folders below a folder with its own
 * package.json, as cli.ts sits below the repository (it reads the version from there), and inside the
 * repository's node_modules so its packages resolve as they do from src/.
 */
export function buildWebHostBundle(): string[] {
  const root = join(repoRoot, 'node_modules', '.cache', `entra-onboard-web-host-${process.pid}`);
  const outfile = join(root, 'src', 'main', 'web-host', 'cli.mjs');
  mkdirSync(join(root, 'src', 'main', 'web-host'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '0.0.0-test' }));
  buildSync({
    entryPoints: [join(repoRoot, 'src', 'main', 'web-host', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return [outfile];
}
