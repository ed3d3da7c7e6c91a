// The collection's cards in memory, one map a deck. A deck's cards are read from disk (its file in
// cards/, or rows of an older snapshot) the first time that deck is used: opening the app to study
// one deck reads only that deck, and a snapshot rewrites only the decks that changed.
import type { Card } from '../domain/card.ts';
import { deckOf } from '../domain/notes.ts';
import { cardAt, emptyColumns, pushCard, type CardColumns } from './stored.ts';

/** Reads one deck's cards from disk; null when the deck has none stored. */
export type DeckLoader = (deckId: string) => CardColumns | null;

export class CardTable {
  private readonly decks = new Map<string, Map<string, Card>>();
  /** Decks with cards on disk not read yet. */
  private readonly unread = new Set<string>();
  /** Decks changed since the last snapshot. */
  private readonly dirty = new Set<string>();

  constructor(
    private readonly load: DeckLoader = () => null,
    storedDecks: Iterable<string> = [],
  ) {
    for (const d of storedDecks) this.unread.add(d);
  }

  /** A table over cards already in memory (bulk creation, older snapshots); all of them count as changed. */
  static fromCards(cards: Iterable<Card>): CardTable {
    const table = new CardTable();
    for (const card of cards) table.set(card.id, card);
    return table;
  }

  /** A table over an older snapshot's single set of columns; every deck in it counts as changed. */
  static fromColumns(columns: CardColumns): CardTable {
    const table = new CardTable();
    for (let i = 0; i < columns.note.length; i++) {
      const card = cardAt(columns, i);
      table.set(card.id, card);
    }
    return table;
  }

  get size(): number {
    let n = 0;
    for (const deck of this.deckIds()) n += this.deck(deck).size;
    return n;
  }

  get(id: string): Card | undefined {
    return this.deck(deckOf(id)).get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, card: Card): void {
    this.deck(card.deckId).set(id, card);
    this.dirty.add(card.deckId);
  }

  delete(id: string): boolean {
    const deckId = deckOf(id);
    this.dirty.add(deckId);
    return this.deck(deckId).delete(id);
  }

  clear(): void {
    for (const d of this.deckIds()) this.dirty.add(d);
    this.decks.clear();
    this.unread.clear();
  }

  /** One deck's cards. */
  ofDeck(deckId: string): Card[] {
    return [...this.deck(deckId).values()];
  }

  *keys(): IterableIterator<string> {
    for (const d of this.deckIds()) yield* this.deck(d).keys();
  }

  *values(): IterableIterator<Card> {
    for (const d of this.deckIds()) yield* this.deck(d).values();
  }

  /** The decks changed since the last call, each with its cards as columns (empty when it has none left). */
  takeChanged(): Map<string, CardColumns> {
    const changed = new Map<string, CardColumns>();
    for (const deckId of this.dirty) {
      const columns = emptyColumns();
      for (const card of this.deck(deckId).values()) pushCard(columns, card);
      changed.set(deckId, columns);
    }
    this.dirty.clear();
    return changed;
  }

  /** Marks decks as changed again, after a snapshot that could not be written. */
  markChanged(deckIds: Iterable<string>): void {
    for (const d of deckIds) this.dirty.add(d);
  }

  private deckIds(): Set<string> {
    return new Set([...this.decks.keys(), ...this.unread]);
  }

  private deck(deckId: string): Map<string, Card> {
    let cards = this.decks.get(deckId);
    if (cards) return cards;
    cards = new Map();
    this.decks.set(deckId, cards);
    if (this.unread.delete(deckId)) {
      const columns = this.load(deckId);
      if (columns) {
        for (let i = 0; i < columns.note.length; i++) {
          const card = cardAt(columns, i);
          cards.set(card.id, card);
        }
      }
    }
    return cards;
  }
}
