// The collection on disk: a lowdb snapshot (collection.json, with each deck's cards in cards/ and
// note text in notes/) plus the review log (reviews.jsonl and its sealed segments in log/). Answers
// go to the log at once and durably; the snapshot is rewritten later, coalesced and in slices, so
// no answer waits for it. This file puts the store together: snapshot-reader.ts and log-replay.ts
// open it, collection-writer.ts writes it, backup-policy.ts decides when it is backed up,
// answer-history-cache.ts keeps the statistics' history, collection-replacement.ts swaps it whole.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AnswerHistory } from '../domain/answer-history.ts';
import type { Card, Note } from '../domain/card.ts';
import type { StagedLog } from '../domain/history-log.ts';
import type { Settings } from '../domain/settings.ts';
import { AnswerHistoryCache } from './answer-history-cache.ts';
import { BackupPolicy } from './backup-policy.ts';
import { listBackups } from './backups.ts';
import type { CollectionView, DeckRecord, NewReview, Replacement } from './collection-data.ts';
import { finishReplacement, finishRestore, pendingReplacement, replaceCollection, restoreBackup } from './collection-replacement.ts';
import { putLogFilesBack } from './replace-journal.ts';
import { CollectionWriter, type WriteProblem } from './collection-writer.ts';
import { acquireLock, type Lock } from './lock.ts';
import { replayLog } from './log-replay.ts';
import { compactSegments, LOG_FILE, removeFoldedSegments, reviewLogFiles } from './log-segments.ts';
import { NoteTable } from './note-table.ts';
import { recoverImport, type ImportContent } from './import-journal.ts';
import { isRefusedWrite, lastEntry, readEntries, type LogFileSystem } from './review-log.ts';
import { SNAPSHOT_FILE, SnapshotFile } from './snapshot-file.ts';
import { legacyNotesByDeck, readNotes, readSnapshot, removeStaleTempFiles, toData } from './snapshot-reader.ts';
import type { StoredReview } from './stored.ts';
import { logBytes } from './log-bytes.ts';

export { LOG_FILE, SNAPSHOT_FILE };
export type { CollectionData, CollectionView, DeckRecord, NewReview, Replacement } from './collection-data.ts';
export type { WriteProblem } from './collection-writer.ts';

export interface CollectionStore {
  readonly dir: string;
  /** The collection as it is now, to read; it changes through the methods below, each of which schedules the snapshot. */
  readonly data: CollectionView;
  /** What went wrong while opening (damaged files moved aside), for the user to read. */
  readonly notices: string[];
  /** The folder could not be written when the collection opened (a read-only disk): it is read, and nothing is written. */
  readonly readOnly: boolean;
  /** A snapshot or backup that failed in the background and has not succeeded since; it is retried on its own. */
  writeProblem(): WriteProblem | null;
  /** A deck's notes by id, read from disk the first time they are asked for. */
  notesOf(deckId: string): ReadonlyMap<string, Note>;
  /** Replaces a deck's notes; they are written with the next snapshot. */
  setNotes(deckId: string, notes: readonly Note[]): void;
  /** Adds a deck or replaces its record. */
  putDeck(deck: DeckRecord): void;
  /** Takes a deck's record out; its notes and cards are removed on their own. */
  removeDeck(deckId: string): void;
  /** Stores cards as they are, without a log entry. */
  putCards(cards: Iterable<Card>): void;
  removeCard(cardId: string): boolean;
  setSettings(settings: Settings): void;
  /**
   * Journals an import before its history is appended and its content applied, so that a crash
   * before the next snapshot is on disk finishes it on opening (import-journal.ts).
   */
  beginImport(content: ImportContent, entries: number, lastCardId: string | null): void;
  /** The import was refused before it changed anything: its journal goes. */
  abortImport(): void;
  /** Makes the answer durable, then applies it to `data`. */
  appendReview(review: NewReview): StoredReview;
  /** The same for many changes at once (a bulk edit in the browser), made durable with one sync. */
  appendReviews(reviews: readonly NewReview[]): StoredReview[];
  /** An import's history, however long: written in pieces, made durable with one sync, then applied; all of it or none. */
  appendHistory(log: StagedLog): void;
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
  /** The newest entry of the log (the last line of its newest file that has one), read from the end; null when the log is empty. */
  newestEntry(): StoredReview | null;
  /** Every log entry, oldest first (by sequence). */
  allEntries(): StoredReview[];
  /** The log's lines as raw bytes, a piece at a time with asynchronous reads (for the optimiser's child to parse). */
  logBytes(): AsyncIterable<Uint8Array>;
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
  /** The calls the review log makes on its file, for tests that make the disk fail. */
  logFileSystem?: LogFileSystem;
}

