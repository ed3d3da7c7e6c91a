// The one seam every measured store implements: set up from the dataset (not timed), open, hand out
// the next card of a deck, answer it durably, close. The worker times the same calls for each.
import type { Rating } from '../../../main/contract.ts';
import type { Clock } from '../../../main/clock.ts';

export interface ShownCard {
  id: string;
  deckId: string;
  /** The store's clock when the card was handed out, echoed back with the answer as the UI does. */
  shownAt: number;
}

export interface BenchStore {
  /** Creates the store's files in `workDir` from the generated dataset. */
  setup(datasetDir: string, workDir: string): void | Promise<void>;
  open(workDir: string, clock: Clock): Promise<void>;
  /** The next card of the deck in the queue's order, or null when the deck is done for now. */
  next(deckId: string): ShownCard | null;
  answer(card: ShownCard, rating: Rating, durationMs: number): void | Promise<void>;
  close(): void;
}

export const STORE_NAMES = ['deckhand', 'lowdb-naive', 'sqlite'] as const;
export type StoreName = (typeof STORE_NAMES)[number];
