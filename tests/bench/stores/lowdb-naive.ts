// The obvious lowdb design, as a baseline: one JSON file with every card and every review, the
// whole of it rewritten on each answer. lowdb's JSONFile pretty-prints and does not fsync, so
// these times are a lower bound for a durable version of the same design.
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Clock } from '../../../main/clock.ts';
import type { Card, Memory } from '../../../main/domain/card.ts';
import { isNew } from '../../../main/domain/card.ts';
import { buildDayQueue, DEFAULT_LIMITS, nextInQueue } from '../../../main/domain/queue.ts';
import { createScheduler } from '../../../main/domain/scheduler.ts';
import type { DeckRecord } from '../../../main/store/collection-store.ts';
import { readCards, readJsonLines, readMeta, reviewsFile, type DatasetReview } from '../dataset.ts';
import type { BenchStore } from './bench-store.ts';

const FILE = 'db.json';

/** A card with its note's text, as a first version would keep it. */
interface NaiveCard extends Card {
  front: string;
  back: string;
}

interface NaiveReview {
  id: string;
  cardId: string;
  rating: number;
  reviewedAt: number;
  durationMs: number;
  /** The card's memory after the answer, as the other stores keep it too. */
  memory: Memory;
}

interface NaiveData {
  decks: DeckRecord[];
  cards: Record<string, NaiveCard>;
  reviews: NaiveReview[];
}

const empty = (): NaiveData => ({ decks: [], cards: {}, reviews: [] });

export function createLowdbNaiveStore(): BenchStore {
  const scheduler = createScheduler({ fuzz: false });
  let db: Low<NaiveData> | null = null;
  let clock: Clock = Date.now;
  let reviewSeq = 0;
  // Built on first use by one scan of all cards; the naive design has no per-deck index on disk.
  const deckCards = new Map<string, NaiveCard[]>();

  const data = () => {
    if (!db) throw new Error('The lowdb-naive store is not open.');
    return db.data;
  };

  return {
    async setup(datasetDir, workDir) {
      const meta = readMeta(datasetDir)!;
      const cards: Record<string, NaiveCard> = {};
      for (const { note, card } of readCards(datasetDir)) cards[card.id] = { ...card, front: note.front, back: note.back };
      const reviews: NaiveReview[] = [];
      for (const r of readJsonLines<DatasetReview>(reviewsFile(datasetDir))) reviews.push(r);
      await new JSONFile<NaiveData>(path.join(workDir, FILE)).write({ decks: meta.decks, cards, reviews });
    },

    async open(workDir, storeClock) {
      clock = storeClock;
      db = new Low<NaiveData>(new JSONFile(path.join(workDir, FILE)), empty());
      await db.read();
    },

    next(deckId) {
      if (deckCards.size === 0) {
        for (const card of Object.values(data().cards)) {
          let list = deckCards.get(card.deckId);
          if (!list) deckCards.set(card.deckId, (list = []));
          list.push(card);
        }
        for (const list of deckCards.values()) list.sort((a, b) => a.position - b.position);
      }
      const cards = deckCards.get(deckId) ?? [];
      const now = clock();
      const card = nextInQueue(buildDayQueue(cards, now, DEFAULT_LIMITS), cards, now);
      return card && { id: card.id, deckId, shownAt: now };
    },

    async answer(shown, rating, durationMs) {
      const d = data();
      const card = d.cards[shown.id];
      if (!card) throw new Error(`There is no card "${shown.id}".`);
      const now = clock();
      if (card.updatedAt > shown.shownAt) throw new Error(`Card "${shown.id}" was answered after it was shown.`);
      const memory = scheduler.answer(card.memory, rating, now);
      // In place, so the per-deck lists see the change too.
      card.introducedAt ??= isNew(card) ? now : null;
      card.memory = memory;
      card.updatedAt = now;
      d.reviews.push({ id: `session-${++reviewSeq}`, cardId: card.id, rating, reviewedAt: now, durationMs, memory });
      await db!.write();
    },

    close() {
      db = null;
      deckCards.clear();
    },
  };
}
