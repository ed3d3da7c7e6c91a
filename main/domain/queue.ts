// The day's queue, in Anki's order: learning cards due now, then reviews due today, then new
// cards, each within the day's limits. Built from plain card lists so it can be tested without
// storage.
import { isLearning, isNew, MemoryState, type Card } from './card.ts';
import { dayStart, nextDayStart } from './day.ts';

/** Where a card is in its life, as a learner thinks of it. */
export type CardStatus = 'new' | 'learning' | 'due' | 'learned';

export interface DeckCounts {
  /** New cards still allowed today (after the daily limit). */
  new: number;
  /** Learning and relearning cards due now. */
  learning: number;
  /** Review cards due today. */
  due: number;
}

export interface QueueLimits {
  newPerDay: number;
  reviewsPerDay: number;
  rolloverHour: number;
}

export const DEFAULT_LIMITS: QueueLimits = { newPerDay: 20, reviewsPerDay: 200, rolloverHour: 4 };

/** When nothing else is left, a learning card due this soon is shown rather than making the learner wait (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface DayQueue {
  learning: Card[];
  review: Card[];
  new: Card[];
  counts: DeckCounts;
}

/** What was studied today in a set of cards: the day's limits count against it. */
export interface StudiedToday {
  newCards: number;
  reviews: number;
}

/** Whether a card is out of today's study: suspended, or buried until a later time. */
export const isSetAside = (card: Card, now: number): boolean => card.suspended || (card.buriedUntil !== null && card.buriedUntil > now);

export function studiedToday(cards: readonly Card[], now: number, rolloverHour: number): StudiedToday {
  const today = dayStart(now, rolloverHour);
  let newCards = 0;
  let reviews = 0;
  for (const card of cards) {
    if (card.introducedAt !== null && card.introducedAt >= today) newCards++;
    else if (card.memory.lastReview !== null && card.memory.lastReview >= today) reviews++;
  }
  return { newCards, reviews };
}

/**
 * `cards` are one deck's cards in their deck order (the order new cards are introduced).
 * `extraNew` raises today's new-card limit ("Study more"); `capNew`/`capReviews` lower it to what
 * a limit above the deck (the whole collection's) still allows.
 */
export function buildDayQueue(
  cards: readonly Card[],
  now: number,
  limits: QueueLimits = DEFAULT_LIMITS,
  options: { extraNew?: number; capNew?: number; capReviews?: number } = {},
): DayQueue {
  const today = dayStart(now, limits.rolloverHour);
  const tomorrow = nextDayStart(now, limits.rolloverHour);
  // Siblings (the other side of a reversed note, the other deletions of a cloze) wait for tomorrow
  // once one of them has been answered today, so one card does not give away the next.
  const notesSeenToday = new Set<string>();
  for (const card of cards) if (card.memory.lastReview !== null && card.memory.lastReview >= today) notesSeenToday.add(card.noteId);
  const learning: Card[] = [];
  const review: Card[] = [];
  const fresh: Card[] = [];
  for (const card of cards) {
    if (isSetAside(card, now)) continue;
    if (isLearning(card)) {
      if (card.memory.due <= now) learning.push(card);
    } else if (notesSeenToday.has(card.noteId) && (card.memory.lastReview === null || card.memory.lastReview < today)) {
      continue;
    } else if (isNew(card)) fresh.push(card);
    else if (card.memory.due < tomorrow) review.push(card);
  }
  const done = studiedToday(cards, now, limits.rolloverHour);
  const byDue = (a: Card, b: Card) => a.memory.due - b.memory.due;
  learning.sort(byDue);
  review.sort(byDue);
  const newLeft = Math.min(Math.max(0, limits.newPerDay + (options.extraNew ?? 0) - done.newCards), options.capNew ?? Infinity);
  const reviewsLeft = Math.min(Math.max(0, limits.reviewsPerDay - done.reviews), options.capReviews ?? Infinity);
  const newCards = onePerNote(fresh).slice(0, newLeft);
  const reviews = onePerNote(review).slice(0, reviewsLeft);
  return {
    learning,
    review: reviews,
    new: newCards,
    counts: { learning: learning.length, due: reviews.length, new: newCards.length },
  };
}

/** Only the first card of each note: its siblings come on later days. */
function onePerNote(cards: Card[]): Card[] {
  const seen = new Set<string>();
  return cards.filter((c) => !seen.has(c.noteId) && seen.add(c.noteId));
}

/** The next card to show, or null when the day's work in this deck is done. */
export function nextInQueue(queue: DayQueue, cards: readonly Card[], now: number): Card | null {
  const first = queue.learning[0] ?? queue.review[0] ?? queue.new[0];
  if (first) return first;
  let soonest: Card | null = null;
  for (const card of cards) {
    if (isLearning(card) && !isSetAside(card, now) && card.memory.due <= now + LEARN_AHEAD_MS && (!soonest || card.memory.due < soonest.memory.due)) soonest = card;
  }
  return soonest;
}

/** How a learner would describe the card today. */
export function cardStatus(card: Card, now: number, rolloverHour = DEFAULT_LIMITS.rolloverHour): CardStatus {
  if (isNew(card)) return 'new';
  if (isLearning(card)) return card.memory.due <= now ? 'due' : 'learning';
  if (card.memory.state === MemoryState.Review && card.memory.due < nextDayStart(now, rolloverHour)) return 'due';
  return 'learned';
}
