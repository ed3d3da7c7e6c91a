// The collection as the store hands it out and takes it back: its own file so that the store's
// parts (reading, writing, replacing) share these shapes without importing the store itself.
// collection-store.ts re-exports them; that is where users import them from.
import type { Card, Note } from '../domain/card.ts';
import type { Settings } from '../domain/settings.ts';
import type { CardTable } from './card-table.ts';
import type { Deck } from '../domain/deck.ts';
import type { NewReview } from '../domain/review-entry.ts';

export type { NewReview };
export type DeckRecord = Deck;

/** What the store's readers see of the collection: its parts change only through the store's named changes. */
export interface CollectionView {
  readonly decks: ReadonlyMap<string, DeckRecord>;
  readonly cards: Pick<CardTable, 'size' | 'get' | 'has' | 'ofDeck' | 'keys' | 'values'>;
  readonly settings: Readonly<Settings>;
}

/** The same, as the store's own parts hold and change it. */
export interface CollectionData {
  decks: Map<string, DeckRecord>;
  cards: CardTable;
  /** Change it in place, then call `changed()`. */
  settings: Settings;
}

export interface Replacement {
  decks: DeckRecord[];
  settings: Settings;
  notes: Note[];
  cards: Card[];
  /** The history, oldest first; each entry's card is the card after it. `id` is the entry's id where it came from, so undo entries keep naming the entry they take back. */
  history: (NewReview & { id?: string })[];
}
