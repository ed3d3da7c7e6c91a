// The review history as FSRS's optimiser reads it, built the way Anki builds it (rslib's
// `reviews_for_fsrs`): per card, the answers since the card was last new, with the days between them
// counted in study days (the learner's rollover hour), and one training item for every answer given
// a day or more after the one before it. Pure: the caller hands in the log's entries.
import { MemoryState } from './card.ts';
import type { ReviewEntry } from './review-entry.ts';

export type FsrsRating = 1 | 2 | 3 | 4;

/** One answer as the optimiser sees it: the rating and the study days since the card's previous answer (0 for its first). */
export interface FsrsReview {
  rating: FsrsRating;
  deltaT: number;
}

/**
 * One card's usable history. Each index in `itemEnds` ends a training item: the reviews from the
 * first up to and including that one. Kept as one list per card rather than one list per item, so a
 * card with 300 answers costs 300 reviews, not 45,000.
 */
export interface CardHistory {
  cardId: string;
  reviews: FsrsReview[];
  /** When each review was given (epoch ms), for ordering items in time. */
  times: number[];
  itemEnds: number[];
}

export interface HistoryOptions {
  rolloverHour: number;
  /** Epoch ms; a card whose history (since it was last new) starts before this is left out, as Anki does. */
  ignoreBefore?: number | null;
  /** Only these cards (a preset's); every card when absent. */
  includeCard?: (cardId: string) => boolean;
}

export interface FsrsHistory {
  cards: CardHistory[];
  /** Answers in the usable histories. */
  reviews: number;
  /** Training items: answers a day or more after the card's previous one, with what came before. */
  items: number;
}

/** The entry fields this reads; a stored entry has more. */
export type HistoryEntry = Pick<ReviewEntry, 'id' | 'cardId' | 'kind' | 'undoes' | 'rating' | 'reviewedAt'> & { card: { state: number }; durationMs?: number };

/** One review-log line (a ReviewEntry as JSON) as far as the history reads it; null for a line that is not one. */
export function historyEntryOfLine(line: string): HistoryEntry | null {
  let e: Partial<ReviewEntry>;
  try {
    e = JSON.parse(line) as Partial<ReviewEntry>;
  } catch {
    return null;
  }
  if (typeof e.cardId !== 'string' || typeof e.id !== 'string' || typeof e.rating !== 'number' || typeof e.reviewedAt !== 'number' || !e.card || typeof e.card.state !== 'number') return null;
  const entry: HistoryEntry = { id: e.id, cardId: e.cardId, rating: e.rating, reviewedAt: e.reviewedAt, card: { state: e.card.state }, durationMs: typeof e.durationMs === 'number' ? e.durationMs : 0 };
  if (e.kind) entry.kind = e.kind;
  if (e.undoes) entry.undoes = e.undoes;
  return entry;
}

/** Adds the entries of a piece of the log (whole lines of UTF-8) to `into`. */
export function addLogLines(bytes: Uint8Array, into: HistoryEntry[], decoder = new TextDecoder()): void {
  for (const line of decoder.decode(bytes).split('\n')) {
    const entry = line.trim() ? historyEntryOfLine(line) : null;
    if (entry) into.push(entry);
  }
}

const DAY_MS = 86_400_000;

/** The study day of `t` as a day number: the local calendar date, less one before the rollover hour. */
export function studyDayNumber(t: number, rolloverHour: number): number {
  const d = new Date(t);
  const date = d.getHours() < rolloverHour ? d.getDate() - 1 : d.getDate();
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), date) / DAY_MS);
}

const isAnswer = (e: HistoryEntry): boolean => e.kind === undefined && e.rating >= 1 && e.rating <= 4;

/**
 * Per card, in time order: drops answers that were undone, then keeps the answers since the card
 * was last new (a reset, or a history that starts in review, ends what came before; a card whose
 * first kept answer was not given to a new card has an incomplete history and is left out). Entries
 * that are not answers (manual and rescheduled due dates, cram, bury, suspend, edits, imports) are
 * no reviews: they only tell the card's state.
 */
export function buildFsrsHistory(entries: Iterable<HistoryEntry>, options: HistoryOptions): FsrsHistory {
  const byCard = new Map<string, HistoryEntry[]>();
  const undone = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'undo' && e.undoes) undone.add(e.undoes);
    if (options.includeCard && !options.includeCard(e.cardId)) continue;
    let list = byCard.get(e.cardId);
    if (!list) byCard.set(e.cardId, (list = []));
    list.push(e);
  }
  const cards: CardHistory[] = [];
  let reviews = 0;
  let items = 0;
  for (const [cardId, list] of byCard) {
    const answers = answersSinceNew(list, undone);
    if (answers.length < 2) continue;
    if (options.ignoreBefore != null && answers[0]!.reviewedAt < options.ignoreBefore) continue;
    const history = toCardHistory(cardId, answers, options.rolloverHour);
    if (history.itemEnds.length === 0) continue;
    cards.push(history);
    reviews += history.reviews.length;
    items += history.itemEnds.length;
  }
  return { cards, reviews, items };
}

