// The collection on disk: a lowdb snapshot (collection.json, with note text in notes/) plus the
// review log (reviews.jsonl and its sealed segments in log/). Answers go to the log at once and
// durably; the snapshot is rewritten later, coalesced and in slices, so no answer waits for it.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { AnswerHistory } from '../domain/answer-history.ts';
import type { Note } from '../domain/card.ts';
import { BackupPolicy } from './backup-policy.ts';
import { backupDir, listBackups } from './backups.ts';
import { AnswerHistoryCache } from './answer-history-cache.ts';
import type { CollectionData, NewReview, Replacement } from './collection-data.ts';
import { acquireLock, type Lock } from './lock.ts';
import { compactSegments, LOG_FILE, reviewLogFiles, sealActiveLog } from './log-segments.ts';
import { replayLog } from './log-replay.ts';
import { NoteTable } from './note-table.ts';
import { readEntries, ReviewLogWriter } from './review-log.ts';
import { CARDS_DIR, NOTES_DIR, SNAPSHOT_FILE, SnapshotFile, type SnapshotData } from './snapshot-file.ts';
import { legacyNotesByDeck, readBackup, readNotes, readSnapshot, removeStaleTempFiles, toData } from './snapshot-reader.ts';
import { SCHEMA_VERSION, toLoggedCard, type StoredReview } from './stored.ts';

export { LOG_FILE, SNAPSHOT_FILE };
export type { CollectionData, DeckRecord, NewReview, Replacement } from './collection-data.ts';

