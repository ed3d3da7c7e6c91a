// What the window's session may load. The app is offline by construction: the renderer, its
// assets and the collection's media all come from app://, so every other scheme is cancelled before
// a socket opens, whatever the CSP or a deck says. data: is not needed (the UI ships no data: URL and
// card media are served as app://deckhand/media/<name>), so it is refused too.

export interface RequestFilterOptions {
  /** DevTools loads its own front end from devtools://; allowed only in an unpackaged build. */
  allowDevtools: boolean;
}

export function isAllowedRequest(url: string, options: RequestFilterOptions): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'app') return true;
  return scheme === 'devtools' && options.allowDevtools;
}
