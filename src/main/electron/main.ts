import { app, dialog, shell, type BrowserWindow } from 'electron';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserHostsOf, browserPagesOf } from '../core/clouds/cloud-profile';
import { resolveCloud } from '../core/clouds/resolve-cloud';
import { createCore } from '../core/create-core';
import { ConfSettingsStore } from '../core/settings/conf-settings-store';
import { EncryptedFileVault } from '../core/vault/encrypted-file-vault';
import { createDispatch } from '../rpc/dispatch';
import { createHandlerTable } from '../rpc/handler-table';
import { installAppMenu } from './app-menu';
import { createAppUpdater } from './app-updater';
import { hardenAllWebContents } from './harden-web-contents';
import { isAllowedExternalUrl } from './external-links';
import { bridgeIpc, forwardEvents } from './ipc-bridge';
import { createMainWindow, preloadPathFrom } from './main-window';
import { SafeStorageCipher } from './safe-storage-cipher';
import { startSecretNotifier } from './secret-notifier';
import { registerAppScheme, serveRenderer } from './serve-renderer';

// The composition root of the desktop app. Everything below this file is plain Node (src/main/core).
const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

// Tests give each run its own profile; a packaged app always uses the OS's userData folder.
const testUserData = app.isPackaged ? undefined : process.env['ENTRA_ONBOARD_USER_DATA'];
if (testUserData) app.setPath('userData', testUserData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    // One settings library for both hosts: conf, in userData/settings.json (where electron-store kept it).
    const settings = new ConfSettingsStore(dataDir);
    // Unpackaged runs (development, tests) may point at the local sandbox; a packaged app never does.
    const sandboxInfo = app.isPackaged ? undefined : process.env['ENTRA_ONBOARD_SANDBOX'];
    const cloud = resolveCloud(sandboxInfo ? 'sandbox' : 'public', sandboxInfo);
    // The system browser opens only Microsoft's hosts, this cloud's sign-in and portal hosts, and
    // this cloud's device-code page.
    const cloudHosts = new Set(browserHostsOf(cloud));
    const cloudPages = browserPagesOf(cloud);
    const isAllowedExternal = (url: string) => isAllowedExternalUrl(url, cloudHosts, cloudPages);

    hardenAllWebContents(devServerUrl, isAllowedExternal);
    serveRenderer(join(mainDir, '../renderer'));

    const core = createCore({
      host: 'electron',
      cloud,
      // The admin chooses where a .env file (which holds a secret) is written.
      chooseEnvFilePath: async (suggestedName) => {
        const result = await dialog.showSaveDialog({
          title: 'Save the .env file',
          defaultPath: suggestedName,
          filters: [{ name: 'Environment file', extensions: ['env'] }],
        });
        return result.canceled ? undefined : result.filePath;
      },
      // Exports (the secret reminders' .ics) go where the admin chooses too.
      chooseExportPath: async (suggestedName) => {
        const extension = suggestedName.split('.').pop() ?? '';
        const result = await dialog.showSaveDialog({
          title: 'Save the export',
          defaultPath: suggestedName,
          filters: extension === 'ics' ? [{ name: 'Calendar (iCalendar)', extensions: ['ics'] }] : [],
        });
        return result.canceled ? undefined : result.filePath;
      },
      // Sign-in happens in the system browser, and only on this cloud's own hosts.
      openUrl: async (url) => {
        if (!isAllowedExternal(url)) throw new Error(`Refused to open ${new URL(url).host} in the browser.`);
        await shell.openExternal(url);
      },
      dataDir,
      version: app.getVersion(),
      settings,
      vault: new EncryptedFileVault(join(dataDir, 'vault.json'), new SafeStorageCipher(settings)),
      // Unpackaged runs use a better-sqlite3 built for Electron's ABI (scripts/start.mjs builds it).
      ...(app.isPackaged ? {} : { sqliteNativeBinding: process.env['ENTRA_ONBOARD_SQLITE_BINDING'] }),
    });
    bridgeIpc(createDispatch(createHandlerTable(core.services)), devServerUrl);

    // DevTools exist only where the app runs from source; a packaged app cannot open them.
    mainWindow = createMainWindow(preloadPathFrom(mainDir), devServerUrl, { devTools: !app.isPackaged });
    forwardEvents(core.events, mainWindow);
    mainWindow.on('closed', () => (mainWindow = undefined));
    // Expiring client secrets: a desktop notice once per secret and band (decided in core/secrets).
    startSecretNotifier(core.services.secrets, () => {
      if (mainWindow?.isMinimized()) mainWindow.restore();
      mainWindow?.focus();
    });

    const updater = createAppUpdater(settings, () => mainWindow);
    const menu = () =>
      installAppMenu({
        platform: process.platform,
        packaged: app.isPackaged,
        updateChannel: settings.get('updateChannel'),
        onCheckForUpdates: () => void updater.checkForUpdates(true),
        onChooseUpdateChannel: (channel) => {
          settings.set('updateChannel', channel);
          menu();
          void updater.checkForUpdates(true);
        },
      });
    menu();
    // A quiet check shortly after start; nothing is downloaded without the admin saying so.
    if (app.isPackaged) setTimeout(() => void updater.checkForUpdates(false), 15_000).unref();

    app.on('window-all-closed', () => {
      core.close();
      app.quit();
    });
  });
}
