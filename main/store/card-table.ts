// The collection's cards in memory. Cards arrive as the snapshot's columns and stay there until
// their deck is first used: turning 100,000 rows into objects costs a few hundred milliseconds, and
// opening the app to study one deck needs only that deck's cards.
import type { Card } from '../domain/card.ts';
import { cardIdFor } from '../domain/notes.ts';
import { cardAt, deckOf, emptyColumns, pushCard, CARD_COLUMNS, type CardColumns } from './stored.ts';

export class CardTable {
  /** Decks whose cards are still only rows of `columns`, with the indexes of those rows. */
  private readonly coldRows = new Map<string, number[]>();
  private readonly cards = new Map<string, Card>();

  constructor(private readonly columns: CardColumns) {
    let deck = '';
    let rows: number[] = [];
    for (let i = 0; i < columns.note.length; i++) {
      const noteId = columns.note[i]!;
      // Cards of one deck are mostly stored together, so the deck's prefix is rarely sliced anew.
      if (!(noteId.length > deck.length && noteId.startsWith(deck) && noteId[deck.length] === '/')) {
        deck = deckOf(noteId);
        rows = this.coldRows.get(deck) ?? [];
        this.coldRows.set(deck, rows);
      }
      rows.push(i);
    }
  }

  get size(): number {
    let n = this.cards.size;
    for (const rows of this.coldRows.values()) n += rows.length;
    return n;
  }

  get(id: string): Card | undefined {
    this.warm(deckOf(id));
    return this.cards.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, card: Card): void {
    this.warm(card.deckId);
    this.cards.set(id, card);
  }

  /** Removes one card; its deck is warmed first so the card's cold row cannot come back. */
  delete(id: string): boolean {
    this.warm(deckOf(id));
    return this.cards.delete(id);
  }

  clear(): void {
    this.coldRows.clear();
    this.cards.clear();
  }

  /** One deck's cards, as objects. */
  ofDeck(deckId: string): Card[] {
    this.warm(deckId);
    const out: Card[] = [];
    for (const card of this.cards.values()) if (card.deckId === deckId) out.push(card);
    return out;
  }

  keys(): IterableIterator<string> {
    this.warmAll();
    return this.cards.keys();
  }

  values(): IterableIterator<Card> {
    this.warmAll();
    return this.cards.values();
  }

  static fromCards(cards: Iterable<Card>): CardTable {
    const table = new CardTable(emptyColumns());
    for (const card of cards) table.cards.set(card.id, card);
    return table;
  }

  /** Appends all cards to `into` without turning cold rows into objects; pauses (yields) every few thousand. */
  *fillColumns(into: CardColumns): Generator<void> {
    let n = 0;
    for (const rows of this.coldRows.values()) {
      for (const i of rows) {
        for (const name of CARD_COLUMNS) (into[name] as unknown[]).push(this.columns[name][i]);
        if (++n % 5000 === 0) yield;
      }
    }
    for (const card of this.cards.values()) {
      pushCard(into, card);
      if (++n % 5000 === 0) yield;
    }
  }

  /** A frozen view for a snapshot write: the live objects (never mutated, only replaced) and cold rows. */
  snapshot(): CardTable {
    const copy = new CardTable(this.columns);
    copy.coldRows.clear();
    for (const [deck, rows] of this.coldRows) copy.coldRows.set(deck, rows);
    for (const [id, card] of this.cards) copy.cards.set(id, card);
    return copy;
  }

  private warm(deckId: string): void {
    const rows = this.coldRows.get(deckId);
    if (!rows) return;
    this.coldRows.delete(deckId);
    for (const i of rows) {
      const card = cardAt(this.columns, i);
      this.cards.set(cardIdFor(card.noteId, card.template), card);
    }
  }

  private warmAll(): void {
    for (const deck of [...this.coldRows.keys()]) this.warm(deck);
  }
}
