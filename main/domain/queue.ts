// The day's queue, in Anki's order: learning cards due now, then reviews due today, then new
// cards within the daily limit. Built from plain card lists so it can be tested without storage.
import type { CardStatus, DeckCounts } from '../contract.ts';
import { isLearning, isNew, MemoryState, type Card } from './card.ts';
import { dayStart, nextDayStart } from './day.ts';

export interface QueueLimits {
  newPerDay: number;
  rolloverHour: number;
}

export const DEFAULT_LIMITS: QueueLimits = { newPerDay: 20, rolloverHour: 4 };

/** When nothing else is left, a learning card due this soon is shown rather than making the learner wait (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface DayQueue {
  learning: Card[];
  review: Card[];
  new: Card[];
  counts: DeckCounts;
}

/**
 * `cards` are one deck's cards in their deck order (the order new cards are introduced).
 */
export function buildDayQueue(cards: readonly Card[], now: number, limits: QueueLimits = DEFAULT_LIMITS): DayQueue {
  const today = dayStart(now, limits.rolloverHour);
  const tomorrow = nextDayStart(now, limits.rolloverHour);
  const learning: Card[] = [];
  const review: Card[] = [];
  const fresh: Card[] = [];
  let introducedToday = 0;
  for (const card of cards) {
    if (card.introducedAt !== null && card.introducedAt >= today) introducedToday++;
    if (isNew(card)) fresh.push(card);
    else if (isLearning(card)) {
      if (card.memory.due <= now) learning.push(card);
    } else if (card.memory.due < tomorrow) review.push(card);
  }
  const byDue = (a: Card, b: Card) => a.memory.due - b.memory.due;
  learning.sort(byDue);
  review.sort(byDue);
  const newLeft = Math.max(0, limits.newPerDay - introducedToday);
  const newCards = fresh.slice(0, newLeft);
  return {
    learning,
    review,
    new: newCards,
    counts: { learning: learning.length, due: review.length, new: newCards.length },
  };
}

/** The next card to show, or null when the day's work in this deck is done. */
export function nextInQueue(queue: DayQueue, cards: readonly Card[], now: number): Card | null {
  const first = queue.learning[0] ?? queue.review[0] ?? queue.new[0];
  if (first) return first;
  let soonest: Card | null = null;
  for (const card of cards) {
    if (isLearning(card) && card.memory.due <= now + LEARN_AHEAD_MS && (!soonest || card.memory.due < soonest.memory.due)) soonest = card;
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
