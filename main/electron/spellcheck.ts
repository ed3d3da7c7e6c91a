// Where the editor checks spelling. Deckhand is offline by construction, and Chromium's spellchecker
// downloads Hunspell dictionaries from Google's servers wherever the operating system does not
// check spelling itself. So it is on only where the system's own checker does the work:
// - macOS: the system's checker (NSSpellChecker); Electron never downloads a dictionary there.
// - Windows: Windows' own checker, for the languages Windows has. A language it lacks would make
//   Chromium fetch a Hunspell dictionary; the download address points inside the app (app://, which
//   answers it with nothing), so that language goes unchecked instead of reaching the network.
// - Linux (and anything else): off. Chromium checks there only with the dictionaries it downloads
//   (its own .bdic format, not the system's Hunspell files), so there is nothing offline to use.

/** A download address that never leaves the app: the app:// protocol answers it with 404. */
export const NO_DICTIONARY_DOWNLOADS = 'app://deckhand/no-dictionaries/';

export interface SpellcheckPolicy {
  enabled: boolean;
  /** Where Chromium may fetch Hunspell dictionaries from; null where it never fetches any. */
  dictionaryDownloadUrl: string | null;
}

export function spellcheckPolicy(platform: NodeJS.Platform): SpellcheckPolicy {
  if (platform === 'darwin') return { enabled: true, dictionaryDownloadUrl: null };
  if (platform === 'win32') return { enabled: true, dictionaryDownloadUrl: NO_DICTIONARY_DOWNLOADS };
  return { enabled: false, dictionaryDownloadUrl: null };
}
