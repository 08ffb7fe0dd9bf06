// `npm run bench -- <name> [args]` runs bench/<name>.ts (each prints JSON and writes bench/results/<name>.json).
// Names: consent, sandbox-throughput, and whatever else bench/ holds.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [name, ...rest] = process.argv.slice(2);
const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name) || !existsSync(join(dir, `${name}.ts`))) {
  process.stderr.write(`Usage: npm run bench -- <${available.join('|')}> [options]\n`);
  process.exit(2);
}
process.argv = [process.argv[0] as string, join(dir, `${name}.ts`), ...rest];
await import(pathToFileURL(join(dir, `${name}.ts`)).href);
