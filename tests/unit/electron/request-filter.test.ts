import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from '../../../main/electron/request-filter.ts';

describe("the session's request filter", () => {
  const packaged = { allowDevtools: false };

  it('lets our own page, its assets and the collection media load', () => {
    for (const url of ['app://deckhand/index.html', 'app://deckhand/app.js', 'APP://deckhand/media/a.png']) expect(isAllowedRequest(url, packaged), url).toBe(true);
  });

  it('cancels every other scheme: the web, files, data and blob URLs, sockets, FTP', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/x',
      'http://localhost/',
      'file:///etc/passwd',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://deckhand/1234',
      'ws://example.com/',
      'wss://example.com/',
      'ftp://example.com/',
      'chrome://settings',
      'javascript:alert(1)',
      '//example.com/x',
      '',
      'appx://deckhand/',
      ' app://deckhand/',
    ])
      expect(isAllowedRequest(url, packaged), url).toBe(false);
  });

  it('lets DevTools load its front end only in a development build', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', packaged)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', { allowDevtools: true })).toBe(true);
    expect(isAllowedRequest('https://example.com/', { allowDevtools: true })).toBe(false);
  });
});
