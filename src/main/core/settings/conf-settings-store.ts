import Conf from 'conf';
import { defaultSettings, type Settings, type SettingsStore } from './settings-store';

/**
 * Settings in `<dataDir>/settings.json` through `conf`, in both hosts (Electron's userData folder or
 * the web host's data folder); the same file electron-store used to write, so settings carry over.
 */
export class ConfSettingsStore implements SettingsStore {
  private readonly conf: Conf<Settings>;

  constructor(dataDir: string) {
    this.conf = new Conf<Settings>({
      projectName: 'entra-onboard',
      cwd: dataDir,
      configName: 'settings',
      defaults: defaultSettings,
    });
  }

  get<K extends keyof Settings>(key: K): Settings[K] {
    return this.conf.get(key);
  }

  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.conf.set(key, value);
  }
}
