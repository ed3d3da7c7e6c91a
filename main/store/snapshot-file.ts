// The lowdb adapter for collection.json. lowdb serialises all of `data` in one JSON.stringify on
// every write, which at 100,000 cards stalls the main process for a few hundred milliseconds. This
// adapter writes the same JSON in slices, yielding to the event loop between them, then makes it
// durable (temp file, fsync, rename, fsync of the folder).
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { Card, Note } from '../domain/card.ts';
import { syncDir, writeFileAtomic } from './atomic-file.ts';
import { toCardRow, toNoteRow, type StoredCollection } from './stored.ts';

/** What lowdb holds: the snapshot's header with the live domain objects, converted as they are written. */
export interface SnapshotData extends Omit<StoredCollection, 'notes' | 'cards'> {
  notes: readonly Note[];
  cards: readonly Card[];
}

/** Rows serialised per slice: small enough that one slice takes a few milliseconds. */
const SLICE = 2000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

let tempCounter = 0;

export class SnapshotFile implements Adapter<SnapshotData> {
  /** Set when a newer snapshot has been written synchronously: an older one still in flight must not land on top of it. */
  private generation = 0;

  constructor(readonly file: string) {}

  /** The parsed file as it is on disk, of whatever version; null when there is none. Throws on a file that does not parse. */
  async readRaw(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
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
    const temp = `${this.file}.${process.pid}.${++tempCounter}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.write(header(data));
      await writeRows(data.notes, (n) => toNoteRow(n), (s) => handle.write(s));
      await handle.write('],"cards":[');
      await writeRows(data.cards, (c) => toCardRow(c), (s) => handle.write(s));
      await handle.write(']}');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (generation !== this.generation) {
      await rm(temp, { force: true });
      return;
    }
    await rename(temp, this.file);
    syncDir(path.dirname(this.file));
  }

  /** The same snapshot in one go, for quitting, when a short stall no longer matters. */
  writeNow(data: SnapshotData): void {
    this.generation++;
    writeFileAtomic(this.file, `${header(data)}${data.notes.map((n) => JSON.stringify(toNoteRow(n))).join(',')}],"cards":[${data.cards.map((c) => JSON.stringify(toCardRow(c))).join(',')}]}`);
  }
}

function header(data: SnapshotData): string {
  return `{"schemaVersion":${data.schemaVersion},"deviceId":${JSON.stringify(data.deviceId)},"logSeq":${data.logSeq},"decks":${JSON.stringify(data.decks)},"notes":[`;
}

async function writeRows<T>(items: readonly T[], row: (item: T) => unknown, write: (s: string) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += SLICE) {
    const parts: string[] = [];
    for (let i = start; i < Math.min(start + SLICE, items.length); i++) parts.push(JSON.stringify(row(items[i]!)));
    await write((start > 0 ? ',' : '') + parts.join(','));
    await yieldToEventLoop();
  }
}
