// The collection's notes in memory, one map a deck, like CardTable for the cards: a deck's notes
// are read from its file the first time they are asked for, and the next snapshot rewrites the
// files of the decks whose notes changed, no others.
import type { Note } from '../domain/card.ts';

export class NoteTable {
  private readonly decks = new Map<string, Map<string, Note>>();
  /** Decks changed since the last snapshot. */
  private readonly dirty = new Set<string>();

  constructor(private readonly load: (deckId: string) => Map<string, Note>) {}

  /** One deck's notes by id. */
  of(deckId: string): Map<string, Note> {
    let notes = this.decks.get(deckId);
    if (!notes) {
      notes = this.load(deckId);
      this.decks.set(deckId, notes);
    }
    return notes;
  }

  set(deckId: string, notes: Map<string, Note>): void {
    this.decks.set(deckId, notes);
    this.dirty.add(deckId);
  }

  /** Every deck's notes at once: decks not given have none. */
  replaceAll(byDeck: ReadonlyMap<string, Map<string, Note>>): void {
    this.decks.clear();
    for (const [deckId, notes] of byDeck) this.set(deckId, notes);
  }

  /** Marks every deck in memory as changed, so that the next snapshot writes all of them. */
  markLoadedChanged(): void {
    for (const deckId of this.decks.keys()) this.dirty.add(deckId);
  }

  /** Marks decks as changed again, after a snapshot that could not be written. */
  markChanged(deckIds: Iterable<string>): void {
    for (const d of deckIds) this.dirty.add(d);
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /** The decks changed since the last call, each with all its notes. */
  takeChanged(): Map<string, Note[]> {
    const changed = new Map([...this.dirty].map((d) => [d, [...this.of(d).values()]]));
    this.dirty.clear();
    return changed;
  }
}
