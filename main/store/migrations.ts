// Ordered migrations of the snapshot format. Each takes the previous version's JSON and returns
// the next; `migrate` runs the ones a file needs. Every migration has its own test.
import { DEFAULT_SETTINGS } from '../domain/settings.ts';
import type { NoteRow } from '../domain/note-row.ts';
import { SCHEMA_VERSION, type StoredCollection } from './stored.ts';

/** Version 2's card row: [noteId, template, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, introducedAt, updatedAt]. */
type V2CardRow = [string, string, number, number, number, number, number, number, number, number, number | null, number | null, number];

interface Migration {
  /** The version this migration produces. */
  to: number;
  up(old: Record<string, unknown>): Record<string, unknown>;
}

/** Version 1 kept cards and notes as objects with named fields. A frozen copy of that shape: a migration must not change when today's types do. */
interface V1Card {
  noteId: string;
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
interface V1Note {
  id: string;
  kind: NoteRow[1];
  type: NoteRow[2];
  front: string;
  back: string;
  text: string;
  extra: string | null;
  tags: string[];
  quote: string | null;
  position: number;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    up: (v1) => ({
      ...v1,
      schemaVersion: 2,
      notes: (v1.notes as V1Note[]).map((n): NoteRow => [n.id, n.kind, n.type, n.front, n.back, n.text, n.extra, n.tags, n.quote, n.position]),
      cards: (v1.cards as V1Card[]).map((c): V2CardRow => [c.noteId, c.template, c.due, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.state, c.lastReview, c.introducedAt, c.updatedAt]),
    }),
  },
  {
    // Cards become columns; notes move out of the snapshot into notes/<deck>.json (done by the
    // store on its next write, from `legacyNotes`); each card carries its note's position.
    to: 3,
    up: (v2) => {
      const notes = v2.notes as NoteRow[];
      const positions = new Map(notes.map((n) => [n[0], n[9]]));
      const cols = { note: [] as string[], template: [] as string[], position: [] as number[], due: [] as number[], stability: [] as number[], difficulty: [] as number[], scheduledDays: [] as number[], learningSteps: [] as number[], reps: [] as number[], lapses: [] as number[], state: [] as number[], lastReview: [] as (number | null)[], introducedAt: [] as (number | null)[], updatedAt: [] as number[] };
      for (const [noteId, template, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, introducedAt, updatedAt] of v2.cards as V2CardRow[]) {
        cols.note.push(noteId);
        cols.template.push(template);
        cols.position.push(positions.get(noteId) ?? 0);
        cols.due.push(due);
        cols.stability.push(stability);
        cols.difficulty.push(difficulty);
        cols.scheduledDays.push(scheduledDays);
        cols.learningSteps.push(learningSteps);
        cols.reps.push(reps);
        cols.lapses.push(lapses);
        cols.state.push(state);
        cols.lastReview.push(lastReview);
        cols.introducedAt.push(introducedAt);
        cols.updatedAt.push(updatedAt);
      }
      const { notes: _moved, ...rest } = v2;
      return { ...rest, schemaVersion: 3, cards: cols, legacyNotes: notes };
    },
  },
  {
    // Cards can be suspended and buried; the collection gains settings with one default preset.
    to: 4,
    up: (v3) => {
      const cards = v3.cards as Record<string, unknown[]>;
      const n = cards.note!.length;
      return { ...v3, schemaVersion: 4, settings: structuredClone(DEFAULT_SETTINGS), cards: { ...cards, suspended: new Array(n).fill(0), buriedUntil: new Array(n).fill(null) } };
    },
  },
  {
    // Cards move out of the snapshot into cards/<deck>.json (done by the store on its next write,
    // from `legacyCards`), so opening reads one deck, not all of them.
    to: 5,
    up: (v4) => {
      const { cards, ...rest } = v4;
      return { ...rest, schemaVersion: 5, legacyCards: cards };
    },
  },
  {
    // Cards record when they were added. Cards already stored take their first answer's time, or
    // else their last change's: the best the collection knows. Card files of version 5 get the
    // same on reading (see cardAt).
    to: 6,
    up: (v5) => {
      const legacy = v5.legacyCards as Record<string, unknown[]> | undefined;
      if (!legacy) return { ...v5, schemaVersion: 6 };
      const added = (legacy.note ?? []).map((_n, i) => (legacy.introducedAt?.[i] as number | null | undefined) ?? (legacy.updatedAt?.[i] as number | undefined) ?? 0);
      return { ...v5, schemaVersion: 6, legacyCards: { ...legacy, addedAt: added } };
    },
  },
];

export class NewerFormatError extends Error {}

/** Brings a parsed snapshot of any known version to the current one. */
export function migrate(raw: unknown, file: string): StoredCollection {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SyntaxError('it is not a JSON object');
  let data = raw as Record<string, unknown>;
  const version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 1;
  if (version > SCHEMA_VERSION) {
    throw new NewerFormatError(`${file} was written by a newer Deckhand (format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Deckhand to open it.`);
  }
  for (const m of MIGRATIONS) if (m.to > version) data = m.up(data);
  if (!Array.isArray(data.decks) || typeof data.logSeq !== 'number') throw new SyntaxError('it lacks its decks or log position');
  if (data.legacyCards !== undefined) checkColumns(data.legacyCards);
  if (typeof data.settings !== 'object' || data.settings === null) throw new SyntaxError('it has no settings');
  return data as unknown as StoredCollection;
}

/** Card columns as read from disk: every column present and as long as the others. */
export function checkColumns(value: unknown): void {
  const cards = value as Record<string, unknown> | undefined;
  if (!cards || typeof cards !== 'object' || !Array.isArray(cards.note)) throw new SyntaxError('it has no card columns');
  const length = cards.note.length;
  const short = Object.entries(cards).find(([, col]) => !Array.isArray(col) || col.length !== length);
  if (short) throw new SyntaxError(`its card column "${short[0]}" does not match the others`);
}
