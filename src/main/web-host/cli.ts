import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveCloud } from '../core/clouds/resolve-cloud';
import { createCore } from '../core/create-core';
import { ConfSettingsStore } from '../core/settings/conf-settings-store';
import { AesGcmCipher, loadWebHostVaultKey } from '../core/vault/aes-gcm-cipher';
import { EncryptedFileVault } from '../core/vault/encrypted-file-vault';
import { createDispatch } from '../rpc/dispatch';
import { createHandlerTable } from '../rpc/handler-table';
import { openInBrowser } from './open-in-browser';
import { parseWebHostArgs } from './parse-args';
import { startWebHost } from './web-host-server';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const args = parseWebHostArgs(process.argv.slice(2), { rendererDir: join(repoRoot, 'out', 'renderer') });
  if (!existsSync(join(args.rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${args.rendererDir}. Run "npm run web" (it builds first) or "npm run build".`);
  }
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const cloud = resolveCloud(args.cloud, args.sandbox);
  const core = createCore({
    host: 'web',
    cloud,
    ...(args.clientId ? { clientId: args.clientId } : {}),
    dataDir: args.dataDir,
    version,
    settings: new ConfSettingsStore(args.dataDir),
    vault: new EncryptedFileVault(
      join(args.dataDir, 'vault.json'),
      new AesGcmCipher(loadWebHostVaultKey(join(args.dataDir, 'vault.key'))),
    ),
  });
  const dispatch = createDispatch(createHandlerTable(core.services));
  const host = await startWebHost({ dispatch, events: core.events, rendererDir: args.rendererDir, port: args.port });

  console.log(`Data folder: ${args.dataDir}`);
  console.log(`Cloud: ${cloud.name}`);
  console.log(`WEB_READY ${host.url}`);
  if (args.open) openInBrowser(host.url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Entra Onboard web host could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && 'fix' in error && typeof error.fix === 'string') console.error(`Fix: ${error.fix}`);
  process.exit(1);
});
