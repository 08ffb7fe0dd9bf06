import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type AppMenuOptions } from '../../../src/main/electron/app-menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const base: AppMenuOptions = { platform: 'win32', packaged: true, updateChannel: 'stable', onCheckForUpdates: () => {}, onChooseUpdateChannel: () => {} };

describe('the application menu', () => {
  it('has the usual roles and Check for Updates on Windows, macOS and Linux', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const items = flatten(appMenuTemplate({ ...base, platform }));
      const roles = items.map((i) => i.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'about', 'zoomIn', 'togglefullscreen']));
      if (platform === 'darwin') expect(roles).toContain('appMenu');
      expect(items.filter((i) => i.label === 'Check for Updates…')).toHaveLength(1);
    }
  });

  it('offers no DevTools or reload in a packaged app', () => {
    const packaged = flatten(appMenuTemplate(base)).map((i) => i.role);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(flatten(appMenuTemplate({ ...base, packaged: false })).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('shows the chosen update channel and reports a new choice', () => {
    const chosen: string[] = [];
    const items = flatten(appMenuTemplate({ ...base, updateChannel: 'beta', onChooseUpdateChannel: (c) => chosen.push(c) }));
    const stable = items.find((i) => i.label === 'Stable')!;
    expect(items.find((i) => i.label === 'Beta')!.checked).toBe(true);
    expect(stable.checked).toBe(false);
    (stable.click as () => void)();
    expect(chosen).toEqual(['stable']);
  });
});
