// The collection as it is written to disk. Cards and notes are stored as rows (arrays) rather than
// objects: at 100,000 cards the repeated keys would double the file and the time to parse it.
// Conversion to and from the domain's shapes lives here and nowhere else.
import { MemoryState, type Card, type Note, type NoteKind, type NoteType } from '../domain/card.ts';
import { cardIdFor } from '../domain/notes.ts';

export const SCHEMA_VERSION = 2;

/** [noteId, template, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, introducedAt, updatedAt] */
export type CardRow = [string, string, number, number, number, number, number, number, number, number, number | null, number | null, number];

/** [id, kind, type, front, back, text, extra, tags, quote, position] */
export type NoteRow = [string, NoteKind, NoteType, string, string, string, string | null, string[], string | null, number];

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
  schemaVersion: typeof SCHEMA_VERSION;
  deviceId: string;
  /** The last review-log sequence number this snapshot includes. */
  logSeq: number;
  decks: StoredDeck[];
  notes: NoteRow[];
  cards: CardRow[];
}

/** A card as one review-log line carries it: named fields, so the log reads on its own. */
export interface LoggedCard {
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
  state: number;
  lastReview: number | null;
  introducedAt: number | null;
  updatedAt: number;
}

/** One line of the review log: an answer and the card's state after it. */
export interface StoredReview {
  /** `<deviceId>-<seq>`: unique across devices, so two logs merge by union. */
  id: string;
  seq: number;
  cardId: string;
  rating: number;
  reviewedAt: number;
  durationMs: number;
  card: LoggedCard;
}

export function toCardRow(c: Card): CardRow {
  const m = c.memory;
  return [c.noteId, c.template, m.due, m.stability, m.difficulty, m.scheduledDays, m.learningSteps, m.reps, m.lapses, m.state, m.lastReview, c.introducedAt, c.updatedAt];
}

export function fromCardRow(r: CardRow): Card {
  const [noteId, template, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, introducedAt, updatedAt] = r;
  return {
    id: cardIdFor(noteId, template),
    noteId,
    deckId: noteId.slice(0, noteId.indexOf('/')),
    template,
    memory: { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state: validState(state), lastReview },
    introducedAt,
    updatedAt,
  };
}

export function toNoteRow(n: Note): NoteRow {
  return [n.id, n.kind, n.type, n.front, n.back, n.text, n.extra, n.tags, n.quote, n.position];
}

export function fromNoteRow(r: NoteRow): Note {
  const [id, kind, type, front, back, text, extra, tags, quote, position] = r;
  return { id, deckId: id.slice(0, id.indexOf('/')), kind, type, front, back, text, extra, tags, quote, position };
}

export function toLoggedCard(c: Card): LoggedCard {
  const m = c.memory;
  return {
    id: c.id,
    noteId: c.noteId,
    deckId: c.deckId,
    template: c.template,
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
  };
}

export function fromLoggedCard(s: LoggedCard): Card {
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
      state: validState(s.state),
      lastReview: s.lastReview,
    },
    introducedAt: s.introducedAt,
    updatedAt: s.updatedAt,
  };
}

const validState = (s: number): MemoryState => ([0, 1, 2, 3].includes(s) ? s : MemoryState.New) as MemoryState;
