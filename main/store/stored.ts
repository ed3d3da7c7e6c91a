// The collection as it is written to disk: flat records of strings and numbers. Conversion to
// and from the domain's shapes lives here and nowhere else.
import type { Card, Note } from '../domain/card.ts';
import { MemoryState } from '../domain/card.ts';

export const SCHEMA_VERSION = 1;

export interface StoredCard {
  id: string;
  noteId: string;
  deckId: string;
  template: string;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: number | null;
  introducedAt: number | null;
  updatedAt: number;
}

export type StoredNote = Note;

export interface StoredDeck {
  id: string;
  title: string;
  description: string;
  version: number;
  source: { author: string; publisher: string; subject: string } | null;
  /** The text the deck was made from, kept so the Article view works for any deck. */
  article: string | null;
}

export interface StoredCollection {
  schemaVersion: number;
  deviceId: string;
  /** The last review-log sequence number this snapshot includes. */
  logSeq: number;
  decks: StoredDeck[];
  notes: StoredNote[];
  cards: StoredCard[];
}

/** One line of reviews.jsonl: an answer and the card's state after it. */
export interface StoredReview {
  /** `<deviceId>-<seq>`: unique across devices, so two logs merge by union. */
  id: string;
  seq: number;
  cardId: string;
  rating: number;
  reviewedAt: number;
  durationMs: number;
  card: StoredCard;
}

export function toStoredCard(card: Card): StoredCard {
  const m = card.memory;
  return {
    id: card.id,
    noteId: card.noteId,
    deckId: card.deckId,
    template: card.template,
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    lastReview: m.lastReview,
    introducedAt: card.introducedAt,
    updatedAt: card.updatedAt,
  };
}

export function fromStoredCard(s: StoredCard): Card {
  return {
    id: s.id,
    noteId: s.noteId,
    deckId: s.deckId,
    template: s.template,
    memory: {
      due: s.due,
      stability: s.stability,
      difficulty: s.difficulty,
      scheduledDays: s.scheduledDays,
      learningSteps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      state: ([0, 1, 2, 3].includes(s.state) ? s.state : MemoryState.New) as MemoryState,
      lastReview: s.lastReview,
    },
    introducedAt: s.introducedAt,
    updatedAt: s.updatedAt,
  };
}