export interface CollectionStore {
  readonly dir: string;
  readonly data: CollectionData;
  /** What went wrong while opening (damaged files moved aside), for the user to read. */
  readonly notices: string[];
  /** A deck's notes by id, read from disk the first time they are asked for. */
  notesOf(deckId: string): ReadonlyMap<string, Note>;
  /** Replaces a deck's notes; they are written with the next snapshot. */
  setNotes(deckId: string, notes: readonly Note[]): void;
  /** Makes the answer durable, then applies it to `data`. */
  appendReview(review: NewReview): StoredReview;
  /** The same for many changes at once (a bulk edit in the browser), made durable with one sync. */
  appendReviews(reviews: readonly NewReview[]): StoredReview[];
  /** Call after changing `data` other than through appendReview; the snapshot is written soon. */
  changed(): void;
  /** Writes the snapshot now, in slices; resolves when it is on disk. */
  flush(): Promise<void>;
  /** Log entries made at or after `since` (epoch ms), oldest first; reads only the newest log files it needs. */
  entriesSince(since: number): StoredReview[];
  /**
   * Every answer in the log, in compact columns for the statistics. Read from the log the first
   * time it is asked for (in pieces, so answers are not held up), then kept current by every append.
   */
  answerHistory(): Promise<AnswerHistory>;
  /** Backups of the snapshot, newest first. */
  backups(): { name: string; createdAt: number }[];
  /** Replaces the collection with a backup; the current state is backed up first. */
  restore(name: string): void;
  /** Every log entry, oldest first (by sequence). */
  allEntries(): StoredReview[];
  /**
   * Replaces the whole collection, its history included (restoring a full JSON backup). The state
   * replaced is backed up first, with its review log, so the new history is the backup's alone.
   */
  replaceWith(next: Replacement): void;
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


export async function openCollectionStore(dir: string, options: StoreOptions = {}): Promise<CollectionStore> {
  mkdirSync(dir, { recursive: true });
  const lock: Lock = acquireLock(dir);
  try {
    return open(dir, lock, options);
  } catch (e) {
    lock.release();
    throw e;
  }
}

function open(dir: string, lock: Lock, options: StoreOptions): CollectionStore {
  const now = options.now ?? Date.now;
  const idleMs = options.snapshotDelayMs ?? 2000;
  const maxPending = options.maxPendingReviews ?? 500;
  const notices: string[] = [];
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  const logFile = path.join(dir, LOG_FILE);
  const adapter = new SnapshotFile(snapshotFile);
  removeStaleTempFiles(dir);

  const stored = readSnapshot(adapter, dir, now, notices);
  const data = toData(stored, dir, now, notices);
  const notes = new NoteTable((deckId) => readNotes(dir, deckId, now, notices));
  if (stored.legacyNotes) notes.replaceAll(legacyNotesByDeck(stored.legacyNotes));

  const replayed = replayLog(dir, stored, data.cards, now, notices);
  let seq = replayed.seq;
  let activeEntries = replayed.activeEntries;
  const deviceId = replayed.deviceId;

  let writer = new ReviewLogWriter(logFile);
  let timer: NodeJS.Timeout | null = null;
  let firstPendingAt: number | null = null;
  let pendingReviews = 0;
  let writing: Promise<void> | null = null;
  let dirtyWhileWriting = false;
  const backups = new BackupPolicy(dir, now);
  let closed = false;
  const history = new AnswerHistoryCache(dir);

  /** Freezes the current state for writing and starts a new log segment, so the log and the snapshot agree. */
  function capture(): SnapshotData {
    const snapshot: SnapshotData = {
      schemaVersion: SCHEMA_VERSION,
      deviceId,
      logSeq: seq,
      decks: [...data.decks.values()],
      settings: structuredClone(data.settings),
      cards: data.cards.takeChanged(),
      notes: notes.takeChanged(),
    };
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

  const db = new Low<SnapshotData>(adapter, { schemaVersion: SCHEMA_VERSION, deviceId, logSeq: seq, decks: [], settings: data.settings, cards: new Map(), notes: new Map() });

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (closed) return Promise.resolve();
    if (writing) {
      dirtyWhileWriting = true;
      return writing;
    }
    db.data = capture();
    const pendingNotes = [...db.data.notes.keys()];
    const pendingCards = [...db.data.cards.keys()];
    writing = db
      .write()
      .then(() => backups.backupInBackground())
      .catch((e: unknown) => {
        notes.markChanged(pendingNotes);
        data.cards.markChanged(pendingCards);
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
      // After the current answer has returned, not inside it: sealing the log costs a few fsyncs.
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), 0);
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), idleMs);
    timer.unref();
  }

  const changed = () => {
    if (writing) dirtyWhileWriting = true;
    else schedule();
  };

  function appendReviews(reviews: readonly NewReview[]): StoredReview[] {
    if (closed) throw new Error('The collection is closed.');
    const entries: StoredReview[] = reviews.map((review, i) => ({
      id: `${deviceId}-${seq + i + 1}`,
      seq: seq + i + 1,
      cardId: review.cardId,
      ...(review.kind ? { kind: review.kind } : {}),
      ...(review.undoes ? { undoes: review.undoes } : {}),
      rating: review.rating,
      reviewedAt: review.reviewedAt,
      durationMs: review.durationMs,
      card: toLoggedCard(review.card),
    }));
    if (entries.length === 1) writer.append(entries[0]!);
    else writer.appendMany(entries);
    seq += entries.length;
    activeEntries += entries.length;
    pendingReviews += entries.length;
    backups.logged(entries.length);
    entries.forEach((entry, i) => {
      const card = reviews[i]!.card;
      const prior = data.cards.get(card.id)?.memory;
      const before = prior && { state: prior.state, scheduledDays: prior.scheduledDays };
      history.add(entry, before);
      data.cards.set(card.id, card);
    });
    if (entries.length) changed();
    return entries;
  }

  if (seq !== stored.logSeq || notices.length || notes.hasChanges || !existsSync(snapshotFile)) schedule();

  return {
    dir,
    data,
    notices,
    notesOf: (deckId) => notes.of(deckId),
    setNotes(deckId, list) {
      notes.set(deckId, new Map(list.map((n) => [n.id, n])));
      changed();
    },
    appendReview: (review) => appendReviews([review])[0]!,
    appendReviews,
    changed,
    flush,
    entriesSince(since) {
      const found: StoredReview[][] = [];
      for (const file of reviewLogFiles(dir).reverse()) {
        const entries = readEntries(file);
        found.unshift(entries.filter((e) => e.reviewedAt >= since));
        // Imported history carries old review times but the time it was written in `card.updatedAt`:
        // a file begun before `since` ends the search, whatever history it holds.
        if (entries.length > 0 && entries[0]!.card.updatedAt < since) break;
      }
      return found.flat();
    },
    answerHistory: () => history.get(seq),
    backups: () => listBackups(dir),
    restore(name) {
      if (!listBackups(dir).some((b) => b.name === path.basename(name))) throw new Error(`There is no backup named ${name}.`);
      const { data: fresh, notes: freshNotes } = readBackup(backupDir(dir, name), now, notices);
      // Keep what is being replaced: a backup of the current state, taken before anything changes.
      notes.markLoadedChanged();
      adapter.writeNow(capture());
      backups.backupBeforeReplacing();
      data.decks.clear();
      data.cards.clear();
      for (const [k, v] of fresh.decks) data.decks.set(k, v);
      data.settings = fresh.settings;
      for (const card of fresh.cards.values()) data.cards.set(card.id, card);
      rmSync(path.join(dir, NOTES_DIR), { recursive: true, force: true });
      rmSync(path.join(dir, CARDS_DIR), { recursive: true, force: true });
      notes.replaceAll(freshNotes);
      // The restored snapshot claims the whole log so far, so no earlier answer is replayed on top of it.
      adapter.writeNow(capture());
      backups.backupReplacement();
    },
    allEntries: () => reviewLogFiles(dir).flatMap((file) => readEntries(file)),
    replaceWith(next) {
      notes.markLoadedChanged();
      adapter.writeNow(capture());
      const aside = backups.backupBeforeReplacing();
      writer.close();
      const oldLog = path.join(backupDir(dir, aside), 'review-log');
      mkdirSync(oldLog, { recursive: true });
      for (const file of reviewLogFiles(dir)) renameSync(file, path.join(oldLog, path.basename(file)));
      writer = new ReviewLogWriter(logFile);
      data.decks.clear();
      data.cards.clear();
      for (const d of next.decks) data.decks.set(d.id, d);
      data.settings = structuredClone(next.settings);
      for (const card of next.cards) data.cards.set(card.id, card);
      rmSync(path.join(dir, NOTES_DIR), { recursive: true, force: true });
      rmSync(path.join(dir, CARDS_DIR), { recursive: true, force: true });
      const nextNotes = new Map(next.decks.map((d) => [d.id, new Map<string, Note>()]));
      for (const n of next.notes) nextNotes.get(n.deckId)?.set(n.id, n);
      notes.replaceAll(nextNotes);
      const cards = new Map(next.cards.map((c) => [c.id, c]));
      // The answer history in memory (and its saved copy) described the log just moved aside.
      history.forget();
      const newIds = new Map(next.history.flatMap((e, i) => (e.id ? [[e.id, `${deviceId}-${seq + i + 1}`] as const] : [])));
      appendReviews(next.history.map(({ id: _id, ...e }) => (e.undoes ? { ...e, undoes: newIds.get(e.undoes) ?? e.undoes } : e)));
      // appendReviews applied each entry's card; the cards given are the truth (a later edit without an entry).
      for (const card of cards.values()) data.cards.set(card.id, card);
      adapter.writeNow(capture());
      backups.backupReplacement();
    },
    close() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      adapter.writeNow(capture());
      closed = true;
      writer.close();
      history.save(seq);
      try {
        backups.backupOnQuit();
        compactSegments(dir);
      } finally {
        lock.release();
      }
    },
  };
}