/** The answers of one card's last learning from new, oldest first; none when its history is incomplete. */
function answersSinceNew(list: HistoryEntry[], undone: ReadonlySet<string>): HistoryEntry[] {
  list.sort((a, b) => a.reviewedAt - b.reviewedAt);
  let stateBefore: number = MemoryState.New;
  let current: HistoryEntry[] | null = null;
  for (const e of list) {
    if (undone.has(e.id) || e.kind === 'undo') {
      // An undo entry carries the card as it was restored.
      if (e.kind === 'undo') stateBefore = e.card.state;
      continue;
    }
    if (e.kind === 'reset') current = null;
    if (isAnswer(e)) {
      if (stateBefore === MemoryState.New) current = [e];
      else if (current) current.push(e);
    }
    stateBefore = e.card.state;
  }
  return current ?? [];
}

function toCardHistory(cardId: string, answers: HistoryEntry[], rolloverHour: number): CardHistory {
  const reviews: FsrsReview[] = [];
  const times: number[] = [];
  const itemEnds: number[] = [];
  let previousDay = 0;
  answers.forEach((e, i) => {
    const day = studyDayNumber(e.reviewedAt, rolloverHour);
    const deltaT = i === 0 ? 0 : Math.max(0, day - previousDay);
    previousDay = day;
    reviews.push({ rating: e.rating as FsrsRating, deltaT });
    times.push(e.reviewedAt);
    if (i >= 1 && deltaT > 0) itemEnds.push(i);
  });
  return { cardId, reviews, times, itemEnds };
}

/** Every training item of a history, each with the time of its last review, oldest first: the order the optimiser's time-series splits and recency weights assume. */
export function itemsInTimeOrder(history: FsrsHistory): { reviews: FsrsReview[]; at: number }[] {
  const out: { reviews: FsrsReview[]; at: number }[] = [];
  for (const c of history.cards) for (const end of c.itemEnds) out.push({ reviews: c.reviews.slice(0, end + 1), at: c.times[end]! });
  return out.sort((a, b) => a.at - b.at);
}

/** A history as a few typed arrays, for a child process: a structured clone copies them whole, where a million small objects take the sender hundreds of milliseconds. */
export interface PackedHistory {
  /** Index of each card's first review, and the total at the end. */
  cardStarts: Uint32Array;
  ratings: Uint8Array;
  deltas: Uint32Array;
  times: Float64Array;
  /** Indexes (into the reviews) of the reviews that end an item. */
  itemEnds: Uint32Array;
}

export function packHistory(history: FsrsHistory): PackedHistory {
  const packed: PackedHistory = {
    cardStarts: new Uint32Array(history.cards.length + 1),
    ratings: new Uint8Array(history.reviews),
    deltas: new Uint32Array(history.reviews),
    times: new Float64Array(history.reviews),
    itemEnds: new Uint32Array(history.items),
  };
  let r = 0;
  let it = 0;
  for (const [c, card] of history.cards.entries()) {
    packed.cardStarts[c] = r;
    for (const end of card.itemEnds) packed.itemEnds[it++] = r + end;
    for (const [i, review] of card.reviews.entries()) {
      packed.ratings[r] = review.rating;
      packed.deltas[r] = review.deltaT;
      packed.times[r++] = card.times[i]!;
    }
  }
  packed.cardStarts[history.cards.length] = r;
  return packed;
}

export function unpackHistory(p: PackedHistory): FsrsHistory {
  const cards: CardHistory[] = [];
  let it = 0;
  for (let c = 0; c + 1 < p.cardStarts.length; c++) {
    const [start, end] = [p.cardStarts[c]!, p.cardStarts[c + 1]!];
    const reviews: FsrsReview[] = [];
    const times: number[] = [];
    for (let r = start; r < end; r++) {
      reviews.push({ rating: p.ratings[r] as FsrsRating, deltaT: p.deltas[r]! });
      times.push(p.times[r]!);
    }
    const itemEnds: number[] = [];
    while (it < p.itemEnds.length && p.itemEnds[it]! < end) itemEnds.push(p.itemEnds[it++]! - start);
    cards.push({ cardId: String(c), reviews, times, itemEnds });
  }
  return { cards, reviews: p.ratings.length, items: p.itemEnds.length };
}
