import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, contentTypeFor, isAppUrl, mediaPathOf, resolveAppUrl } from '../../../main/electron/protocol-path.ts';

const root = path.resolve('/srv/deckhand/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppUrl', () => {
  it('maps paths under app://deckhand/ to files of the renderer', () => {
    expect(resolveAppUrl(APP_INDEX_URL, root)).toBe(inRoot('index.html'));
    expect(resolveAppUrl('app://deckhand/assets/app.js', root)).toBe(inRoot('assets', 'app.js'));
    expect(resolveAppUrl('app://DECKHAND/app.css', root)).toBe(inRoot('app.css'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppUrl('app://deckhand/', root)).toBe(inRoot('index.html'));
    expect(resolveAppUrl('app://deckhand', root)).toBe(inRoot('index.html'));
  });

  it('ignores the query and the fragment', () => {
    expect(resolveAppUrl('app://deckhand/index.html?v=2#/study/x', root)).toBe(inRoot('index.html'));
  });

  it('decodes escaped characters in names', () => {
    expect(resolveAppUrl('app://deckhand/fonts/Source%20Serif.woff2', root)).toBe(inRoot('fonts', 'Source Serif.woff2'));
  });

  it('refuses dot segments, however they are spelt', () => {
    for (const url of [
      'app://deckhand/../x',
      'app://deckhand/../../etc/passwd',
      'app://deckhand/assets/../../x',
      'app://deckhand/%2e%2e/x',
      'app://deckhand/%2E%2E/x',
      'app://deckhand/.%2e/x',
      'app://deckhand/./index.html',
      'app://deckhand/..\\x',
    ])
      expect(resolveAppUrl(url, root), url).toBeNull();
  });

  it('refuses encoded separators and NUL, which would smuggle a path into one name', () => {
    for (const url of ['app://deckhand/..%2fx', 'app://deckhand/..%2Fx', 'app://deckhand/..%5cx', 'app://deckhand/index.html%00.js', 'app://deckhand/%E0%A4%A'])
      expect(resolveAppUrl(url, root), url).toBeNull();
  });

  it('refuses other hosts, other schemes, credentials and ports', () => {
    for (const url of ['app://evil/index.html', 'app://deckhand.evil/index.html', 'app://evil@deckhand/index.html', 'app://deckhand:80/index.html', 'file:///etc/passwd', 'https://deckhand/index.html'])
      expect(resolveAppUrl(url, root), url).toBeNull();
  });
});

describe('isAppUrl', () => {
  it("accepts only our renderer's origin", () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://deckhand/index.html#/study/x')).toBe(true);
    for (const url of ['app://deckhand.evil/', 'app://deckhandx/', 'app://evil/', 'https://deckhand/', 'file:///index.html', '', 'about:blank']) expect(isAppUrl(url), url).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer ships, and nothing else', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/app.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/app.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/secret.env')).toBeNull();
    expect(contentTypeFor('/r/no-extension')).toBeNull();
  });
});

describe('mediaPathOf', () => {
  it('hands the media reader the rest of a media URL, still encoded, so it decodes and checks once', () => {
    expect(mediaPathOf('app://deckhand/media/a%20b.png')).toBe('a%20b.png');
    expect(mediaPathOf('app://deckhand/media/..%2F..%2Fetc%2Fpasswd?x#y')).toBe('..%2F..%2Fetc%2Fpasswd');
  });

  it('leaves every other URL to the renderer files', () => {
    for (const url of [APP_INDEX_URL, 'app://deckhand/mediax/a.png', 'app://evil/media/a.png', 'https://deckhand/media/a.png']) expect(mediaPathOf(url), url).toBeNull();
  });
});
