// The article a deck was made from, with the sentences its cards quote.
import { AppError } from '../app-error.ts';
import type { Article, ArticleCard } from '../contract.ts';
import { segmentArticle } from '../domain/article.ts';
import { isNew } from '../domain/card.ts';
import { cardFaces } from '../domain/notes.ts';
import { cardStatus } from '../domain/queue.ts';
import { deckOrThrow, noteOfCard, type ServiceContext } from './context.ts';

export function getArticle(ctx: ServiceContext, { deckId }: { deckId: string }): Article {
  const { collection } = ctx;
  const d = deckOrThrow(ctx, deckId);
  if (!d.article || !d.source) throw new AppError('not-found', `Deck "${d.title}" was not made from an article.`);
  const now = ctx.clock();
  const quoting: { id: string; quote: string }[] = [];
  const cards: Record<string, ArticleCard> = {};
  for (const card of collection.studyOrder(deckId)) {
    const note = noteOfCard(ctx, card);
    if (!note.quote) continue;
    quoting.push({ id: card.id, quote: note.quote });
    cards[card.id] = { id: card.id, front: cardFaces(note, card).front, status: cardStatus(card, now, collection.settings.rolloverHour), due: isNew(card) ? null : card.memory.due };
  }
  return { deckId, title: d.title, source: d.source, paragraphs: segmentArticle(d.article, quoting), cards };
}
