// Maps app://deckhand/<path> to a file of the built renderer. Chromium already normalises dot
// segments in a standard scheme's URL before the handler sees it; this refuses them anyway, in
// any spelling, so the handler's safety does not rest on that.
import path from 'node:path';

export const APP_ORIGIN = 'app://deckhand';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True for a URL of our renderer, and nothing else: the IPC and navigation guards use it. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * For app://deckhand/media/<name>: the rest of the path, still percent-encoded, for the media
 * folder's reader to decode and check once; null for any other URL.
 */
export function mediaPathOf(url: string): string | null {
  const match = /^app:\/\/deckhand\/media\/([^?#]*)/i.exec(url);
  return match ? match[1]! : null;
}

/** The file `url` names under `rootDir`, or null for another host, a dot segment or an escape. */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  // Parsed by hand: `new URL` would resolve `..` before we could see it.
  const match = /^app:\/\/([^/?#\\]*)([^?#]*)/i.exec(url);
  if (!match || match[1]!.toLowerCase() !== 'deckhand') return null;
  const rawPath = match[2] || '/';
  const segments: string[] = [];
  for (const raw of rawPath.split(/[/\\]/)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    if (segment !== '') segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The Content-Type to serve `file` with, or null for a kind of file the renderer never ships. */
export function contentTypeFor(file: string): string | null {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null;
}
