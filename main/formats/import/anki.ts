// Anki files, whichever the user picked: a package (a zip: `.apkg`, `.colpkg`) or a bare
// collection (`.anki2`, `.anki21`, `.anki21b`), told apart by their first bytes, not their name.
import type { ImportBundle } from '../bundle.ts';
import { readAnkiCollection, type AnkiReadOptions } from './anki-collection.ts';
import { readAnkiPackage } from './anki-package.ts';

export { readAnkiCollection, type AnkiReadOptions } from './anki-collection.ts';
export { readAnkiPackage } from './anki-package.ts';

export function readAnkiFile(file: string, bytes: Uint8Array, options: AnkiReadOptions = {}): Promise<ImportBundle> {
  const zip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  return zip ? readAnkiPackage(file, bytes, options) : readAnkiCollection(file, bytes, options);
}
