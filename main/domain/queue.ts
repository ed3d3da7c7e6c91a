// The day's queue, in Anki's order: learning cards due now, then reviews due today, then new
// cards, each within the day's limits. Built from plain card lists so it can be tested without
// storage.
import { isLearning, isNew, MemoryState, type Card } from './card.ts';
import { isWithinDay, LONGEST_DAY_MS, nextDayStart, studyDayOf, type StudyDay } from './day.ts';

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

/**
 * Whether a card is buried at `now`. A bury lasts until the next study day, so a card buried for
 * longer than a day was buried before the clock was set back: it is not held back until the clock
 * catches up.
 */
export const isBuried = (card: Card, now: number): boolean => card.buriedUntil !== null && card.buriedUntil > now && card.buriedUntil - now <= LONGEST_DAY_MS;

/** Whether a card is out of today's study: suspended, or buried. */
export const isSetAside = (card: Card, now: number): boolean => card.suspended || isBuried(card, now);

/** Whether the card was answered within `day` (its latest answer). */
export const reviewedWithin = (card: Card, day: StudyDay): boolean => isWithinDay(day, card.memory.lastReview);

export function studiedToday(cards: readonly Card[], day: StudyDay): StudiedToday {
  let newCards = 0;
  let reviews = 0;
  for (const card of cards) {
    if (isWithinDay(day, card.introducedAt)) newCards++;
    else if (reviewedWithin(card, day)) reviews++;
  }
  return { newCards, reviews };
}

/**
 * `cards` are one deck's cards in their deck order (the order new cards are introduced).
 * `extraNew` raises today's new-card limit ("Study more"); `capNew`/`capReviews` lower it to what
 * a limit above the deck (the whole collection's) still allows. `day` is the study day `now` is in,
 * when the caller knows better than the local clock (a time-zone change).
 */
export function buildDayQueue(
  cards: readonly Card[],
  now: number,
  limits: QueueLimits = DEFAULT_LIMITS,
  options: { extraNew?: number; capNew?: number; capReviews?: number; day?: StudyDay } = {},
): DayQueue {
  const day = options.day ?? studyDayOf(now, limits.rolloverHour);
  const tomorrow = day.end;
  // Siblings (the other side of a reversed note, the other deletions of a cloze) wait for tomorrow
  // once one of them has been answered today, so one card does not give away the next.
  const notesSeenToday = new Set<string>();
  for (const card of cards) if (reviewedWithin(card, day)) notesSeenToday.add(card.noteId);
  const learning: Card[] = [];
  const review: Card[] = [];
  const fresh: Card[] = [];
  for (const card of cards) {
    if (isSetAside(card, now)) continue;
    if (isLearning(card)) {
      if (card.memory.due <= now) learning.push(card);
    } else if (notesSeenToday.has(card.noteId) && !reviewedWithin(card, day)) {
      continue;
    } else if (isNew(card)) fresh.push(card);
    else if (card.memory.due < tomorrow) review.push(card);
  }
  const done = studiedToday(cards, day);
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
