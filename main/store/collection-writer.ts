// The one writer of the collection. Answers go to the review log at once and durably; the
// snapshot is rewritten later, coalesced and in slices, so no answer waits for it. Each snapshot
// seals the active log into a segment, so the snapshot's log position and the segments agree.
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { AnswerHistoryCache } from './answer-history-cache.ts';
import type { BackupPolicy } from './backup-policy.ts';
import type { CollectionData, NewReview } from './collection-data.ts';
import type { ReplayedLog } from './log-replay.ts';
import { LOG_FILE, reviewLogFiles, sealActiveLog } from './log-segments.ts';
import type { NoteTable } from './note-table.ts';
import { logLine, ReviewLogWriter, type LogFileSystem } from './review-log.ts';
import { folderGone, holdsLock } from './lock.ts';
import { IMPORT_JOURNAL, removeImportJournal, removeJournal, writeImportJournal, type ImportContent } from './import-journal.ts';
import type { SnapshotData, SnapshotFile } from './snapshot-file.ts';
import { toLoggedCard } from '../domain/review-entry.ts';
import type { StagedLog } from '../domain/history-log.ts';
import { SCHEMA_VERSION, type StoredReview } from './stored.ts';

/** Entries of an import's history turned into log lines at a time. */
const HISTORY_BATCH = 256;

/** Answers keep coming faster than the idle delay while studying: the snapshot is written at least this often anyway. */
const MAX_SNAPSHOT_WAIT_MS = 30_000;
/** A snapshot or backup that failed (a full disk, a folder gone) is tried again this long after. */
export const RETRY_WRITE_MS = 30_000;

/** A background write that failed and has not succeeded since: what the learner is told until it does. */
export interface WriteProblem {
  what: 'snapshot' | 'backup';
  error: unknown;
  /** Epoch ms of the first failure in a row. */
  since: number;
}

export interface WriterParts {
  dir: string;
  data: CollectionData;
  notes: Pick<NoteTable, 'takeChanged' | 'markChanged'>;
  adapter: SnapshotFile;
  backups: Pick<BackupPolicy, 'logged' | 'backupInBackground' | 'pending'>;
  history: Pick<AnswerHistoryCache, 'add' | 'following'>;
  now: () => number;
  /** How long the collection must be idle before the snapshot is written. */
  idleMs: number;
  /** Write the snapshot anyway once this many answers wait for it. */
  maxPending: number;
  /** The calls the review log makes on its file; tests make them fail. */
  logFileSystem?: LogFileSystem;
  /** The folder refused the lock (a read-only disk): nothing is written, every change is refused. */
  readOnly: boolean;
  /** An import finished on opening from its journal, which the next snapshot completes. */
  recoveredImport?: string | null;
}

export class CollectionWriter {
  readonly deviceId: string;
  private lastSeq: number;
  private activeEntries: number;
  private log: ReviewLogWriter;
  private readonly logFile: string;
  private readonly db: Low<SnapshotData>;
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt: number | null = null;
  private pendingReviews = 0;
  private writing: Promise<void> | null = null;
  /** The decks the write under way took as changed: written again by a synchronous write that cancels it. */
  private inFlight: { notes: string[]; cards: string[] } | null = null;
  private dirtyWhileWriting = false;
  private closed = false;
  private problem: WriteProblem | null = null;
  /** A journalled change (an import, a restore) whose journal is on disk until a snapshot that includes it is. */
  private pending: { id: string; journal: string } | null;

  constructor(
    private readonly parts: WriterParts,
    replayed: ReplayedLog,
  ) {
    this.deviceId = replayed.deviceId;
    this.lastSeq = replayed.seq;
    this.pending = parts.recoveredImport ? { id: parts.recoveredImport, journal: path.join(parts.dir, IMPORT_JOURNAL) } : null;
    this.activeEntries = replayed.activeEntries;
    this.logFile = path.join(parts.dir, LOG_FILE);
    this.log = this.openLog();
    this.db = new Low<SnapshotData>(parts.adapter, { schemaVersion: SCHEMA_VERSION, deviceId: this.deviceId, logSeq: this.lastSeq, decks: [], settings: parts.data.settings, cards: new Map(), notes: new Map() });
  }

  private openLog(): ReviewLogWriter {
    return new ReviewLogWriter(this.logFile, this.parts.logFileSystem, () => this.checkFolder());
  }

  /** Nothing is written to a path whose folder is no longer the collection's (a drive unplugged). */
  private checkFolder(): void {
    if (!holdsLock(this.parts.dir)) throw folderGone(this.parts.dir);
  }

