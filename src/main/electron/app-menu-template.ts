import type { MenuItemConstructorOptions } from 'electron';
import type { UpdateChannel } from '../core/updates/update-channel';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Reload and DevTools only where the app runs from source. */
  packaged: boolean;
  updateChannel: UpdateChannel;
  onCheckForUpdates(): void;
  onChooseUpdateChannel(channel: UpdateChannel): void;
}

/** The menu template: the usual roles, with Check for Updates where each OS puts it. */
export function appMenuTemplate(o: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const checkForUpdates: MenuItemConstructorOptions = { label: 'Check for Updates…', click: () => o.onCheckForUpdates() };
  const channelMenu: MenuItemConstructorOptions = {
    label: 'Update Channel',
    submenu: [
      { label: 'Stable', type: 'radio', checked: o.updateChannel === 'stable', click: () => o.onChooseUpdateChannel('stable') },
      { label: 'Beta', type: 'radio', checked: o.updateChannel === 'beta', click: () => o.onChooseUpdateChannel('beta') },
    ],
  };
  const view: MenuItemConstructorOptions[] = [
    ...(o.packaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac
      ? [
          {
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              checkForUpdates,
              channelMenu,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: mac ? [] : [checkForUpdates, channelMenu, { type: 'separator' }, { role: 'about' }] },
  ];
}
