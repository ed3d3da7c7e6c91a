// The collection as it is written to disk, and the conversions to and from the domain's shapes.
//
// collection.json holds the decks, the settings and the log position. Each deck's cards live in
// cards/<deck>.json as columns, one array per field (at 100,000 cards that parses several times
// faster than an object or a row per card), and its note text in notes/<deck>.json. A deck's files
// are read the first time the deck is used and rewritten only when it changed.
import { MemoryState, type Card, type Note, type NoteKind, type NoteType } from '../domain/card.ts';
import type { Deck } from '../domain/deck.ts';
import type { Settings } from '../domain/settings.ts';
import { cardIdFor } from '../domain/notes.ts';

export const SCHEMA_VERSION = 6;

/** [id, kind, type, front, back, text, extra, tags, quote, position, format?, origin?]: the last two only when set (format null for Markdown). */
export type NoteRow = [string, NoteKind, NoteType, string, string, string, string | null, string[], string | null, number, ('html' | null)?, string?];

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
  /** Cards still inside the snapshot, as versions before 5 kept them; moved to cards/ on the next write. */
  legacyCards?: CardColumns;
  /** Notes still inside the snapshot, as versions before 3 kept them; moved to notes/ on the next write. */
  legacyNotes?: NoteRow[];
}

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

/** A card as one review-log line carries it: named fields, so the log reads on its own. */
export interface LoggedCard {
  id: string;
  noteId: string;
  deckId: string;
  template: string;
  position?: number;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
  introducedAt: number | null;
  updatedAt: number;
  suspended?: boolean;
  buriedUntil?: number | null;
  addedAt?: number;
}

/** One line of the review log: an answer, or another change to a card, and the card's state after it. */
export interface StoredReview {
  /** `<deviceId>-<seq>`: unique across devices, so two logs merge by union. */
  id: string;
  seq: number;
  cardId: string;
  /** Absent for an answer. An undo names the entry it takes back; the other kinds change no memory. */
  kind?: LogKind;
  undoes?: string;
  /** 1–4 for an answer; 0 for every other kind. */
  rating: number;
  reviewedAt: number;
  durationMs: number;
  card: LoggedCard;
}

/**
 * `import` records a card's state as an import set it; `manual` and `rescheduled` are imported
 * history that changed a card's schedule without an answer (Anki's revlog type 4, ease 0).
 */
export type LogKind = 'undo' | 'bury' | 'suspend' | 'unsuspend' | 'reset' | 'edit' | 'import' | 'manual' | 'rescheduled';

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
      state: validState(cols.state[i]!),
      lastReview: cols.lastReview[i] ?? null,
    },
    introducedAt: cols.introducedAt[i] ?? null,
    updatedAt: cols.updatedAt[i]!,
    suspended: cols.suspended[i] === 1,
    buriedUntil: cols.buriedUntil[i] ?? null,
    addedAt: cols.addedAt?.[i] ?? cols.introducedAt[i] ?? cols.updatedAt[i]!,
  };
}

export function toNoteRow(n: Note): NoteRow {
  const row: NoteRow = [n.id, n.kind, n.type, n.front, n.back, n.text, n.extra, n.tags, n.quote, n.position];
  if (n.format === 'html' || n.origin !== undefined) row.push(n.format ?? null);
  if (n.origin !== undefined) row.push(n.origin);
  return row;
}

export function fromNoteRow(r: NoteRow): Note {
  const [id, kind, type, front, back, text, extra, tags, quote, position, format, origin] = r;
  const note: Note = { id, deckId: deckOf(id), kind, type, front, back, text, extra, tags, quote, position };
  if (format === 'html') note.format = 'html';
  if (typeof origin === 'string') note.origin = origin;
  return note;
}

export function toLoggedCard(c: Card): LoggedCard {
  const m = c.memory;
  return {
    id: c.id,
    noteId: c.noteId,
    deckId: c.deckId,
    template: c.template,
    position: c.position,
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    lastReview: m.lastReview,
    introducedAt: c.introducedAt,
    updatedAt: c.updatedAt,
    suspended: c.suspended,
    buriedUntil: c.buriedUntil,
    addedAt: c.addedAt,
  };
}

/** `position` came to log lines with format 3; an older line takes the one the collection knows. */
export function fromLoggedCard(s: LoggedCard, knownPosition = 0): Card {
  return {
    id: s.id,
    noteId: s.noteId,
    deckId: s.deckId,
    template: s.template,
    position: s.position ?? knownPosition,
    memory: {
      due: s.due,
      stability: s.stability,
      difficulty: s.difficulty,
      scheduledDays: s.scheduledDays,
      learningSteps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      state: validState(s.state),
      lastReview: s.lastReview,
    },
    introducedAt: s.introducedAt,
    updatedAt: s.updatedAt,
    suspended: s.suspended ?? false,
    buriedUntil: s.buriedUntil ?? null,
    addedAt: s.addedAt ?? s.introducedAt ?? s.updatedAt,
  };
}

/** Note ids are `<deckId>/<noteId>`. */
export const deckOf = (noteId: string): string => noteId.slice(0, noteId.indexOf('/'));

const validState = (s: number): MemoryState => ([0, 1, 2, 3].includes(s) ? s : MemoryState.New) as MemoryState;
