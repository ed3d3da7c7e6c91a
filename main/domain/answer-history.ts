// Every answer in the review log, reduced to the few numbers the statistics need, in typed
// columns. A million answers as log objects would take hundreds of megabytes and seconds to read;
// as columns they take ~25 MB and one pass over them takes milliseconds, so the Statistics screen
// can be recomputed on every visit without re-reading the log.
import { MemoryState } from './card.ts';
import type { LoggedCard, ReviewEntry } from './review-entry.ts';

/** A review-log line as far as the statistics care: its place in the log, and of the card after it only what the answer's kind and deck need. */
export type LogLine = Pick<ReviewEntry, 'cardId' | 'kind' | 'undoes' | 'rating' | 'reviewedAt'> & {
  seq: number;
  card: Pick<LoggedCard, 'deckId' | 'scheduledDays' | 'state'>;
};

/** The card as it was just before an answer. */
export interface StateBefore {
  state: number;
  scheduledDays: number;
}

/** Marks an answer given to a card in Review state (Anki's revlog type 1), the only kind true retention counts. */
export const NOT_A_REVIEW = -1;

export interface HistoryColumns {
  deckIds: string[];
  seq: Float64Array<ArrayBuffer>;
  at: Float64Array<ArrayBuffer>;
  rating: Uint8Array<ArrayBuffer>;
  deck: Uint32Array<ArrayBuffer>;
  lastInterval: Float32Array<ArrayBuffer>;
  undone: Uint8Array<ArrayBuffer>;
}

export class AnswerHistory {
  /** Answers held; the columns below are longer, with room to grow. */
  length = 0;
  seq = new Float64Array(1024);
  at = new Float64Array(1024);
  rating = new Uint8Array(1024);
  /** Index into `deckIds`. */
  deck = new Uint32Array(1024);
  /** The interval in days before the answer for a review-type answer; NOT_A_REVIEW for a learning one. */
  lastInterval = new Float32Array(1024);
  /** 1 when a later `undo` took the answer back. */
  undone = new Uint8Array(1024);
  readonly deckIds: string[] = [];
  private readonly deckIndex = new Map<string, number>();

  /** A history from columns saved earlier (see store/answer-history-file.ts); the columns are used as they are. */
  static fromColumns(columns: HistoryColumns): AnswerHistory {
    const h = new AnswerHistory();
    h.length = columns.seq.length;
    h.seq = columns.seq;
    h.at = columns.at;
    h.rating = columns.rating;
    h.deck = columns.deck;
    h.lastInterval = columns.lastInterval;
    h.undone = columns.undone;
    for (const id of columns.deckIds) h.deckNumber(id);
    return h;
  }

  /** The answers held, as columns of exactly `length` (views, not copies). */
  columns(): HistoryColumns {
    const n = this.length;
    return { deckIds: [...this.deckIds], seq: this.seq.subarray(0, n), at: this.at.subarray(0, n), rating: this.rating.subarray(0, n), deck: this.deck.subarray(0, n), lastInterval: this.lastInterval.subarray(0, n), undone: this.undone.subarray(0, n) };
  }

  /** The position of a deck in `deckIds`, added when new. */
  deckNumber(deckId: string): number {
    let n = this.deckIndex.get(deckId);
    if (n === undefined) {
      n = this.deckIds.length;
      this.deckIds.push(deckId);
      this.deckIndex.set(deckId, n);
    }
    return n;
  }

  /** The deck numbers of `deckIds` as a lookup table over `deck`; null means every deck. */
  deckMask(deckIds: Iterable<string> | null): Uint8Array | null {
    if (deckIds === null) return null;
    const mask = new Uint8Array(this.deckIds.length);
    for (const id of deckIds) {
      const n = this.deckIndex.get(id);
      if (n !== undefined) mask[n] = 1;
    }
    return mask;
  }

  /**
   * Takes one log line, in log order (by `seq`). Answers are kept with the card's state before
   * them; an undo marks the answer it names; other kinds change nothing here.
   */
  add(line: LogLine, before: StateBefore | undefined): void {
    if (line.kind === 'undo') {
      if (line.undoes) this.markUndone(line.undoes);
      return;
    }
    if (line.kind !== undefined || line.rating < 1 || line.rating > 4) return;
    if (this.length === this.at.length) this.grow();
    const i = this.length++;
    this.seq[i] = line.seq;
    this.at[i] = line.reviewedAt;
    this.rating[i] = line.rating;
    this.deck[i] = this.deckNumber(line.card.deckId);
    this.lastInterval[i] = before && before.state === MemoryState.Review ? before.scheduledDays : NOT_A_REVIEW;
  }

  /**
   * Entry ids are `<device>-<seq>`, and answers arrive in seq order, so the answer an undo names is
   * found by binary search on seq rather than by a map of a million id strings.
   */
  private markUndone(entryId: string): void {
    const seq = Number(entryId.slice(entryId.lastIndexOf('-') + 1));
    if (!Number.isFinite(seq)) return;
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.seq[mid]!;
      if (s === seq) {
        this.undone[mid] = 1;
        return;
      }
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
  }

  private grow(): void {
    const size = Math.max(1024, this.at.length * 2);
    const grown = <T extends Float64Array | Float32Array | Uint8Array | Uint32Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.seq = grown(this.seq, Float64Array);
    this.at = grown(this.at, Float64Array);
    this.rating = grown(this.rating, Uint8Array);
    this.deck = grown(this.deck, Uint32Array);
    this.lastInterval = grown(this.lastInterval, Float32Array);
    this.undone = grown(this.undone, Uint8Array);
  }
}

/**
 * Builds a history from log lines in log order, tracking each card's state from line to line: the
 * state before an answer is the state the card's previous line left it in. A card's first answer
 * has no line before it and counts as a learning answer.
 */
export function historyFromLog(lines: Iterable<LogLine>, into = new AnswerHistory(), states = new Map<string, StateBefore>()): AnswerHistory {
  for (const line of lines) {
    into.add(line, states.get(line.cardId));
    states.set(line.cardId, { state: line.card.state, scheduledDays: line.card.scheduledDays });
  }
  return into;
}
