// Reading the snapshot: collection.json through the migrations when the collection opens, then each
// deck's cards and notes the first time the deck is used. A file that does not parse is moved
// aside, never overwritten, and what it held comes back from a backup or the review log, with a
// notice for the user.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Card, Note } from '../domain/card.ts';
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import { BACKUP_DIR, backupDir, listBackups } from './backups.ts';
import { CardTable } from './card-table.ts';
import type { CollectionData } from './collection-data.ts';
import { reviewLogFiles, SEGMENT_DIR } from './log-segments.ts';
import { MEDIA_DIR } from './media-folder.ts';
import { checkColumns, migrate, NewerFormatError } from './migrations.ts';
import { readReviewLog, repair } from './review-log.ts';
import { CARDS_DIR, cardsFile, NOTES_DIR, notesFile, SNAPSHOT_FILE, storedCardDecks, type SnapshotFile } from './snapshot-file.ts';
import { deckOf } from '../domain/notes.ts';
import { fromNoteRow, type NoteRow } from '../domain/note-row.ts';
import { fromLoggedCard } from '../domain/review-entry.ts';
import { emptyColumns, pushCard, SCHEMA_VERSION, type CardColumns, type StoredCards, type StoredCollection, type StoredNotes } from './stored.ts';

/**
 * Temp files of a write that a crash or a full disk interrupted (a snapshot file, a fold of the log, a media file,
 * a backup's folder); we hold the lock, so none is in use.
 */
export function removeStaleTempFiles(dir: string): void {
  for (const folder of [dir, path.join(dir, NOTES_DIR), path.join(dir, CARDS_DIR), path.join(dir, SEGMENT_DIR), path.join(dir, MEDIA_DIR), path.join(dir, BACKUP_DIR)]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (name.endsWith('.tmp')) rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

/**
 * Reads collection.json through the migrations. A file that does not parse is moved aside, never
 * overwritten, and the newest backup that parses stands in for it; the log then replays the rest.
 */
export function readSnapshot(adapter: SnapshotFile, dir: string, now: () => number, notices: string[]): StoredCollection {
  const file = adapter.file;
  try {
    const raw = adapter.readRaw();
    return raw === null ? emptyCollection() : migrate(raw, file);
  } catch (e) {
    if (e instanceof NewerFormatError || !(e instanceof SyntaxError)) throw e;
    const aside = moveAside(file, now);
    for (const backup of listBackups(dir)) {
      try {
        const stored = readSnapshotFile(path.join(backupDir(dir, backup.name), SNAPSHOT_FILE));
        notices.push(`The collection file ${file} was damaged (${e.message}); ${aside}. Deckhand opened the backup of ${new Date(backup.createdAt).toLocaleString()} and replayed every answer since from the review log.`);
        return stored;
      } catch {
        // try the next older backup
      }
    }
    notices.push(`The collection file ${file} was damaged (${e.message}); ${aside}. No backup could be read, so your cards were rebuilt from the review log.`);
    return emptyCollection();
  }
}

/** The collection in memory over a snapshot read from `dir`: each deck's cards are read when the deck is first used. */
export function toData(stored: StoredCollection, dir: string, now: () => number, notices: string[]): CollectionData {
  const cards = stored.legacyCards ? CardTable.fromColumns(stored.legacyCards) : new CardTable((deckId) => readCards(dir, deckId, now, notices), storedCardDecks(dir));
  return { decks: new Map(stored.decks.map((d) => [d.id, d])), cards, settings: stored.settings };
}

/** The notes an older snapshot still holds (see `legacyNotes`), by deck; the next snapshot writes them to notes/. */
export function legacyNotesByDeck(rows: readonly NoteRow[]): Map<string, Map<string, Note>> {
  const byDeck = new Map<string, Map<string, Note>>();
  for (const row of rows) {
    const note = fromNoteRow(row);
    if (!byDeck.has(note.deckId)) byDeck.set(note.deckId, new Map());
    byDeck.get(note.deckId)!.set(note.id, note);
  }
  return byDeck;
}

/**
 * A backup, read whole for restoring it: its collection, and every deck's notes. Its collection.json
 * must parse (there is no older state to fall back to); its deck files are read as on opening.
 */
export function readBackup(from: string, now: () => number, notices: string[]): { data: CollectionData; notes: Map<string, Map<string, Note>> } {
  const stored = readSnapshotFile(path.join(from, SNAPSHOT_FILE));
  const data = toData(stored, from, now, notices);
  const notes = new Map<string, Map<string, Note>>();
  for (const deckId of data.decks.keys()) notes.set(deckId, readNotes(from, deckId, now, notices));
  for (const row of stored.legacyNotes ?? []) notes.get(deckOf(row[0]))?.set(row[0], fromNoteRow(row));
  return { data, notes };
}

/** A deck's note file; a damaged one is moved aside and the deck reads as having no notes, with a notice. */
export function readNotes(dir: string, deckId: string, now: () => number, notices: string[]): Map<string, Note> {
  const file = notesFile(dir, deckId);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw e;
  }
  try {
    const stored = JSON.parse(text) as StoredNotes;
    if (!Array.isArray(stored.notes)) throw new SyntaxError('it has no list of notes');
    return new Map(stored.notes.map((r) => [r[0], fromNoteRow(r)]));
  } catch (e) {
    const aside = moveAside(file, now);
    notices.push(`The notes of deck "${deckId}" in ${file} were damaged (${(e as Error).message}); ${aside}. Restore a backup to get them back; shipped decks come back on their own.`);
    return new Map();
  }
}

/**
 * A deck's card file. A damaged one is moved aside and the deck's cards are rebuilt from the whole
 * review log (every card state is in it), with a notice.
 */
function readCards(dir: string, deckId: string, now: () => number, notices: string[]): CardColumns | null {
  const file = cardsFile(dir, deckId);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const stored = JSON.parse(text) as StoredCards;
    checkColumns(stored.cards);
    return stored.cards;
  } catch (e) {
    const aside = moveAside(file, now);
    const latest = new Map<string, Card>();
    for (const log of reviewLogFiles(dir)) {
      for (const entry of readReviewLog(log, now()).entries) if (entry.card.deckId === deckId) latest.set(entry.card.id, fromLoggedCard(entry.card));
    }
    notices.push(`The cards of deck "${deckId}" in ${file} were damaged (${(e as Error).message}); ${aside}; the ${latest.size} cards with answers were rebuilt from the review log.`);
    const columns = emptyColumns();
    for (const card of latest.values()) pushCard(columns, card);
    return columns;
  }
}

/** Moves a damaged file out of the way, never overwriting it; says where it went, for the notice. */
function moveAside(file: string, now: () => number): string {
  const aside = `${file}.damaged-${now()}`;
  return repair(() => renameSync(file, aside)) ? `it was moved to ${aside}` : 'it was left in place, as its folder cannot be written';
}

function readSnapshotFile(file: string): StoredCollection {
  return migrate(JSON.parse(readFileSync(file, 'utf8')), file);
}

function emptyCollection(): StoredCollection {
  return { schemaVersion: SCHEMA_VERSION, deviceId: '', logSeq: 0, decks: [], settings: structuredClone(DEFAULT_SETTINGS) };
}
