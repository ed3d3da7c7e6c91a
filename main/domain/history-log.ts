// History staged to be appended to the review log, held compactly. An import of a heavy Anki
// user's collection brings a million reviews; as objects (each with the card after it) they took
// gigabytes, and as one string they passed V8's limit. Here each entry is a row of numbers in typed
// columns, the card it belongs to kept once, and the entries come back as objects a batch at a time.
import { ANSWER_KINDS, LOG_KINDS, type AnswerKind, type LogKind, type NewReview } from './review-entry.ts';
import { memoryStateOf, type Card, type Memory } from './card.ts';

/** What the store appends as one step: entries in order, handed out in batches. */
export interface StagedLog {
  readonly length: number;
  /** The card of the last entry, or null when there is none. */
  readonly lastCardId: string | null;
  /** The entries, oldest first, at most `size` at a time; may be walked more than once. */
  batches(size: number): Iterable<NewReview[]>;
}

/** A short list of entries (an answer, a bulk change, a small import) as a StagedLog. */
export function stagedLog(log: readonly NewReview[] | StagedLog): StagedLog {
  if (!Array.isArray(log)) return log as StagedLog;
  const entries = log as readonly NewReview[];
  return {
    length: entries.length,
    lastCardId: entries.at(-1)?.cardId ?? null,
    *batches(size: number) {
      for (let at = 0; at < entries.length; at += size) yield entries.slice(at, at + size);
    },
  };
}

const F64 = ['reviewedAt', 'durationMs', 'due', 'stability', 'difficulty', 'scheduledDays', 'lastReview', 'introducedAt'] as const;
const U32 = ['card', 'learningSteps', 'reps', 'lapses'] as const;
const U8 = ['rating', 'kind', 'answerKind', 'state'] as const;

/** The entry's own numbers; the card's other fields come from the card it was pushed with. */
export interface HistoryRow {
  rating: number;
  kind?: LogKind | undefined;
  answerKind?: AnswerKind | undefined;
  reviewedAt: number;
  durationMs: number;
}

export class HistoryLog implements StagedLog {
  #length = 0;
  #capacity = 0;
  #f64 = {} as Record<(typeof F64)[number], Float64Array>;
  #u32 = {} as Record<(typeof U32)[number], Uint32Array>;
  #u8 = {} as Record<(typeof U8)[number], Uint8Array>;
  /** The cards entries belong to, each kept once (as it was when its first entry was pushed). */
  #cards: Card[] = [];

  constructor() {
    this.#grow(1024);
  }

  get length(): number {
    return this.#length;
  }

  get lastCardId(): string | null {
    return this.#length ? this.#cards[this.#u32.card[this.#length - 1]!]!.id : null;
  }

  /**
   * An entry of `card` with the card after it: `card`'s memory and first answer. Entries of one
   * card are pushed together, and its fields other than these stay as its first entry had them.
   */
  push(row: HistoryRow, card: Card): void {
    if (this.#length === this.#capacity) this.#grow(this.#capacity * 2);
    const last = this.#cards.at(-1);
    if (last?.id !== card.id) this.#cards.push(card);
    const i = this.#length++;
    const m = card.memory;
    const f = this.#f64;
    f.reviewedAt[i] = row.reviewedAt;
    f.durationMs[i] = row.durationMs;
    f.due[i] = m.due;
    f.stability[i] = m.stability;
    f.difficulty[i] = m.difficulty;
    f.scheduledDays[i] = m.scheduledDays;
    f.lastReview[i] = m.lastReview ?? Number.NaN;
    f.introducedAt[i] = card.introducedAt ?? Number.NaN;
    const u = this.#u32;
    u.card[i] = this.#cards.length - 1;
    u.learningSteps[i] = m.learningSteps;
    u.reps[i] = m.reps;
    u.lapses[i] = m.lapses;
    this.#u8.rating[i] = row.rating;
    this.#u8.kind[i] = row.kind ? LOG_KINDS.indexOf(row.kind) + 1 : 0;
    this.#u8.answerKind[i] = row.answerKind ? ANSWER_KINDS.indexOf(row.answerKind) + 1 : 0;
    this.#u8.state[i] = m.state;
  }

  /** Entry `i` as the log takes it. */
  at(i: number): NewReview {
    const f = this.#f64;
    const u = this.#u32;
    const base = this.#cards[u.card[i]!]!;
    const nullable = (n: number) => (Number.isNaN(n) ? null : n);
    const memory: Memory = {
      due: f.due[i]!,
      stability: f.stability[i]!,
      difficulty: f.difficulty[i]!,
      scheduledDays: f.scheduledDays[i]!,
      learningSteps: u.learningSteps[i]!,
      reps: u.reps[i]!,
      lapses: u.lapses[i]!,
      state: memoryStateOf(this.#u8.state[i]!),
      lastReview: nullable(f.lastReview[i]!),
    };
    const kind = this.#u8.kind[i]!;
    const answerKind = this.#u8.answerKind[i]!;
    return {
      cardId: base.id,
      ...(kind ? { kind: LOG_KINDS[kind - 1]! } : {}),
      ...(answerKind ? { answerKind: ANSWER_KINDS[answerKind - 1]! } : {}),
      rating: this.#u8.rating[i]!,
      reviewedAt: f.reviewedAt[i]!,
      durationMs: f.durationMs[i]!,
      card: { ...base, memory, introducedAt: nullable(f.introducedAt[i]!) },
    };
  }

  *batches(size: number): Iterable<NewReview[]> {
    for (let at = 0; at < this.#length; at += size) {
      const batch: NewReview[] = [];
      for (let i = at; i < Math.min(this.#length, at + size); i++) batch.push(this.at(i));
      yield batch;
    }
  }

  #grow(capacity: number): void {
    const copy = <T extends Float64Array | Uint32Array | Uint8Array>(old: T | undefined, make: (n: number) => T): T => {
      const next = make(capacity);
      if (old) next.set(old.subarray(0, this.#length));
      return next;
    };
    for (const k of F64) this.#f64[k] = copy(this.#f64[k], (n) => new Float64Array(n));
    for (const k of U32) this.#u32[k] = copy(this.#u32[k], (n) => new Uint32Array(n));
    for (const k of U8) this.#u8[k] = copy(this.#u8[k], (n) => new Uint8Array(n));
    this.#capacity = capacity;
  }
}
