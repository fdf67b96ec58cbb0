/**
 * The application menu: View → open the audience window, full screen; on macOS also the app and
 * edit menus the platform expects. Texts come from the same catalogues as the UI.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { catalogues } from '../../shared/i18n/index.js';
import { languageOf } from './messages.js';

export function applicationMenu(preferredLanguages: readonly string[], platform: NodeJS.Platform, actions: { openAudience: () => void }): Menu {
  const m = catalogues[languageOf(preferredLanguages)].menu;
  const view: MenuItemConstructorOptions = {
    label: m.view,
    submenu: [
      { label: m.openAudience, accelerator: 'CmdOrCtrl+Shift+A', click: actions.openAudience },
      { label: m.fullScreen, role: 'togglefullscreen' },
    ],
  };
  const template: MenuItemConstructorOptions[] =
    platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }] : [{ label: 'Tiimipöytä', submenu: [{ label: m.close, role: 'quit' }] }, view];
  return Menu.buildFromTemplate(template);
}
