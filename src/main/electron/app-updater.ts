import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import electronUpdater from 'electron-updater';
import { AppError } from '../core/errors/app-error';
import type { SettingsStore } from '../core/settings/settings-store';
import { decideUpdate } from '../core/updates/decide-update';
import { toUpdateFeedEntry } from '../core/updates/update-feed';
import { updatePublicKeyPem } from '../core/updates/update-public-key';

export interface AppUpdater {
  /** `interactive`: the admin asked (Help > Check for Updates), so every outcome is shown. */
  checkForUpdates(interactive: boolean): Promise<void>;
}

/**
 * Updates through electron-updater from the generic HTTPS feed electron-builder.yml publishes to.
 * electron-updater fetches the channel's feed and later checks the download against its SHA-512
 * (and, on Windows, the installer's Authenticode publisher; on macOS, the app's code signature);
 * before anything is downloaded, the plain-Node decision (core/updates) checks the release key's
 * signature over that same feed entry and refuses downgrades and, on stable, pre-releases.
 */
export function createAppUpdater(settings: SettingsStore, window: () => BrowserWindow | undefined): AppUpdater {
  let busy = false;

  const show = async (options: MessageBoxOptions) => {
    const parent = window();
    return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  };

  return {
    async checkForUpdates(interactive) {
      if (!app.isPackaged) {
        if (interactive) await show({ type: 'info', message: 'Updates are checked by installed copies only.', detail: 'This copy runs from source; update it with git pull and npm ci.' });
        return;
      }
      if (busy) return;
      busy = true;
      try {
        // Created on first use, in an installed copy only (it reads the app-update.yml electron-builder wrote).
        const { autoUpdater } = electronUpdater;
        const channel = settings.get('updateChannel');
        autoUpdater.autoDownload = false;
        autoUpdater.autoInstallOnAppQuit = false;
        autoUpdater.channel = channel === 'stable' ? 'latest' : 'beta';
        // Setting the channel turns downgrades on; a beta tester going back to stable waits for the next release.
        autoUpdater.allowDowngrade = false;
        autoUpdater.allowPrerelease = channel === 'beta';
        const result = await autoUpdater.checkForUpdates();
        if (!result) return;
        const decision = decideUpdate(toUpdateFeedEntry(result.updateInfo), {
          currentVersion: app.getVersion(),
          channel,
          publicKeyPem: updatePublicKeyPem,
        });
        if (decision.kind === 'up-to-date') {
          if (interactive) await show({ type: 'info', message: 'Entra Onboard is up to date.', detail: `You have version ${decision.currentVersion} (${channel} channel).` });
          return;
        }
        const download = await show({
          type: 'info',
          buttons: ['Download', 'Not now'],
          defaultId: 0,
          cancelId: 1,
          message: `Entra Onboard ${decision.version} is available.`,
          detail: `You have ${decision.currentVersion}. It downloads in the background; you choose when to restart.`,
        });
        if (download.response !== 0) return;
        await autoUpdater.downloadUpdate();
        const restart = await show({
          type: 'info',
          buttons: ['Restart now', 'Later'],
          defaultId: 0,
          cancelId: 1,
          message: `Restart Entra Onboard to finish updating to ${decision.version}.`,
          detail: 'Your workspaces, sign-ins and secrets are kept, and a setup that is running resumes where it stopped. Choose Later to install the update the next time you quit.',
        });
        if (restart.response === 0) autoUpdater.quitAndInstall();
        else autoUpdater.autoInstallOnAppQuit = true;
      } catch (error) {
        if (!interactive) return;
        const known = error instanceof AppError;
        await show({
          type: 'warning',
          message: known ? error.message : 'Entra Onboard could not check for updates.',
          detail: known ? (error.fix ?? '') : `${error instanceof Error ? error.message : String(error)}\nCheck your internet connection and try again.`,
        });
      } finally {
        busy = false;
      }
    },
  };
}
