// What Undo can take back, as one stack (Anki keeps one too: `rslib/src/undo/`). Answers, buries
// and suspensions are taken back by `undo`, deletions by `undoDelete`; both pop the newest step of
// their kind. The Collection clears the stack whenever it is replaced wholesale (a restored backup,
// a full JSON backup, an import), which is the only rule for when undo history ends.
import type { Card, Note } from '../domain/card.ts';
import type { Deck } from '../domain/deck.ts';

/** Anki keeps this many steps of undo. */
export const UNDO_STEPS = 30;

/** A change to one card: the card before it and after it, and the log entry it made. */
export interface CardStep {
  kind: 'card';
  action: 'answer' | 'bury' | 'suspend';
  /** The log entry the change made, named by the undo's own entry. */
  entryId: string;
  before: Card;
  after: Card;
}

/** What one deletion removed, to bring it back with every card's memory. */
export interface DeletionStep {
  kind: 'delete';
  notes: Note[];
  cards: Card[];
  decks: Deck[];
}

export type UndoStep = CardStep | DeletionStep;

export class UndoStack {
  readonly #steps: UndoStep[] = [];

  push(step: UndoStep): void {
    this.#steps.push(step);
    if (this.#steps.length > UNDO_STEPS) this.#steps.shift();
  }

  /** Removes and returns the newest step of a kind, leaving the others where they are. */
  take<K extends UndoStep['kind']>(kind: K): Extract<UndoStep, { kind: K }> | undefined {
    for (let i = this.#steps.length - 1; i >= 0; i--) {
      const step = this.#steps[i]!;
      if (step.kind === kind) {
        this.#steps.splice(i, 1);
        return step as Extract<UndoStep, { kind: K }>;
      }
    }
    return undefined;
  }

  clear(): void {
    this.#steps.length = 0;
  }

  get size(): number {
    return this.#steps.length;
  }
}
