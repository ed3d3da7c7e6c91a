// The domain's view of notes and cards. A note is what a deck file holds; a card is one thing to
// recall, with its own memory state. A reversed note makes two cards, a cloze note one per deletion.

import type { AnkiFields } from './anki-template.ts';

export type NoteType = 'basic' | 'reversed' | 'cloze';
export type NoteKind = 'fact' | 'argument';

export interface Note {
  /** `<deckId>/<noteId>`: unique in the collection. */
  id: string;
  deckId: string;
  kind: NoteKind;
  type: NoteType;
  front: string;
  back: string;
  /** Cloze text with `{{c1::…}}` deletions; empty for basic and reversed notes. */
  text: string;
  extra: string | null;
  tags: string[];
  quote: string | null;
  /** Order within its deck: new cards are introduced in this order. */
  position: number;
  /** Imported Anki fields are HTML, shown through DOMPurify; absent for Markdown, which everything else is. */
  format?: 'html';
  /**
   * Where an imported note came from, so importing the same source again updates it in place:
   * `anki:<guid>`, `csv:<key>`, `md:<path>#<question>`, `deck:<id>`. Absent for notes made here.
   */
  origin?: string;
  /** An imported Anki note: its note type (in its deck's record) and fields, shown through the note type's templates. */
  anki?: AnkiFields;
}

/** FSRS memory state, in plain numbers (epoch ms for times) so it serialises as it is. */
export interface Memory {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: MemoryState;
  lastReview: number | null;
}

export const MemoryState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type MemoryState = (typeof MemoryState)[keyof typeof MemoryState];

/** A state read from a file: anything but the four known states reads as New. */
export const memoryStateOf = (s: number): MemoryState => ([0, 1, 2, 3].includes(s) ? s : MemoryState.New) as MemoryState;

export interface Card {
  /** `<noteId>` for the front side, `<noteId>:reverse`, or `<noteId>:c<N>` for a cloze deletion. */
  id: string;
  noteId: string;
  deckId: string;
  /** 'front', 'reverse', or the cloze ordinal as 'c1', 'c2', … */
  template: string;
  /** Its note's place in the deck: new cards are introduced in this order. */
  position: number;
  /** When the card came into the collection (epoch ms). */
  addedAt: number;
  memory: Memory;
  /** When the card was first answered; counts against the new-card limit of that day. */
  introducedAt: number | null;
  /** Last change to the card's state; an answer shown before this is stale. */
  updatedAt: number;
  /** Suspended cards are never shown until unsuspended. */
  suspended: boolean;
  /** A buried card comes back at this time (the next study day's start); null when not buried. */
  buriedUntil: number | null;
}

/**
 * The version a card takes when it changes at `now`: the time, but always past the version it had,
 * so that with the clock set back two states of a card never share one (an answer or an undo tells
 * a card that changed since it was shown by its version).
 */
export const nextVersion = (card: Card, now: number): number => Math.max(now, card.updatedAt + 1);

export const isNew = (card: Card): boolean => card.memory.state === MemoryState.New;
export const isLearning = (card: Card): boolean =>
  card.memory.state === MemoryState.Learning || card.memory.state === MemoryState.Relearning;
