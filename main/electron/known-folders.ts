// A collection folder that has gone missing (a drive not plugged in, a network share not mounted)
// must not silently become a new, empty collection: the same path would then hold answers that the
// drive, once back, hides. So the app remembers which folders held a collection (in its own
// settings folder, not the collection's) and asks before starting afresh in one of them.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type FolderState = 'collection' | 'empty' | 'missing';

/** The files only a collection folder has. */
const COLLECTION_FILES = ['collection.json', 'reviews.jsonl', 'log'];

export function folderState(dir: string): FolderState {
  if (!existsSync(dir)) return 'missing';
  const names = new Set(readdirSync(dir));
  return COLLECTION_FILES.some((name) => names.has(name)) ? 'collection' : 'empty';
}

/** Whether to ask before opening `dir`: it held a collection before, and holds none now. */
export const collectionWentMissing = (known: readonly string[], dir: string, state: FolderState): boolean => state !== 'collection' && known.includes(path.resolve(dir));

/** The folders that held a collection; a missing or unreadable list is an empty one (asking is only a safeguard). */
export function readKnownFolders(file: string): string[] {
  try {
    const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds `dir` to the list (written whole through a temp file); a failure only loses the safeguard, so it is not an error. */
export function rememberFolder(file: string, known: readonly string[], dir: string): void {
  const resolved = path.resolve(dir);
  if (known.includes(resolved)) return;
  try {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify([...known, resolved].slice(-50))}\n`);
    renameSync(temp, file);
  } catch {
    // the list is a convenience: the collection itself is fine
  }
}

/** What the dialog asks: the first button quits (the default), the second starts an empty collection there. */
export function missingCollectionDialog(dir: string, state: FolderState): { message: string; detail: string; buttons: string[] } {
  return {
    message: state === 'missing' ? `The folder holding your collection cannot be found: ${dir}` : `The folder ${dir} no longer holds your collection.`,
    detail: 'If it is on a drive or a network share, connect it and start Deckhand again. Nothing has been changed. Starting a new collection there makes an empty one; your old collection, wherever it is, is not touched.',
    buttons: ['Quit', 'Start a new, empty collection there'],
  };
}
