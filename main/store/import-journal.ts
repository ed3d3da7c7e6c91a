// An import is all or nothing across a crash or a power cut. Its history goes to the review log
// (synced) at once, but its decks, notes and cards reach the disk with the next snapshot, which is
// several files. So before anything else the import is written whole to a journal (synced); the
// first snapshot that includes it carries its id, and once that snapshot is on disk the journal
// goes. Opening with a journal still there finishes the import from it, or drops it when the
// import was refused before its history was saved.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Card, Note } from '../domain/card.ts';
import { syncDir, writeFileAtomicPieces } from './atomic-file.ts';
import type { CollectionData, DeckRecord } from './collection-data.ts';
import type { NoteTable } from './note-table.ts';
import type { StoredReview } from './stored.ts';

export const IMPORT_JOURNAL = 'import-journal.json';

/** What an import adds or changes, as applied after its history. */
export interface ImportContent {
  decks: readonly DeckRecord[];
  notes: readonly Note[];
  cards: readonly Card[];
}

export interface ImportJournal extends ImportContent {
  id: string;
  /** The log position before the import's history; the history takes the positions after it, up to `lastSeq`. */
  afterSeq: number;
  lastSeq: number;
  /** The card of the history's last entry, to tell that entry from a later answer that took its position. */
  lastCardId: string | null;
}

/**
 * One JSON line for the import's place in the log and its counts, then one line per deck, note and
 * card: an import of 100,000 cards is written and read a line at a time, never as one string.
 */
export function writeImportJournal(dir: string, journal: ImportJournal): void {
  const { decks, notes, cards, ...place } = journal;
  writeFileAtomicPieces(path.join(dir, IMPORT_JOURNAL), journalLines(place, journal));
}

function* journalLines(place: Omit<ImportJournal, keyof ImportContent>, content: ImportContent): Iterable<string> {
  yield `${JSON.stringify({ ...place, counts: [content.decks.length, content.notes.length, content.cards.length] })}\n`;
  for (const deck of content.decks) yield `{"deck":${JSON.stringify(deck)}}\n`;
  for (const note of content.notes) yield `{"note":${JSON.stringify(note)}}\n`;
  for (const card of content.cards) yield `{"card":${JSON.stringify(card)}}\n`;
}

/** The journal as `writeImportJournal` wrote it (or whole, as one JSON object, as it was first written). */
function readImportJournal(file: string): ImportJournal {
  const bytes = readFileSync(file);
  const lines: unknown[] = [];
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end > start) lines.push(JSON.parse(bytes.subarray(start, end).toString('utf8')));
    start = end + 1;
  }
  const head = lines[0] as (ImportJournal & { counts?: number[] }) | undefined;
  if (!head || typeof head.id !== 'string') throw new SyntaxError('it is not an import journal');
  if (Array.isArray(head.cards) && Array.isArray(head.notes) && Array.isArray(head.decks)) return head;
  const decks: DeckRecord[] = [];
  const notes: Note[] = [];
  const cards: Card[] = [];
  const journal: ImportJournal = { id: head.id, afterSeq: head.afterSeq, lastSeq: head.lastSeq, lastCardId: head.lastCardId, decks, notes, cards };
  for (const line of lines.slice(1)) {
    const item = line as { deck?: DeckRecord; note?: Note; card?: Card };
    if (item.deck) decks.push(item.deck);
    else if (item.note) notes.push(item.note);
    else if (item.card) cards.push(item.card);
  }
  const counts = [decks.length, notes.length, cards.length];
  if (!Array.isArray(head.counts) || head.counts.join() !== counts.join()) throw new SyntaxError(`it holds ${counts.join(', ')} decks, notes and cards where it names ${String(head.counts)}`);
  return journal;
}

/** After the snapshot that includes the import is on disk, or when the import was refused. */
export function removeImportJournal(dir: string): void {
  removeJournal(path.join(dir, IMPORT_JOURNAL));
}

/** A journal whose change is on disk in a snapshot, or that must not be finished. */
export function removeJournal(file: string): void {
  rmSync(file, { force: true });
  syncDir(path.dirname(file));
}

/** What opening found in the log that bears on an interrupted import. */
export interface LogState {
  /** The snapshot's log position and the import it includes, if any. */
  snapshot: { logSeq: number; completes?: string | undefined };
  /** Entries replayed on top of the snapshot. */
  replayed: ReadonlyMap<number, Pick<StoredReview, 'cardId'>>;
  /** For each card changed by a replayed entry, the position of the latest one. */
  latestSeq: ReadonlyMap<string, number>;
}

/**
 * Finishes an import that a crash interrupted, or drops one that was refused: returns the import's
 * id when it was finished (so the next snapshot marks it done), or null. Reports it in `notices`.
 */
export function recoverImport(dir: string, data: CollectionData, notes: Pick<NoteTable, 'of' | 'set'>, log: LogState, notices: string[], canWrite: boolean): string | null {
  const file = path.join(dir, IMPORT_JOURNAL);
  if (!existsSync(file)) return null;
  let journal: ImportJournal;
  try {
    journal = readImportJournal(file);
  } catch (e) {
    // Written whole or not at all (a temp file renamed into place): damage here is the disk's.
    notices.push(`The import journal ${file} could not be read (${(e as Error).message}); an import that was cut short may be missing. Import the file again.`);
    return null;
  }
  if (log.snapshot.completes === journal.id || !historySaved(journal, log)) {
    if (canWrite) removeImportJournal(dir);
    return null;
  }
  for (const deck of journal.decks) data.decks.set(deck.id, deck);
  const byDeck = new Map<string, Note[]>();
  for (const note of journal.notes) (byDeck.get(note.deckId) ?? byDeck.set(note.deckId, []).get(note.deckId)!).push(note);
  for (const [deckId, added] of byDeck) {
    const merged = new Map(notes.of(deckId));
    for (const note of added) merged.set(note.id, note);
    notes.set(deckId, merged);
  }
  // Answers given after the import (to its cards too) came later and stand.
  for (const card of journal.cards) if ((log.latestSeq.get(card.id) ?? 0) <= journal.lastSeq) data.cards.set(card.id, card);
  notices.push(`An import was cut short (Deckhand closed or the power went); it was finished from its journal: ${journal.notes.length} notes and ${journal.cards.length} cards.`);
  return journal.id;
}

/**
 * Whether the import's history reached the log, so that it was applied: an import without history
 * was applied as soon as its journal was written; one with history only if the entry at its last
 * position is its own (a refused append is cut back, and a later answer may take that position).
 */
function historySaved(journal: ImportJournal, log: LogState): boolean {
  if (journal.lastSeq === journal.afterSeq) return true;
  if (log.snapshot.logSeq >= journal.lastSeq) return false; // a later snapshot without the import: it never happened
  return log.replayed.get(journal.lastSeq)?.cardId === journal.lastCardId;
}
