// The one message the main process sends the renderer: "go to this screen", from the menu. The
// preload applies it to location.hash itself, so the page gets no IPC access of its own, and only
// routes listed here are ever applied.
export const NAVIGATE_CHANNEL = 'deckhand:navigate';

export const ROUTES = {
  decks: '#/',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

const routes = new Set<string>(Object.values(ROUTES));

export function isRoute(value: unknown): value is Route {
  return typeof value === 'string' && routes.has(value);
}

