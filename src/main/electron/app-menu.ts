import { Menu } from 'electron';
import { appMenuTemplate, type AppMenuOptions } from './app-menu-template';

export function installAppMenu(o: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(o)));
}
