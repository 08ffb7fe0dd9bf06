import Store from 'electron-store';
import { defaultSettings, type Settings, type SettingsStore } from '../core/settings/settings-store';

/** Settings in Electron's userData folder through electron-store. */
export class ElectronStoreSettings implements SettingsStore {
  private readonly store = new Store<Settings>({ name: 'settings', defaults: defaultSettings });

  get<K extends keyof Settings>(key: K): Settings[K] {
    return this.store.get(key);
  }

  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.store.set(key, value);
  }
}
