// What the window's session may load. The app is offline by construction: the renderer, its
// assets and the collection's media all come from app://, so every other scheme is cancelled before
// a socket opens, whatever the CSP or a deck says. data: is not needed (the UI ships no data: URL and
// card media are served as app://deckhand/media/<name>), so it is refused too. A blob: URL of our own
// origin is how an export is handed to the download (save) dialog; only the app's own script can
// make one, since no other script runs in the window.

export interface RequestFilterOptions {
  /** DevTools loads its own front end from devtools://; allowed only in an unpackaged build. */
  allowDevtools: boolean;
}

export function isAllowedRequest(url: string, options: RequestFilterOptions): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'app') return true;
  if (scheme === 'blob') return isOwnDownload(url);
  return scheme === 'devtools' && options.allowDevtools;
}

/** Downloads are the app's own exports, made as blob: URLs of its own origin; nothing else is saved. */
export const isOwnDownload = (url: string): boolean => /^blob:app:\/\/deckhand\//i.test(url);
