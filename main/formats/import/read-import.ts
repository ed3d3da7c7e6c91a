// Which reader a file goes to. Anki files are told by their first bytes (a zip, SQLite or zstd),
// text files by their extension; a JSON file is either a Deckhand backup or a deck.json. Every
// failure is an ImportError that names the file.
import path from 'node:path';
import { isCollectionJson, readCollectionJson, type CollectionContent } from '../collection-json.ts';
import { IMPORT_LIMITS } from '../../domain/import-limits.ts';
import { ImportError, type ImportBundle } from '../bundle.ts';
import { readAnkiFile } from './anki.ts';
import { readDeckJson } from './deck-json.ts';
import { readMarkdownNotes, type MarkdownOptions } from './markdown.ts';
import { readDelimitedText } from './text.ts';

export type ReadResult = { kind: 'bundle'; bundle: ImportBundle } | { kind: 'collection'; content: CollectionContent };

export interface ReadOptions {
  /** The deck for notes whose file names none. */
  deck?: string;
  markdown?: Partial<MarkdownOptions>;
}

export const IMPORTABLE = ['.apkg', '.colpkg', '.anki2', '.anki21', '.anki21b', '.csv', '.tsv', '.txt', '.md', '.markdown', '.json'] as const;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b];
const SQLITE = [...'SQLite format 3'].map((c) => c.charCodeAt(0));
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];

export async function readImportFile(file: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const name = path.basename(file);
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) throw new ImportError(name, `it is ${Math.round(bytes.length / 1048576)} MB; files over ${IMPORT_LIMITS.maxFileBytes / 1048576} MB are not read`);
  const ext = path.extname(name).toLowerCase();
  if (startsWith(bytes, ZIP) || startsWith(bytes, SQLITE) || startsWith(bytes, ZSTD) || ['.apkg', '.colpkg', '.anki2', '.anki21', '.anki21b'].includes(ext)) {
    return { kind: 'bundle', bundle: await readAnkiFile(name, bytes) };
  }
  if (bytes.length === 0) throw new ImportError(name, 'the file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError(name, 'it is not an Anki file and not UTF-8 text');
  }
  switch (ext) {
    case '.json':
      return isCollectionJson(text) ? { kind: 'collection', content: readCollectionJson(name, text) } : { kind: 'bundle', bundle: readDeckJson(name, text) };
    case '.md':
    case '.markdown':
      return { kind: 'bundle', bundle: readMarkdownNotes(name, [{ path: name, text }], { ...(options.deck ? { defaultDeck: options.deck } : {}), ...options.markdown }) };
    case '.csv':
    case '.tsv':
    case '.txt':
      return { kind: 'bundle', bundle: readDelimitedText(name, text, options.deck ? { deck: options.deck } : {}) };
    default:
      throw new ImportError(name, `Deckhand does not know this kind of file; it reads ${IMPORTABLE.join(', ')}`);
  }
}
