// Home's deck list: every deck in tree order with today's counts, rolled up to its parents.
import { AppError } from '../app-error.ts';
import type { DeckSummary } from '../contract.ts';
import { deckTree } from '../domain/deck-tree.ts';
import type { ServiceContext } from './context.ts';
import type { Queues } from './queues.ts';

/** Every deck, flat, in tree order (a parent before its children), each with its place in the tree and rolled-up counts. */
export function listDecks(ctx: ServiceContext, queues: Queues): DeckSummary[] {
  const now = ctx.clock();
  const flat = [...ctx.collection.decks()].map((d) => ({
    id: d.id,
    title: d.title,
    description: d.description,
    cardCount: ctx.collection.studyOrder(d.id).length,
    counts: queues.queueOf(d.id, now).queue.counts,
    source: d.source,
    presetId: queues.presetOf(d.id).id,
  }));
  return deckTree(flat);
}

export function deckSummary(ctx: ServiceContext, queues: Queues, deckId: string): DeckSummary {
  const found = listDecks(ctx, queues).find((x) => x.id === deckId);
  if (!found) throw new AppError('not-found', `There is no deck "${deckId}".`);
  return found;
}
