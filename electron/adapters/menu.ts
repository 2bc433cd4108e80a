import { Menu } from 'electron';
import type { MenuEntry } from '../app/menu-template';

export function setApplicationMenu(template: MenuEntry[]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