  /** The log position of the last entry written. */
  get seq(): number {
    return this.lastSeq;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The background write that is failing, if one is. */
  get writeProblem(): WriteProblem | null {
    return this.problem;
  }

  /**
   * Journals an import before its history is appended and its content applied (import-journal.ts);
   * `entries` is the length of its history, `lastCardId` the card of its last entry.
   */
  beginImport(content: ImportContent, entries: number, lastCardId: string | null): void {
    if (this.parts.readOnly) throw Object.assign(new Error(`The folder ${this.parts.dir} is read-only.`), { code: 'EROFS' });
    this.checkFolder();
    const id = `${this.deviceId}-${this.lastSeq}-${this.parts.now()}`;
    writeImportJournal(this.parts.dir, { id, afterSeq: this.lastSeq, lastSeq: this.lastSeq + entries, lastCardId, decks: content.decks, notes: content.notes, cards: content.cards });
    this.pending = { id, journal: path.join(this.parts.dir, IMPORT_JOURNAL) };
  }

  /** A change written in a journal (`journal`, holding `id`) that the next snapshot completes. */
  completesJournal(id: string, journal: string): void {
    this.pending = { id, journal };
  }

  /** The import was refused (its history could not be appended): its journal must not finish it later. */
  abortImport(): void {
    this.pending = null;
    try {
      removeImportJournal(this.parts.dir);
    } catch {
      // Opening tells a refused import by its history missing from the log, and drops the journal then.
    }
  }

  /** Makes the entries durable with one sync, then applies them to the collection. */
  appendReviews(reviews: readonly NewReview[]): StoredReview[] {
    this.checkAppend();
    const entries = this.stored(reviews, this.lastSeq);
    if (entries.length === 1) this.log.append(entries[0]!);
    else this.log.appendMany(entries);
    this.applyAppended(reviews, entries);
    return entries;
  }

  /**
   * An import's history: written a batch at a time (a million entries are far more than one
   * string can hold), synced once, then applied; a failure anywhere cuts the log back, so it is all
   * or nothing, as one append is.
   */
  appendHistory(log: StagedLog): void {
    this.checkAppend();
    const start = this.lastSeq;
    const stored = (reviews: readonly NewReview[], seq: number) => this.stored(reviews, seq);
    this.log.appendLines(
      (function* () {
        let seq = start;
        for (const batch of log.batches(HISTORY_BATCH)) {
          for (const entry of stored(batch, seq)) yield `${logLine(entry)}\n`;
          seq += batch.length;
        }
      })(),
    );
    // The statistics' history, when it is in memory, takes each entry with its card's state before
    // it. The cards themselves are set by the import as staged, after its history.
    if (this.parts.history.following) {
      for (const batch of log.batches(HISTORY_BATCH)) this.applyAppended(batch, this.stored(batch, this.lastSeq));
      return;
    }
    this.lastSeq += log.length;
    this.activeEntries += log.length;
    this.pendingReviews += log.length;
    this.parts.backups.logged(log.length);
    if (log.length) this.changed();
  }

  private checkAppend(): void {
    if (this.closed) throw new Error('The collection is closed.');
    if (this.parts.readOnly) throw Object.assign(new Error(`The folder ${this.parts.dir} is read-only.`), { code: 'EROFS' });
  }

  /** The log lines of `reviews`, numbered after `seq`. */
  private stored(reviews: readonly NewReview[], seq: number): StoredReview[] {
    return reviews.map((review, i) => ({
      id: `${this.deviceId}-${seq + i + 1}`,
      seq: seq + i + 1,
      cardId: review.cardId,
      ...(review.kind ? { kind: review.kind } : {}),
      ...(review.undoes ? { undoes: review.undoes } : {}),
      ...(review.answerKind ? { answerKind: review.answerKind } : {}),
      rating: review.rating,
      reviewedAt: review.reviewedAt,
      durationMs: review.durationMs,
      card: toLoggedCard(review.card),
    }));
  }

  /** Entries now on disk change the collection: each card, and the statistics' history. */
  private applyAppended(reviews: readonly NewReview[], entries: readonly StoredReview[]): void {
    const { data, history, backups } = this.parts;
    this.lastSeq += entries.length;
    this.activeEntries += entries.length;
    this.pendingReviews += entries.length;
    backups.logged(entries.length);
    entries.forEach((entry, i) => {
      const card = reviews[i]!.card;
      const prior = data.cards.get(card.id)?.memory;
      const before = prior && { state: prior.state, scheduledDays: prior.scheduledDays };
      history.add(entry, before);
      data.cards.set(card.id, card);
    });
    if (entries.length) this.changed();
  }

  /** The collection changed: the snapshot is written once it has been idle a while. */
  changed(): void {
    if (this.parts.readOnly) return;
    if (this.writing) this.dirtyWhileWriting = true;
    else this.schedule();
  }

  /**
   * Writes the snapshot now, in slices; resolves once everything changed before the call is on
   * disk. Asked during a write, it waits for that write and then writes again: the write under
   * way was captured before the latest changes (an import just applied), and whoever awaits the
   * flush takes those as saved.
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.parts.readOnly) return Promise.resolve();
    if (this.writing) {
      this.dirtyWhileWriting = true;
      return this.writing.then(() => this.flush());
    }
    const { data, notes, backups } = this.parts;
    let captured: SnapshotData;
    try {
      captured = this.capture();
    } catch (e) {
      // Sealing the log failed (the folder went away): nothing was taken, so it is all tried again.
      this.failed('snapshot', e);
      return Promise.resolve();
    }
    this.db.data = captured;
    // The answers this snapshot holds; those given while it is written are for the next backup.
    const inSnapshot = backups.pending;
    const pendingNotes = [...captured.notes.keys()];
    const pendingCards = [...captured.cards.keys()];
    this.inFlight = { notes: pendingNotes, cards: pendingCards };
    this.writing = this.db
      .write()
      .then(
        () => {
          if (this.problem?.what === 'snapshot') this.problem = null;
          this.written(captured);
          return backups.backupInBackground(inSnapshot).then(
            () => {
              if (this.problem?.what === 'backup') this.problem = null;
            },
            (e: unknown) => this.failed('backup', e),
          );
        },
        (e: unknown) => {
          notes.markChanged(pendingNotes);
          data.cards.markChanged(pendingCards);
          this.failed('snapshot', e);
        },
      )
      .finally(() => {
        this.writing = null;
        this.inFlight = null;
        if (this.dirtyWhileWriting && !this.closed) {
          this.dirtyWhileWriting = false;
          this.schedule();
        }
      });
    return this.writing;
  }

  /** Keeps the failure for the learner to see (answers are safe in the log) and tries again later. */
  private failed(what: WriteProblem['what'], error: unknown): void {
    this.problem = { what, error, since: this.problem?.what === what ? this.problem.since : this.parts.now() };
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), RETRY_WRITE_MS);
    this.timer.unref();
  }

  /** Writes the snapshot in one go, for quitting or replacing the collection, when a short stall no longer matters. */
  writeSnapshotNow(): void {
    // It cancels a write under way, which took its decks' changes with it: they go in this one.
    if (this.inFlight) {
      this.parts.notes.markChanged(this.inFlight.notes);
      this.parts.data.cards.markChanged(this.inFlight.cards);
      this.inFlight = null;
    }
    const captured = this.capture();
    this.parts.adapter.writeNow(captured);
    this.written(captured);
  }

  /** A snapshot is on disk: the import it completes needs its journal no more. */
  private written(snapshot: SnapshotData): void {
    if (!snapshot.completes || snapshot.completes !== this.pending?.id) return;
    const { journal } = this.pending;
    this.pending = null;
    try {
      removeJournal(journal);
    } catch {
      // Left behind, it is dropped on opening: the snapshot on disk names the change it completes.
    }
  }

  /** Moves every log file into `folder` and starts an empty log, for a collection replaced with its history. */
  setAsideLog(folder: string): void {
    this.log.close();
    mkdirSync(folder, { recursive: true });
    for (const file of reviewLogFiles(this.parts.dir)) renameSync(file, path.join(folder, path.basename(file)));
    this.log = this.openLog();
  }

  /** Writes the snapshot and closes the log; nothing can be written after. */
  close(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    if (this.parts.readOnly) {
      this.closed = true;
      return;
    }
    try {
      this.writeSnapshotNow();
    } finally {
      // Closed either way: what the snapshot did not get is in the log, replayed on the next open.
      this.closed = true;
      this.log.close();
    }
  }

  /** Freezes the current state for writing and starts a new log segment, so the log and the snapshot agree. */
  private capture(): SnapshotData {
    const { dir, data, notes } = this.parts;
    this.checkFolder();
    const snapshot: SnapshotData = {
      schemaVersion: SCHEMA_VERSION,
      deviceId: this.deviceId,
      logSeq: this.lastSeq,
      ...(this.pending ? { completes: this.pending.id } : {}),
      decks: [...data.decks.values()],
      settings: structuredClone(data.settings),
      cards: data.cards.takeChanged(),
      notes: notes.takeChanged(),
    };
    if (this.activeEntries > 0) {
      this.log.close();
      sealActiveLog(dir, this.lastSeq);
      this.log = this.openLog();
      this.activeEntries = 0;
    }
    this.pendingReviews = 0;
    this.firstPendingAt = null;
    return snapshot;
  }

  private schedule(): void {
    if (this.closed) return;
    const at = this.parts.now();
    this.firstPendingAt ??= at;
    if (this.pendingReviews >= this.parts.maxPending || at - this.firstPendingAt >= MAX_SNAPSHOT_WAIT_MS) {
      // After the current answer has returned, not inside it: sealing the log costs a few fsyncs.
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.flush(), 0);
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.parts.idleMs);
    this.timer.unref();
  }
}