export async function openCollectionStore(dir: string, options: StoreOptions = {}): Promise<CollectionStore> {
  mkdirSync(dir, { recursive: true });
  const lock = lockUnlessReadOnly(dir);
  try {
    return open(dir, lock, options);
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/**
 * The lock, or null when the folder cannot be written at all (a read-only disk, a folder without
 * write permission): the collection is then opened to read, so the learner still sees their cards.
 */
function lockUnlessReadOnly(dir: string): Lock | null {
  try {
    return acquireLock(dir);
  } catch (e) {
    if (isRefusedWrite(e)) return null;
    throw e;
  }
}

function open(dir: string, lock: Lock | null, options: StoreOptions): CollectionStore {
  const now = options.now ?? Date.now;
  const notices: string[] = [];
  const readOnly = lock === null;
  const adapter = new SnapshotFile(path.join(dir, SNAPSHOT_FILE));
  if (!readOnly) {
    removeStaleTempFiles(dir);
    removeFoldedSegments(dir);
  }

  const stored = readSnapshot(adapter, dir, now, notices);
  const replacing = pendingReplacement(dir, stored.completes, notices, !readOnly);
  if (replacing) putLogFilesBack(dir, replacing);
  const data = toData(stored, dir, now, notices);
  const notes = new NoteTable((deckId) => readNotes(dir, deckId, now, notices));
  if (stored.legacyNotes) notes.replaceAll(legacyNotesByDeck(stored.legacyNotes));
  const replayed = replayLog(dir, stored, data.cards, now, notices);
  const recoveredImport = recoverImport(dir, data, notes, { snapshot: stored, replayed: replayed.replayed, latestSeq: replayed.latestSeq }, notices, !readOnly);
  const backups = new BackupPolicy(dir, now);
  const history = new AnswerHistoryCache(dir);
  const writer = new CollectionWriter({ dir, data, notes, adapter, backups, history, now, idleMs: options.snapshotDelayMs ?? 2000, maxPending: options.maxPendingReviews ?? 500, readOnly, recoveredImport, ...(options.logFileSystem ? { logFileSystem: options.logFileSystem } : {}) }, replayed);
  if (replayed.seq !== stored.logSeq || notices.length || notes.hasChanges || !existsSync(adapter.file)) writer.changed();
  const replaceable = { dir, data, notes, writer, backups, history, now, notices };
  finishRestore(replaceable, stored.completes, !readOnly);
  if (replacing) finishReplacement(replaceable, replacing);

  return {
    dir,
    data,
    notices,
    readOnly,
    writeProblem: () => writer.writeProblem,
    notesOf: (deckId) => notes.of(deckId),
    setNotes(deckId, list) {
      notes.set(deckId, new Map(list.map((n) => [n.id, n])));
      writer.changed();
    },
    putDeck(deck) {
      data.decks.set(deck.id, deck);
      writer.changed();
    },
    removeDeck(deckId) {
      data.decks.delete(deckId);
      writer.changed();
    },
    putCards(cards) {
      for (const card of cards) data.cards.set(card.id, card);
      writer.changed();
    },
    removeCard(cardId) {
      const removed = data.cards.delete(cardId);
      writer.changed();
      return removed;
    },
    setSettings(settings) {
      data.settings = structuredClone(settings);
      writer.changed();
    },
    beginImport: (content, entries, lastCardId) => writer.beginImport(content, entries, lastCardId),
    abortImport: () => writer.abortImport(),
    appendReview: (review) => writer.appendReviews([review])[0]!,
    appendReviews: (reviews) => writer.appendReviews(reviews),
    appendHistory: (log) => writer.appendHistory(log),
    flush: () => writer.flush(),
    entriesSince: (since) => entriesSince(dir, since),
    answerHistory: () => history.get(writer.seq),
    backups: () => listBackups(dir),
    restore: (name) => restoreBackup(replaceable, name),
    allEntries: () => reviewLogFiles(dir).flatMap((file) => readEntries(file)),
    newestEntry: () => {
      for (const file of reviewLogFiles(dir).reverse()) {
        const entry = lastEntry(file);
        if (entry) return entry;
      }
      return null;
    },
    logBytes: () => logBytes(reviewLogFiles(dir)),
    replaceWith: (next) => replaceCollection(replaceable, next),
    close() {
      if (writer.isClosed) return;
      if (!lock) return writer.close();
      try {
        writer.close();
        history.save(writer.seq);
        backups.backupOnQuit();
        compactSegments(dir);
      } finally {
        lock.release();
      }
    },
  };
}

function entriesSince(dir: string, since: number): StoredReview[] {
  const found: StoredReview[][] = [];
  for (const file of reviewLogFiles(dir).reverse()) {
    const entries = readEntries(file);
    found.unshift(entries.filter((e) => e.reviewedAt >= since));
    // Imported history carries old review times but the time it was written in `card.updatedAt`:
    // a file begun before `since` ends the search, whatever history it holds.
    if (entries.length > 0 && entries[0]!.card.updatedAt < since) break;
  }
  return found.flat();
}
