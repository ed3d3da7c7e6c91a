import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from '../../../main/electron/menu.ts';
import { ROUTES } from '../../../main/electron/navigation.ts';

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    navigate: (route) => calls.push(`navigate ${route}`),
    command: (command) => calls.push(`command ${command}`),
  };
  return { calls, actions };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label ?? item.role);
const roles = (template: MenuItemConstructorOptions[]) => items(template).map((item) => item.role).filter(Boolean);
const find = (template: MenuItemConstructorOptions[], label: string) => items(template).find((item) => item.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('menuTemplate', () => {
  const linux = menuTemplate('linux', recorder().actions, { appName: 'Deckhand', packaged: true });
  const windows = menuTemplate('win32', recorder().actions, { appName: 'Deckhand', packaged: true });
  const mac = menuTemplate('darwin', recorder().actions, { appName: 'Deckhand', packaged: true });

  it('has File, Edit, View, Window and Help, with the app menu first on macOS only', () => {
    expect(labels(linux)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(labels(mac)).toEqual(['Deckhand', '&File', '&Edit', '&View', '&Window', '&Help']);
    expect(mac[0]!.role).toBe('appMenu');
  });

  it('quits with Ctrl+Q from File on Linux and Windows, and from the app menu on macOS', () => {
    for (const template of [linux, windows]) {
      const quit = items(template).find((item) => item.role === 'quit');
      expect(quit?.accelerator).toBe('CmdOrCtrl+Q');
    }
    // The appMenu role brings its own Quit with Cmd+Q; a second one in File would be un-Mac-like.
    expect(roles(mac)).not.toContain('quit');
    expect(roles(mac)).toContain('appMenu');
  });

  it('has the standard edit roles, so text fields and copying work', () => {
    expect(roles(linux)).toEqual(expect.arrayContaining(['redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('sends Undo (CmdOrCtrl+Z) to the renderer, which undoes the last answer or the typing', () => {
    const { calls, actions } = recorder();
    const undo = find(menuTemplate('linux', actions, { appName: 'Deckhand', packaged: true }), 'Undo');
    expect(undo?.accelerator).toBe('CmdOrCtrl+Z');
    click(undo);
    expect(calls).toEqual(['command undo']);
  });

  it('opens import and export from File with Ctrl+I', () => {
    const { calls, actions } = recorder();
    const template = menuTemplate('linux', actions, { appName: 'Deckhand', packaged: true });
    expect(find(template, 'Import and Export')?.accelerator).toBe('CmdOrCtrl+I');
    click(find(template, 'Import and Export'));
    expect(calls).toEqual([`navigate ${ROUTES.import}`]);
  });

  it('opens browsing, settings and backups from File', () => {
    const { calls, actions } = recorder();
    const template = menuTemplate('linux', actions, { appName: 'Deckhand', packaged: true });
    expect(find(template, 'Browse Cards')?.accelerator).toBe('CmdOrCtrl+B');
    expect(find(template, 'Settings')?.accelerator).toBe('CmdOrCtrl+,');
    click(find(template, 'Browse Cards'));
    click(find(template, 'Settings'));
    click(find(template, 'Backups'));
    expect(calls).toEqual([`navigate ${ROUTES.browse}`, `navigate ${ROUTES.settings}`, `navigate ${ROUTES.backups}`]);
  });

  it('has zoom, full screen, minimise and close', () => {
    expect(roles(linux)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'close']));
  });

  it('leaves reload and developer tools out of a packaged build', () => {
    for (const template of [linux, windows, mac]) {
      expect(roles(template)).not.toContain('reload');
      expect(roles(template)).not.toContain('forceReload');
      expect(roles(template)).not.toContain('toggleDevTools');
    }
  });

  it('offers reload and developer tools when running from source', () => {
    const dev = menuTemplate('linux', recorder().actions, { appName: 'Deckhand', packaged: false });
    expect(roles(dev)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('goes to the deck list with CmdOrCtrl+1', () => {
    const { calls, actions } = recorder();
    const decks = find(menuTemplate('linux', actions, { appName: 'Deckhand', packaged: true }), 'Decks');
    expect(decks?.accelerator).toBe('CmdOrCtrl+1');
    click(decks);
    expect(calls).toEqual([`navigate ${ROUTES.decks}`]);
  });

  it('opens the statistics of every deck with CmdOrCtrl+2', () => {
    const { calls, actions } = recorder();
    const stats = find(menuTemplate('linux', actions, { appName: 'Deckhand', packaged: true }), 'Statistics');
    expect(stats?.accelerator).toBe('CmdOrCtrl+2');
    click(stats);
    expect(calls).toEqual([`navigate ${ROUTES.stats}`]);
  });

  it('shows the keyboard shortcuts from Help', () => {
    const { calls, actions } = recorder();
    const shortcuts = find(menuTemplate('win32', actions, { appName: 'Deckhand', packaged: true }), 'Keyboard Shortcuts');
    expect(shortcuts?.accelerator).toBeTruthy();
    click(shortcuts);
    expect(calls).toEqual([`navigate ${ROUTES.help}`]);
  });

  it('gives no two items the same accelerator', () => {
    for (const template of [linux, mac]) {
      const accelerators = items(template).flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
