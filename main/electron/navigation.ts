// The messages the main process sends the renderer, from the menu: "go to this screen" and "undo".
// The preload applies them itself (a hash change, a DOM event), so the page gets no IPC access of
// its own, and only what is listed here is ever applied.
export const NAVIGATE_CHANNEL = 'deckhand:navigate';
export const COMMAND_CHANNEL = 'deckhand:command';

export const ROUTES = {
  decks: '#/',
  browse: '#/browse',
  stats: '#/stats',
  settings: '#/settings',
  backups: '#/backups',
  import: '#/import',
  help: '#/help',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

const routes = new Set<string>(Object.values(ROUTES));

export function isRoute(value: unknown): value is Route {
  return typeof value === 'string' && routes.has(value);
}

/** The menu's Undo: the renderer takes back the last answer, or the last typing in a text field. */
export const COMMANDS = ['undo'] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

/** A file the system opened, read by the main process, on its way to the page (see contract.ts). */
export const OPEN_FILE_CHANNEL = 'deckhand:open-file';
