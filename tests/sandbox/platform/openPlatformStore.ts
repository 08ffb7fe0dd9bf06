import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformStore } from './PlatformStore';

const openStores = new Set<PlatformStore>();
let exitHookInstalled = false;

/**
 * Opens `<dataDir>/platform-<port>.sqlite`, a fresh file per sandbox start. A file already there is from an
 * earlier sandbox that had this port and has stopped (the port is ours now), so it is replaced. The files of this
 * process are removed when it exits: their encryption key (SecretBox) dies with it, so they could never be read again.
 */
export function openPlatformStore(dataDir: string, port: number): PlatformStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `platform-${port}.sqlite`);
  for (const path of [file, `${file}-journal`]) rmSync(path, { force: true });
  const store = new PlatformStore(file);
  openStores.add(store);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const s of openStores) {
        s.close();
        rmSync(s.file, { force: true });
      }
    });
  }
  return store;
}

/** Closes a store and removes its file now, rather than at exit (test processes are often killed, not exited). */
export function discardPlatformStore(store: PlatformStore): void {
  store.close();
  rmSync(store.file, { force: true });
  openStores.delete(store);
}
