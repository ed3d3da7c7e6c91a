// The lowdb adapter for collection.json and the note files beside it. lowdb serialises all of
// `data` in one JSON.stringify on every write, which at 100,000 cards stalls the main process.
// This adapter writes the same JSON a column or a slice at a time, yielding to the event loop
// between pieces, and makes each file durable (temp file, fsync, rename, fsync of the folder).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { Note } from '../domain/card.ts';
import { toNoteRow } from '../domain/note-row.ts';
import { syncDir, writeFileAtomic } from './atomic-file.ts';
import { CARD_COLUMNS, SCHEMA_VERSION, type CardColumns, type StoredCollection } from './stored.ts';

/** What lowdb holds: the snapshot's header with the live domain objects, converted as they are written. */
export interface SnapshotData extends Omit<StoredCollection, 'legacyCards' | 'legacyNotes'> {
  /** The decks whose cards changed since the last write, with all their cards; empty columns mean the deck has none left. */
  cards: ReadonlyMap<string, CardColumns>;
  /** The decks whose notes changed since the last write, with all their notes. */
  notes: ReadonlyMap<string, readonly Note[]>;
}

export const SNAPSHOT_FILE = 'collection.json';
export const NOTES_DIR = 'notes';
export const CARDS_DIR = 'cards';
export const notesFile = (dir: string, deckId: string): string => path.join(dir, NOTES_DIR, `${encodeURIComponent(deckId)}.json`);
export const cardsFile = (dir: string, deckId: string): string => path.join(dir, CARDS_DIR, `${encodeURIComponent(deckId)}.json`);

/** The decks with a card file, by id. */
export function storedCardDecks(dir: string): string[] {
  const folder = path.join(dir, CARDS_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => decodeURIComponent(name.slice(0, -'.json'.length)));
}

/** Cards or notes handled per slice: small enough that one slice takes a few milliseconds. */
const SLICE = 5000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

let tempCounter = 0;

export class SnapshotFile implements Adapter<SnapshotData> {
  /** Bumped by every synchronous write: an older write still in flight must not land on top of it. */
  private generation = 0;

  constructor(readonly file: string) {}

  /** The parsed file as it is on disk, of whatever version; null when there is none. Throws on a file that does not parse. */
  readRaw(): unknown {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return JSON.parse(text);
  }

  read(): Promise<SnapshotData | null> {
    throw new Error('SnapshotFile is read through readRaw and the migrations');
  }

  async write(data: SnapshotData): Promise<void> {
    const generation = this.generation;
    const dir = path.dirname(this.file);
    for (const [deckId, notes] of data.notes) {
      if (generation !== this.generation) return;
      await writeSliced(notesFile(dir, deckId), notesHeader(deckId), notes.map(toNoteRow), ']}', () => generation !== this.generation);
    }
    for (const [deckId, columns] of data.cards) {
      if (generation !== this.generation) return;
      const file = cardsFile(dir, deckId);
      if (columns.note.length === 0) rmSync(file, { force: true });
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        await writeParts(file, columnParts(cardsHeader(deckId), columns), () => generation !== this.generation);
      }
    }
    await writeParts(this.file, [header(data)], () => generation !== this.generation);
  }

  /** The same snapshot in one go, for quitting or restoring, when a short stall no longer matters. */
  writeNow(data: SnapshotData): void {
    this.generation++;
    const dir = path.dirname(this.file);
    for (const [deckId, notes] of data.notes) {
      mkdirSync(path.join(dir, NOTES_DIR), { recursive: true });
      writeFileAtomic(notesFile(dir, deckId), `${notesHeader(deckId)}${notes.map((n) => JSON.stringify(toNoteRow(n))).join(',')}]}`);
    }
    for (const [deckId, columns] of data.cards) {
      const file = cardsFile(dir, deckId);
      if (columns.note.length === 0) rmSync(file, { force: true });
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, [...columnParts(cardsHeader(deckId), columns)].join(''));
      }
    }
    writeFileAtomic(this.file, header(data));
  }
}

function header(data: SnapshotData): string {
  return `{"schemaVersion":${SCHEMA_VERSION},"deviceId":${JSON.stringify(data.deviceId)},"logSeq":${data.logSeq},${data.completes ? `"completes":${JSON.stringify(data.completes)},` : ''}"decks":${JSON.stringify(data.decks)},"settings":${JSON.stringify(data.settings)}}`;
}

function cardsHeader(deckId: string): string {
  return `{"schemaVersion":${SCHEMA_VERSION},"deckId":${JSON.stringify(deckId)},"cards":{`;
}

function notesHeader(deckId: string): string {
  return `{"schemaVersion":${SCHEMA_VERSION},"deckId":${JSON.stringify(deckId)},"notes":[`;
}

/** Values per piece of a column: at 100,000 cards one whole column takes up to ~20 ms to serialise. */
const COLUMN_PIECE = 10_000;

/** Each column in pieces of a few thousand values, so no one piece stalls the event loop for long. */
function* columnParts(head: string, columns: CardColumns): Generator<string> {
  yield head;
  let first = true;
  for (const name of CARD_COLUMNS) {
    const values = columns[name] as unknown[];
    yield `${first ? '' : ','}"${name}":[`;
    for (let start = 0; start < values.length; start += COLUMN_PIECE) {
      yield (start > 0 ? ',' : '') + JSON.stringify(values.slice(start, start + COLUMN_PIECE)).slice(1, -1);
    }
    yield ']';
    first = false;
  }
  yield '}}';
}

async function writeSliced(file: string, head: string, rows: readonly unknown[], tail: string, cancelled: () => boolean): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  function* parts(): Generator<string> {
    yield head;
    for (let start = 0; start < rows.length; start += SLICE) {
      yield (start > 0 ? ',' : '') + rows.slice(start, start + SLICE).map((r) => JSON.stringify(r)).join(',');
    }
    yield tail;
  }
  await writeParts(file, parts(), cancelled);
}

/** Writes each part, yielding between them, then syncs and renames into place unless cancelled. */
async function writeParts(file: string, parts: Iterable<string>, cancelled: () => boolean): Promise<void> {
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  const handle = await open(temp, 'w');
  try {
    try {
      // writeFile, unlike write, goes on until the whole part is written or the disk refuses.
      for (const part of parts) {
        await handle.writeFile(part);
        await yieldToEventLoop();
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  if (cancelled()) {
    await rm(temp, { force: true });
    return;
  }
  // Renamed synchronously, right after the check: a rename left in flight could land after the
  // synchronous write that cancelled this one, putting an older file over its newer one.
  renameSync(temp, file);
  syncDir(path.dirname(file));
}
