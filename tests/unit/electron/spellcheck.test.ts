import { describe, expect, it } from 'vitest';
import { isAllowedRequest } from '../../../main/electron/request-filter.ts';
import { contentTypeFor, resolveAppUrl } from '../../../main/electron/protocol-path.ts';
import { NO_DICTIONARY_DOWNLOADS, spellcheckPolicy } from '../../../main/electron/spellcheck.ts';

describe('spellcheckPolicy', () => {
  it('checks spelling with macOS’s own checker, which needs no dictionary download', () => {
    expect(spellcheckPolicy('darwin')).toEqual({ enabled: true, dictionaryDownloadUrl: null });
  });

  it('checks spelling with Windows’ own checker, and sends any Hunspell download inside the app instead of to Google', () => {
    const policy = spellcheckPolicy('win32');
    expect(policy.enabled).toBe(true);
    expect(policy.dictionaryDownloadUrl).toBe(NO_DICTIONARY_DOWNLOADS);
    // Chromium forms ${url}${file}: such a request stays on app://, which serves no such file.
    const request = `${NO_DICTIONARY_DOWNLOADS}en-US-10-1.bdic`;
    expect(isAllowedRequest(request, { allowDevtools: false })).toBe(true);
    // The app:// handler answers 404 for a file it has no type for (and the renderer has no such file).
    expect(contentTypeFor(resolveAppUrl(request, '/app/renderer')!)).toBeNull();
    expect(NO_DICTIONARY_DOWNLOADS.endsWith('/')).toBe(true);
  });

  it('is off on Linux, where Chromium could only check with dictionaries it downloads', () => {
    for (const platform of ['linux', 'freebsd', 'openbsd'] as const) expect(spellcheckPolicy(platform)).toEqual({ enabled: false, dictionaryDownloadUrl: null });
  });
});
