// The collection as it is written to disk, and the conversions to and from the domain's shapes.
//
// collection.json holds the decks, the settings and the log position. Each deck's cards live in
// cards/<deck>.json as columns, one array per field (at 100,000 cards that parses several times
// faster than an object or a row per card), and its note text in notes/<deck>.json. A deck's files
// are read the first time the deck is used and rewritten only when it changed.
import { memoryStateOf, type Card } from '../domain/card.ts';
import type { Deck } from '../domain/deck.ts';
import { cardIdFor, deckOf } from '../domain/notes.ts';
import type { NoteRow } from '../domain/note-row.ts';
import type { ReviewEntry } from '../domain/review-entry.ts';
import type { Settings } from '../domain/settings.ts';

export const SCHEMA_VERSION = 6;

export interface CardColumns {
  note: string[];
  template: string[];
  position: number[];
  due: number[];
  stability: number[];
  difficulty: number[];
  scheduledDays: number[];
  learningSteps: number[];
  reps: number[];
  lapses: number[];
  state: number[];
  lastReview: (number | null)[];
  introducedAt: (number | null)[];
  updatedAt: number[];
  /** 1 when suspended. */
  suspended: number[];
  buriedUntil: (number | null)[];
  /** Absent from card files of version 5; read as the first answer's time, or the last change's. */
  addedAt?: number[];
}

export const CARD_COLUMNS: readonly (keyof CardColumns)[] = ['note', 'template', 'position', 'due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'introducedAt', 'updatedAt', 'suspended', 'buriedUntil', 'addedAt'];

/** The deck is written as the domain has it: its fields are already plain strings and numbers. */
export type StoredDeck = Deck;

export type StoredSettings = Settings;

export interface StoredCollection {
  schemaVersion: typeof SCHEMA_VERSION;
  deviceId: string;
  /** The last review-log sequence number this snapshot includes. */
  logSeq: number;
  decks: StoredDeck[];
  settings: StoredSettings;
  /** The journalled change (an import, a restore) this snapshot completes, while its journal may still be on disk. */
  completes?: string;
  /** Cards still inside the snapshot, as versions before 5 kept them; moved to cards/ on the next write. */
  legacyCards?: CardColumns;
  /** Notes still inside the snapshot, as versions before 3 kept them; moved to notes/ on the next write. */
  legacyNotes?: NoteRow[];
}

/**
 * One line of the review log: the entry and its sequence number in this device's log, by which the
 * log is replayed in order and the snapshot says how much of it it includes.
 */
export type StoredReview = ReviewEntry & { seq: number };

export interface StoredCards {
  schemaVersion: typeof SCHEMA_VERSION;
  deckId: string;
  cards: CardColumns;
}

export interface StoredNotes {
  schemaVersion: typeof SCHEMA_VERSION;
  deckId: string;
  notes: NoteRow[];
}

export function emptyColumns(): CardColumns {
  return { note: [], template: [], position: [], due: [], stability: [], difficulty: [], scheduledDays: [], learningSteps: [], reps: [], lapses: [], state: [], lastReview: [], introducedAt: [], updatedAt: [], suspended: [], buriedUntil: [], addedAt: [] };
}

/** Appends one card to the columns. */
export function pushCard(cols: CardColumns, c: Card): void {
  const m = c.memory;
  cols.note.push(c.noteId);
  cols.template.push(c.template);
  cols.position.push(c.position);
  cols.due.push(m.due);
  cols.stability.push(m.stability);
  cols.difficulty.push(m.difficulty);
  cols.scheduledDays.push(m.scheduledDays);
  cols.learningSteps.push(m.learningSteps);
  cols.reps.push(m.reps);
  cols.lapses.push(m.lapses);
  cols.state.push(m.state);
  cols.lastReview.push(m.lastReview);
  cols.introducedAt.push(c.introducedAt);
  cols.updatedAt.push(c.updatedAt);
  cols.suspended.push(c.suspended ? 1 : 0);
  cols.buriedUntil.push(c.buriedUntil);
  (cols.addedAt ??= []).push(c.addedAt);
}

export function cardAt(cols: CardColumns, i: number): Card {
  const noteId = cols.note[i]!;
  const template = cols.template[i]!;
  return {
    id: cardIdFor(noteId, template),
    noteId,
    deckId: deckOf(noteId),
    template,
    position: cols.position[i]!,
    memory: {
      due: cols.due[i]!,
      stability: cols.stability[i]!,
      difficulty: cols.difficulty[i]!,
      scheduledDays: cols.scheduledDays[i]!,
      learningSteps: cols.learningSteps[i]!,
      reps: cols.reps[i]!,
      lapses: cols.lapses[i]!,
      state: memoryStateOf(cols.state[i]!),
      lastReview: cols.lastReview[i] ?? null,
    },
    introducedAt: cols.introducedAt[i] ?? null,
    updatedAt: cols.updatedAt[i]!,
    suspended: cols.suspended[i] === 1,
    buriedUntil: cols.buriedUntil[i] ?? null,
    addedAt: cols.addedAt?.[i] ?? cols.introducedAt[i] ?? cols.updatedAt[i]!,
  };
}
