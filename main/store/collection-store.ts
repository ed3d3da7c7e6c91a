// The collection on disk: a lowdb snapshot (collection.json) plus the review log (reviews.jsonl
// and its sealed segments in log/). Answers go to the log at once and durably; the snapshot is
// rewritten later, coalesced and in slices, so no answer ever waits for it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Card, Note } from '../domain/card.ts';
import { BACKUP_DIR, BACKUP_INTERVAL_MS, listBackups, takeBackup, thinBackups } from './backups.ts';
import { acquireLock, type Lock } from './lock.ts';
import { LOG_FILE, listSegments, sealActiveLog } from './log-segments.ts';
import { migrate, NewerFormatError } from './migrations.ts';
import { readReviewLog, ReviewLogWriter } from './review-log.ts';
import { SnapshotFile, type SnapshotData } from './snapshot-file.ts';
import { fromCardRow, fromLoggedCard, fromNoteRow, SCHEMA_VERSION, toLoggedCard, type StoredCollection, type StoredDeck, type StoredReview } from './stored.ts';

export { LOG_FILE };
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
  /** Writes the snapshot now, in slices; resolves when it is on disk. */
  flush(): Promise<void>;
  /** Backups of the snapshot, newest first. */
  backups(): { name: string; createdAt: number }[];
  /** Replaces the collection with a backup; the current state is backed up first. */
  restore(name: string): void;
  /** Writes the snapshot and a backup, and releases the collection. */
  close(): void;
}

export interface StoreOptions {
  /** The clock, for backup names and files moved aside. */
  now?: () => number;
  /** How long the collection must be idle before the snapshot is written. */
  snapshotDelayMs?: number;
  /** Write the snapshot anyway once this many answers wait for it. */
  maxPendingReviews?: number;
}

export const SNAPSHOT_FILE = 'collection.json';

export async function openCollectionStore(dir: string, options: StoreOptions = {}): Promise<CollectionStore> {
  mkdirSync(dir, { recursive: true });
  const lock: Lock = acquireLock(dir);
  try {
    return await open(dir, lock, options);
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function open(dir: string, lock: Lock, options: StoreOptions): Promise<CollectionStore> {
  const now = options.now ?? Date.now;
  const idleMs = options.snapshotDelayMs ?? 2000;
  const maxPending = options.maxPendingReviews ?? 500;
  const notices: string[] = [];
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  const logFile = path.join(dir, LOG_FILE);
  const adapter = new SnapshotFile(snapshotFile);
  removeStaleTempFiles(dir);

  const stored = await readSnapshot(adapter, dir, now, notices);
  const data = toData(stored);

  // Replay what the snapshot does not include: sealed segments past its position, then the active log.
  let seq = stored.logSeq;
  let lastId: string | undefined;
  const replay = (file: string): number => {
    const log = readReviewLog(file, now());
    if (log.problem) notices.push(log.problem);
    for (const entry of log.entries) {
      if (entry.seq > stored.logSeq) data.cards.set(entry.card.id, fromLoggedCard(entry.card));
      seq = Math.max(seq, entry.seq);
      lastId = entry.id;
    }
    return log.entries.length;
  };
  for (const segment of listSegments(dir)) {
    seq = Math.max(seq, segment.lastSeq);
    if (segment.lastSeq > stored.logSeq) replay(segment.file);
  }
  let activeEntries = replay(logFile);
  const deviceId = stored.deviceId || (lastId ? lastId.slice(0, lastId.lastIndexOf('-')) : randomBytes(8).toString('hex'));

  const db = new Low<SnapshotData>(adapter, snapshotOf());
  let writer = new ReviewLogWriter(logFile);
  let timer: NodeJS.Timeout | null = null;
  let firstPendingAt: number | null = null;
  let pendingReviews = 0;
  let writing: Promise<void> | null = null;
  let dirtyWhileWriting = false;
  let reviewsSinceBackup = 0;
  let lastBackupAt = listBackups(dir)[0]?.createdAt ?? 0;
  let closed = false;

  function snapshotOf(logSeq = seq): SnapshotData {
    return {
      schemaVersion: SCHEMA_VERSION,
      deviceId: stored.deviceId || '',
      logSeq,
      decks: [...(data?.decks.values() ?? [])],
      notes: [...(data?.notes.values() ?? [])],
      cards: [...(data?.cards.values() ?? [])],
    };
  }

  /** Freezes the current state for writing and starts a new log segment, so the log and the snapshot agree. */
  function capture(): SnapshotData {
    const snapshot = { ...snapshotOf(), deviceId };
    if (activeEntries > 0) {
      writer.close();
      sealActiveLog(dir, seq);
      writer = new ReviewLogWriter(logFile);
      activeEntries = 0;
    }
    pendingReviews = 0;
    firstPendingAt = null;
    return snapshot;
  }

  function backupIfDue(force: boolean): void {
    if (!existsSync(snapshotFile)) return;
    const at = now();
    if (force ? reviewsSinceBackup === 0 && lastBackupAt !== 0 : reviewsSinceBackup === 0 || at - lastBackupAt < BACKUP_INTERVAL_MS) return;
    takeBackup(dir, snapshotFile, at);
    lastBackupAt = at;
    reviewsSinceBackup = 0;
    thinBackups(dir, at);
  }

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (closed) return Promise.resolve();
    if (writing) {
      dirtyWhileWriting = true;
      return writing;
    }
    db.data = capture();
    writing = db
      .write()
      .then(() => backupIfDue(false))
      .catch((e: unknown) => {
        notices.push(`The collection snapshot could not be saved (${(e as Error).message}); your answers are safe in the review log.`);
      })
      .finally(() => {
        writing = null;
        if (dirtyWhileWriting && !closed) {
          dirtyWhileWriting = false;
          schedule();
        }
      });
    return writing;
  };

  function schedule(): void {
    if (closed) return;
    const at = now();
    firstPendingAt ??= at;
    if (pendingReviews >= maxPending || at - firstPendingAt >= 30_000) {
      void flush();
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), idleMs);
    timer.unref();
  }

  if (seq !== stored.logSeq || notices.length || !existsSync(snapshotFile)) schedule();

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
        card: toLoggedCard(review.card),
      };
      writer.append(entry);
      seq = entry.seq;
      activeEntries++;
      pendingReviews++;
      reviewsSinceBackup++;
      data.cards.set(review.card.id, review.card);
      if (writing) dirtyWhileWriting = true;
      else schedule();
      return entry;
    },
    changed() {
      if (writing) dirtyWhileWriting = true;
      else schedule();
    },
    flush,
    backups: () => listBackups(dir),
    restore(name) {
      const file = path.join(dir, BACKUP_DIR, path.basename(name));
      if (!listBackups(dir).some((b) => b.name === path.basename(name))) throw new Error(`There is no backup named ${name}.`);
      const restored = migrate(JSON.parse(readFileSync(file, 'utf8')), file);
      const fresh = toData(restored);
      // Keep what is being replaced: a backup of the current state, taken before anything changes.
      adapter.writeNow(capture());
      takeBackup(dir, snapshotFile, now(), '-before-restore');
      for (const key of ['decks', 'notes', 'cards'] as const) {
        (data[key] as Map<string, unknown>).clear();
        for (const [k, v] of fresh[key]) (data[key] as Map<string, unknown>).set(k, v);
      }
      // The restored snapshot claims the whole log so far, so no later answer is replayed on top of it.
      adapter.writeNow(capture());
      takeBackup(dir, snapshotFile, now() + 1);
      reviewsSinceBackup = 0;
    },
    close() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      adapter.writeNow(capture());
      closed = true;
      writer.close();
      try {
        backupIfDue(true);
      } finally {
        lock.release();
      }
    },
  };
}

