// The answer history in memory: read the first time the statistics ask for it (from the history
// saved on the last close plus the log written since, or else the whole log), then kept current
// by every append, and saved again on close.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { AnswerHistory, StateBefore } from '../domain/answer-history.ts';
import { HISTORY_FILE, readHistoryFile, writeHistoryFile } from './answer-history-file.ts';
import { readAnswerHistory } from './answer-history-reader.ts';
import { CardStates } from './card-states.ts';
import { LOG_FILE, listSegments, reviewLogFiles } from './log-segments.ts';
import type { StoredReview } from './stored.ts';

export class AnswerHistoryCache {
  private history: AnswerHistory | null = null;
  /** Each card's state after its last log line, kept with the history so that it can be saved. */
  private states = new CardStates();
  /** The log position the saved history file holds; it is rewritten on close only when behind. */
  private savedSeq = -1;
  private reading: Promise<AnswerHistory> | null = null;
  /** Appends made while the history is being read, with each card's state before them. */
  private backlog: { entry: StoredReview; before: StateBefore | undefined }[] = [];
  private readonly file: string;

  constructor(private readonly dir: string) {
    this.file = path.join(dir, HISTORY_FILE);
  }

  /** The history up to log position `logSeq`, which is where the log ends now. */
  get(logSeq: number): Promise<AnswerHistory> {
    if (this.history) return Promise.resolve(this.history);
    this.reading ??= this.read(logSeq).catch((e: unknown) => {
      this.reading = null;
      this.backlog = [];
      throw e;
    });
    return this.reading;
  }

  /** Whether appended entries are taken in (the history is read or being read); otherwise `add` does nothing. */
  get following(): boolean {
    return this.history !== null || this.reading !== null;
  }

  /** An entry just appended to the log, with its card's state before it. */
  add(entry: StoredReview, before: StateBefore | undefined): void {
    if (this.history) {
      this.history.add(entry, before);
      this.states.set(entry.card.id, { state: entry.card.state, scheduledDays: entry.card.scheduledDays });
    } else if (this.reading) this.backlog.push({ entry, before });
  }

  /** On close: derived data, so a failure to save it costs only a slower first Statistics visit next time. */
  save(logSeq: number): void {
    if (!this.history || this.savedSeq === logSeq) return;
    try {
      writeHistoryFile(this.file, { history: this.history, states: this.states, upToSeq: logSeq });
    } catch {
      // The copy saved before, if any, is whole (the file is replaced by a rename) and says which
      // log position it reaches: the next open reads the log from there.
    }
  }

  /** The log it described was replaced: the history is dropped, its saved copy too. */
  forget(): void {
    this.history = null;
    this.reading = null;
    this.backlog = [];
    this.states = new CardStates();
    this.savedSeq = -1;
    rmSync(this.file, { force: true });
  }

  private async read(logSeq: number): Promise<AnswerHistory> {
    const saved = readHistoryFile(this.file, logSeq);
    // Sealed segments the saved history already holds are not read again.
    const files = saved ? [...listSegments(this.dir).filter((s) => s.lastSeq > saved.upToSeq).map((s) => s.file), path.join(this.dir, LOG_FILE)] : reviewLogFiles(this.dir);
    const read = await readAnswerHistory(files, logSeq, saved ?? undefined);
    for (const { entry, before } of this.backlog) {
      read.history.add(entry, before);
      read.states.set(entry.cardId, { state: entry.card.state, scheduledDays: entry.card.scheduledDays });
    }
    this.backlog = [];
    this.states = read.states;
    this.savedSeq = saved?.upToSeq ?? -1;
    this.history = read.history;
    return read.history;
  }
}
