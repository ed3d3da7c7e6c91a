// The collection on disk: a lowdb snapshot (collection.json) plus the review log (reviews.jsonl).
// Answers go to the log at once and durably; the snapshot is rewritten later, coalesced, because
// lowdb re-serialises everything on each write. Opening = snapshot + the log lines after it.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { LowSync } from 'lowdb';
import type { Card, Note } from '../domain/card.ts';
import { AtomicJsonFile } from './atomic-file.ts';
import { acquireLock, type Lock } from './lock.ts';
import { readReviewLog, ReviewLogWriter } from './review-log.ts';
import { fromStoredCard, SCHEMA_VERSION, toStoredCard, type StoredCollection, type StoredDeck, type StoredReview } from './stored.ts';

export type DeckRecord = StoredDeck;

export interface CollectionData {
  decks: Map<string, DeckRecord>;
  notes: Map<string, Note>;
  cards: Map<string, Card>;
}

export interface NewReview {
  cardId: string;
  rating: number;
  reviewedAt: number;
  durationMs: number;
  /** The card as it is after the answer. */
  card: Card;
}

export interface CollectionStore {
  readonly dir: string;
  readonly data: CollectionData;
  /** What went wrong while opening (damaged files moved aside), for the user to read. */
  readonly notices: string[];
  /** Makes the answer durable, then applies it to `data`. */
  appendReview(review: NewReview): StoredReview;
  /** Call after changing `data` other than through appendReview; the snapshot is written soon. */
  changed(): void;
  /** Writes the snapshot now. */
  flush(): void;
  close(): void;
}

export interface StoreOptions {
  /** The clock, for names of files moved aside. */
  now?: () => number;
  /** How long changes may wait before the snapshot is written. */
  snapshotDelayMs?: number;
}

export const SNAPSHOT_FILE = 'collection.json';
export const LOG_FILE = 'reviews.jsonl';

export function openCollectionStore(dir: string, options: StoreOptions = {}): CollectionStore {
  const now = options.now ?? Date.now;
  const delay = options.snapshotDelayMs ?? 2000;
  mkdirSync(dir, { recursive: true });
  const lock: Lock = acquireLock(dir);
  try {
    return open(dir, lock, now, delay);
  } catch (e) {
    lock.release();
    throw e;
  }
}

function open(dir: string, lock: Lock, now: () => number, delay: number): CollectionStore {
  const notices: string[] = [];
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  const logFile = path.join(dir, LOG_FILE);
  const db = new LowSync<StoredCollection>(new AtomicJsonFile(snapshotFile), emptyCollection());
  try {
    db.read();
  } catch (e) {
    const aside = `${snapshotFile}.damaged-${now()}`;
    renameSync(snapshotFile, aside);
    notices.push(`The collection file ${snapshotFile} could not be read (${(e as Error).message}). It was moved to ${aside}; your cards were rebuilt from the review log.`);
    db.data = emptyCollection();
  }
  const stored = db.data;
  if (stored.schemaVersion > SCHEMA_VERSION) {
    throw new Error(`${snapshotFile} was written by a newer Deckhand (format ${stored.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update Deckhand to open it.`);
  }

  const data: CollectionData = {
    decks: new Map(stored.decks.map((d) => [d.id, d])),
    notes: new Map(stored.notes.map((n) => [n.id, n])),
    cards: new Map(stored.cards.map((c) => [c.id, fromStoredCard(c)])),
  };

  const log = readReviewLog(logFile, now());
  if (log.problem) notices.push(log.problem);
  let seq = stored.logSeq;
  for (const entry of log.entries) {
    if (entry.seq > stored.logSeq) data.cards.set(entry.card.id, fromStoredCard(entry.card));
    seq = Math.max(seq, entry.seq);
  }
  const lastId = log.entries.at(-1)?.id;
  const deviceId = stored.deviceId || (lastId ? lastId.slice(0, lastId.lastIndexOf('-')) : randomBytes(8).toString('hex'));
  const replayed = seq !== stored.logSeq || !existsSync(snapshotFile);

  const writer = new ReviewLogWriter(logFile);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    db.data = {
      schemaVersion: SCHEMA_VERSION,
      deviceId,
      logSeq: seq,
      decks: [...data.decks.values()],
      notes: [...data.notes.values()],
      cards: [...data.cards.values()].map(toStoredCard),
    };
    db.write();
  };

  const changed = () => {
    if (closed || timer) return;
    timer = setTimeout(flush, delay);
    timer.unref();
  };

  if (replayed || notices.length) changed();

  return {
    dir,
    data,
    notices,
    appendReview(review) {
      if (closed) throw new Error('The collection is closed.');
      const entry: StoredReview = {
        id: `${deviceId}-${seq + 1}`,
        seq: seq + 1,
        cardId: review.cardId,
        rating: review.rating,
        reviewedAt: review.reviewedAt,
        durationMs: review.durationMs,
        card: toStoredCard(review.card),
      };
      writer.append(entry);
      seq = entry.seq;
      data.cards.set(review.card.id, review.card);
      changed();
      return entry;
    },
    changed,
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
      writer.close();
      lock.release();
    },
  };
}

function emptyCollection(): StoredCollection {
  return { schemaVersion: SCHEMA_VERSION, deviceId: '', logSeq: 0, decks: [], notes: [], cards: [] };
}
