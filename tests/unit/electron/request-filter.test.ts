import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isOwnDownload } from '../../../main/electron/request-filter.ts';

describe("the session's request filter", () => {
  const packaged = { allowDevtools: false };

  it('lets our own page, its assets and the collection media load', () => {
    for (const url of ['app://deckhand/index.html', 'app://deckhand/app.js', 'APP://deckhand/media/a.png']) expect(isAllowedRequest(url, packaged), url).toBe(true);
  });

  it('lets an export made by the app itself (a blob: URL of its own origin) reach the save dialog, and nothing else', () => {
    expect(isAllowedRequest('blob:app://deckhand/5b6e1c2a-0f1e-4c1d-9d8e-3a2b1c0d9e8f', packaged)).toBe(true);
    expect(isOwnDownload('blob:app://deckhand/5b6e1c2a-0f1e-4c1d-9d8e-3a2b1c0d9e8f')).toBe(true);
    for (const url of ['blob:https://evil.example/1234', 'blob:null/1234', 'blob:app://deckhand.evil/1', 'https://example.com/a.apkg', 'file:///etc/passwd', 'app://deckhand/index.html']) expect(isOwnDownload(url), url).toBe(false);
    for (const url of ['blob:https://evil.example/1234', 'blob:null/1234', 'blob:app://deckhand.evil/1']) expect(isAllowedRequest(url, packaged), url).toBe(false);
  });

  it('cancels every other scheme: the web, files, data and foreign blob URLs, sockets, FTP', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/x',
      'http://localhost/',
      'file:///etc/passwd',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:https://example.com/1234',
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
