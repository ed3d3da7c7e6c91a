// The native menu as data: a pure function of the platform and of whether the app is packaged,
// so the accelerators and what a packaged build leaves out are unit-tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import { ROUTES, type Command, type Route } from './navigation.ts';

export interface MenuActions {
  navigate(route: Route): void;
  command(command: Command): void;
}

export interface MenuOptions {
  appName: string;
  /** A packaged build has no reload or developer tools: a reload would drop the study session. */
  packaged: boolean;
}

export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = { label: options.appName, role: 'appMenu' };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Decks', accelerator: 'CmdOrCtrl+1', click: () => actions.navigate(ROUTES.decks) },
      { label: 'Browse Cards', accelerator: 'CmdOrCtrl+B', click: () => actions.navigate(ROUTES.browse) },
      { label: mac ? 'Import and Export…' : 'Import and Export', accelerator: 'CmdOrCtrl+I', click: () => actions.navigate(ROUTES.import) },
      { label: 'Statistics', accelerator: 'CmdOrCtrl+2', click: () => actions.navigate(ROUTES.stats) },
      { label: 'Backups', click: () => actions.navigate(ROUTES.backups) },
      sep,
      { label: mac ? 'Settings…' : 'Settings', accelerator: 'CmdOrCtrl+,', click: () => actions.navigate(ROUTES.settings) },
      // On macOS Quit lives in the app menu, with the same accelerator.
      ...(mac ? [] : [sep, { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    // Undo is ours, not the 'undo' role: on the review screen it takes back the last answer; in a
    // text field the renderer undoes the typing instead.
    submenu: [{ label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.command('undo') }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, sep, { role: 'selectAll' }],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.packaged ? [] : [{ role: 'reload' }, { role: 'toggleDevTools' }, sep] satisfies MenuItemConstructorOptions[]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    submenu: [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => actions.navigate(ROUTES.help) }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
