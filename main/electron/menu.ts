// The native menu as data: a pure function of the platform and of whether the app is packaged,
// so the accelerators and what a packaged build leaves out are unit-tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import { ROUTES, type Route } from './navigation.ts';

export interface MenuActions {
  navigate(route: Route): void;
  showKeyboardShortcuts(): void;
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
      // On macOS Quit lives in the app menu, with the same accelerator.
      ...(mac ? [] : [sep, { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, sep, { role: 'selectAll' }],
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
    submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => actions.showKeyboardShortcuts() }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** What Help › Keyboard Shortcuts lists; the review keys are the renderer's, the rest the menu's. */
export function keyboardShortcuts(platform: NodeJS.Platform): Array<[keys: string, action: string]> {
  const mod = platform === 'darwin' ? 'Cmd' : 'Ctrl';
  return [
    ['Space or Enter', 'Show the answer'],
    ['1 / 2 / 3 / 4', 'Rate: Again / Hard / Good / Easy'],
    ['Esc', 'Back to the deck list'],
    [`${mod}+1`, 'Go to the deck list'],
    [`${mod}+/`, 'Show these shortcuts'],
    [`${mod}+Q`, 'Quit'],
  ];
}
