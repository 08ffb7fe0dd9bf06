import { join } from 'node:path';
import type { AppInfo, HostKind } from '../../shared/contract/requests';
import { EventBus } from './events/event-bus';
import type { SettingsStore } from './settings/settings-store';
import { openDatabase } from './store/open-database';
import { schemaVersionOf } from './store/migrate';
import type { Vault } from './vault/vault';
import { WorkspaceRepository } from './workspaces/workspace-repository';
import { WorkspaceService } from './workspaces/workspace-service';

export interface CoreOptions {
  host: HostKind;
  dataDir: string;
  version: string;
  settings: SettingsStore;
  vault: Vault;
  sqliteNativeBinding?: string;
}

export const DATABASE_FILE = 'entra-onboard.sqlite';

export interface Core {
  events: EventBus;
  settings: SettingsStore;
  vault: Vault;
  services: { workspaces: WorkspaceService; appInfo: () => AppInfo };
  close(): void;
}

/**
 * The composition root of the plain-Node product: opens the store and wires the services.
 * Both hosts call this with their own settings and vault implementations.
 */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(
    join(options.dataDir, DATABASE_FILE),
    options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {},
  );
  const events = new EventBus();
  const workspaces = new WorkspaceService(new WorkspaceRepository(db), events);
  return {
    events,
    settings: options.settings,
    vault: options.vault,
    services: {
      workspaces,
      appInfo: () => ({
        name: 'Entra Onboard',
        version: options.version,
        host: options.host,
        dataDir: options.dataDir,
        schemaVersion: schemaVersionOf(db),
      }),
    },
    close: () => db.close(),
  };
}
