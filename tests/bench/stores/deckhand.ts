// Our store, driven through the service exactly as the IPC handlers drive it.
import type { Card } from '../../../main/domain/card.ts';
import { createService, type DeckhandService } from '../../../main/service.ts';
import { openCollectionStore, type NewReview } from '../../../main/store/collection-store.ts';
import { writeCollectionFiles } from '../../../main/store/seed.ts';
import { cardAfter, readCards, readJsonLines, readMeta, reviewsFile, type DatasetReview } from '../dataset.ts';
import type { BenchStore } from './bench-store.ts';

export function createDeckhandStore(): BenchStore {
  let service: DeckhandService | null = null;
  const open = () => {
    if (!service) throw new Error('The deckhand store is not open.');
    return service;
  };

  return {
    setup(datasetDir, workDir) {
      const meta = readMeta(datasetDir)!;
      const rows = readCards(datasetDir);
      const cards = new Map<string, Card>(rows.map((r) => [r.card.id, r.card]));
      // A generator, so the million reviews of the largest collection are never all in memory at once.
      function* reviews(): Generator<NewReview> {
        for (const r of readJsonLines<DatasetReview>(reviewsFile(datasetDir))) {
          yield { cardId: r.cardId, rating: r.rating, reviewedAt: r.reviewedAt, durationMs: r.durationMs, card: cardAfter(cards.get(r.cardId)!, r) };
        }
      }
      writeCollectionFiles(workDir, { decks: meta.decks, notes: rows.map((r) => r.note), cards: rows.map((r) => r.card), reviews: reviews() });
    },

    async open(workDir, clock) {
      const store = await openCollectionStore(workDir, { now: clock });
      service = createService({ store, clock, scheduler: { fuzz: false } });
    },

    next(deckId) {
      const { card } = open().nextCard({ deckId });
      return card && { id: card.id, deckId, shownAt: card.shownAt };
    },

    answer(card, rating, durationMs) {
      open().answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs });
    },

    close() {
      open().close();
      service = null;
    },
  };
}