/** Temp files of a snapshot write that a crash interrupted; we hold the lock, so none is in use. */
function removeStaleTempFiles(dir: string): void {
  for (const name of readdirSync(dir)) if (/^collection\.json\.[\d.]+\.tmp$/.test(name)) rmSync(path.join(dir, name), { force: true });
}

function toData(stored: StoredCollection): CollectionData {
  return {
    decks: new Map(stored.decks.map((d) => [d.id, d])),
    notes: new Map(stored.notes.map((r) => [r[0], fromNoteRow(r)])),
    cards: new Map(
      stored.cards.map((r) => {
        const c = fromCardRow(r);
        return [c.id, c];
      }),
    ),
  };
}

/**
 * Reads collection.json through the migrations. A file that does not parse is moved aside, never
 * overwritten, and the newest backup that parses stands in for it; the log then replays the rest.
 */
async function readSnapshot(adapter: SnapshotFile, dir: string, now: () => number, notices: string[]): Promise<StoredCollection> {
  const file = adapter.file;
  try {
    const raw = await adapter.readRaw();
    return raw === null ? emptyCollection() : migrate(raw, file);
  } catch (e) {
    if (e instanceof NewerFormatError || !(e instanceof SyntaxError)) throw e;
    const aside = `${file}.damaged-${now()}`;
    renameSync(file, aside);
    for (const backup of listBackups(dir)) {
      try {
        const stored = migrate(JSON.parse(readFileSync(path.join(dir, BACKUP_DIR, backup.name), 'utf8')), backup.name);
        notices.push(`The collection file ${file} was damaged (${e.message}); it was moved to ${aside}. Deckhand opened the backup of ${new Date(backup.createdAt).toLocaleString()} and replayed every answer since from the review log.`);
        return stored;
      } catch {
        // try the next older backup
      }
    }
    notices.push(`The collection file ${file} was damaged (${e.message}); it was moved to ${aside}. No backup could be read, so your cards were rebuilt from the review log.`);
    return emptyCollection();
  }
}

function emptyCollection(): StoredCollection {
  return { schemaVersion: SCHEMA_VERSION, deviceId: '', logSeq: 0, decks: [], notes: [], cards: [] };
}
