// The numbers of the Statistics screen and of `deckhand stats`.
import type { Stats } from '../contract.ts';
import { isNew, type Card } from '../domain/card.ts';
import { nextDayStart } from '../domain/day.ts';
import { isSetAside } from '../domain/queue.ts';
import { answerButtons, cardCounts, forecast, heatmap, memoryStats, trueRetention } from '../domain/stats.ts';
import { presetFor } from '../domain/settings.ts';
import { deckOrThrow, type ServiceContext } from './context.ts';

/** Lets whatever waits on the event loop (an answer above all) run before the next piece of work. */
const answersFirst = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface CollectionSummary {
  /** Every card with a note, suspended ones included. */
  cards: number;
  /** Answers in the review log, less those taken back by an undo; imported history included. */
  reviews: number;
  /** Learning and review cards due before the study day ends, whatever the daily limits. */
  dueToday: number;
  decks: number;
  byState: { new: number; learning: number; young: number; mature: number; suspended: number };
}

/**
 * The Statistics screen's numbers for a deck and the decks under it, or for every deck. The first
 * call waits for the review log to be read (in pieces, so answers meanwhile go through); after
 * that the history is in memory and kept current.
 */
export async function getStats(ctx: ServiceContext, { deckId }: { deckId?: string }): Promise<Stats> {
  const { collection } = ctx;
  if (deckId !== undefined) deckOrThrow(ctx, deckId);
  const history = await collection.answerHistory();
  // The deck may have gone while the log was read.
  const d = deckId === undefined ? null : deckOrThrow(ctx, deckId);
  const deckIds = d ? collection.subtree(d.id) : null;
  const now = ctx.clock();
  const { rolloverHour } = collection.settings;
  const mask = history.deckMask(deckIds);
  // Each part takes tens of milliseconds at a million answers; between them, answers go first.
  // Cards come straight from the table, deck by deck (the first time, each deck's file is read
  // then): not in study order, which would read every deck's notes only to leave out the rare
  // card whose note a newer deck version dropped.
  const cards: Card[] = [];
  for (const id of deckIds ?? collection.deckIds()) {
    for (const card of collection.storedCardsOf(id)) cards.push(card);
    await answersFirst();
  }
  const calendar = heatmap(history, mask, now, rolloverHour);
  await answersFirst();
  const retention = trueRetention(history, mask, now, rolloverHour);
  await answersFirst();
  const buttons = answerButtons(history, mask, now, rolloverHour);
  await answersFirst();
  // Each card's recall by its preset's forgetting curve: fitted parameters change it.
  const weightsOfDeck = new Map<string, readonly number[] | undefined>();
  const weightsOf = (card: Card) => {
    if (!weightsOfDeck.has(card.deckId)) weightsOfDeck.set(card.deckId, presetFor(collection.settings, collection.deck(card.deckId)?.presetId).weights);
    return weightsOfDeck.get(card.deckId);
  };
  const memory = memoryStats(cards, now, weightsOf);
  return { deckId: d?.id ?? null, title: d?.title ?? 'All decks', now, rolloverHour, heatmap: calendar, forecast: forecast(cards, now, rolloverHour), retention, cardCounts: cardCounts(cards), buttons, memory };
}

/** What `deckhand stats` prints: cards by state, answers in the log, and what is due today. */
export function collectionSummary(ctx: ServiceContext): CollectionSummary {
  const { collection } = ctx;
  const now = ctx.clock();
  const endOfDay = nextDayStart(now, collection.settings.rolloverHour);
  const cards = collection.deckIds().flatMap((id) => collection.studyOrder(id));
  const { total, ...byState } = cardCounts(cards);
  const dueToday = cards.filter((c) => !c.suspended && !isNew(c) && !isSetAside(c, now) && c.memory.due < endOfDay).length;
  const entries = collection.allEntries();
  const undone = new Set(entries.flatMap((e) => (e.kind === 'undo' && e.undoes ? [e.undoes] : [])));
  const reviews = entries.filter((e) => !e.kind && e.rating > 0 && !undone.has(e.id)).length;
  return { cards: total, reviews, dueToday, decks: collection.deckCount, byState };
}
