// The full JSON backup: the whole collection in one file (decks, settings, notes, cards with their
// memory, every review-log entry and the media), which Deckhand restores exactly. Notes, cards and
// log entries use the stored shapes of the collection's own files, so nothing is lost between them.
import { z } from 'zod';
import type { Card, Note } from '../domain/card.ts';
import type { Deck } from '../domain/deck.ts';
import { fromNoteRow, toNoteRow, type NoteRow } from '../domain/note-row.ts';
import { ANSWER_KINDS, fromLoggedCard, LOG_KINDS, toLoggedCard, type LoggedCard, type ReviewEntry } from '../domain/review-entry.ts';
import { settingsSchema } from '../domain/settings-schema.ts';
import type { Settings } from '../domain/settings.ts';
import { ImportError } from './bundle.ts';

export const COLLECTION_JSON_FORMAT = 'deckhand-collection';
export const COLLECTION_JSON_VERSION = 1;

/**
 * A review-log entry as the backup holds it: as the log line reads, its sequence number included,
 * so a backup's history can be read and compared like the log it came from.
 */
export type BackupEntry = ReviewEntry & { seq: number };

export interface CollectionContent {
  decks: Deck[];
  settings: Settings;
  notes: Note[];
  cards: Card[];
  /** The review log, oldest first. */
  history: BackupEntry[];
  media: { name: string; bytes: Uint8Array }[];
}

const num = z.number().finite();
const loggedCard = z.object({
  id: z.string().min(1),
  noteId: z.string().min(1),
  deckId: z.string().min(1),
  template: z.string().min(1),
  position: num.optional(),
  due: num,
  stability: num,
  difficulty: num,
  scheduledDays: num,
  learningSteps: num,
  reps: num,
  lapses: num,
  state: z.number().int().min(0).max(3),
  lastReview: num.nullable(),
  introducedAt: num.nullable(),
  updatedAt: num,
  suspended: z.boolean().optional(),
  buriedUntil: num.nullable().optional(),
  addedAt: num.optional(),
});
const ankiFields = z.object({ notetype: z.string(), fields: z.array(z.string()) });
const noteRow = z.tuple([z.string().min(1), z.enum(['fact', 'argument']), z.enum(['basic', 'reversed', 'cloze']), z.string(), z.string(), z.string(), z.string().nullable(), z.array(z.string()), z.string().nullable(), num]).rest(z.union([z.string(), z.null(), ankiFields]));
const notetype = z.object({ name: z.string(), cloze: z.boolean(), fields: z.array(z.string()), templates: z.array(z.object({ name: z.string(), question: z.string(), answer: z.string() })), css: z.string() });
const deck = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  version: num,
  source: z.object({ author: z.string(), publisher: z.string(), subject: z.string() }).nullable(),
  article: z.string().nullable(),
  presetId: z.string().optional(),
  published: z.string().optional(),
  drafts: z
    .array(z.object({ id: z.string().min(1), kind: z.enum(['fact', 'argument']), type: z.enum(['basic', 'cloze']), front: z.string(), back: z.string(), text: z.string(), quote: z.string(), score: num }))
    .optional(),
  notetypes: z.record(z.string(), notetype).optional(),
});
const entry = z.object({
  id: z.string().min(1),
  seq: num,
  cardId: z.string().min(1),
  kind: z.enum(LOG_KINDS).optional(),
  undoes: z.string().optional(),
  answerKind: z.enum(ANSWER_KINDS).optional(),
  rating: z.number().int().min(0).max(4),
  reviewedAt: num,
  durationMs: num,
  card: loggedCard,
});
const schema = z.object({
  format: z.literal(COLLECTION_JSON_FORMAT),
  version: z.literal(COLLECTION_JSON_VERSION, { error: `this backup was written by a newer Deckhand (only version ${COLLECTION_JSON_VERSION} is read)` }),
  exportedAt: num,
  settings: settingsSchema,
  decks: z.array(deck),
  notes: z.array(noteRow),
  cards: z.array(loggedCard),
  history: z.array(entry),
  media: z.array(z.object({ name: z.string().min(1), data: z.string() })),
});

export function writeCollectionJson(content: CollectionContent, now: number): string {
  return JSON.stringify({
    format: COLLECTION_JSON_FORMAT,
    version: COLLECTION_JSON_VERSION,
    exportedAt: now,
    settings: content.settings,
    decks: content.decks,
    notes: content.notes.map(toNoteRow),
    cards: content.cards.map(toLoggedCard),
    history: content.history,
    media: content.media.map((m) => ({ name: m.name, data: Buffer.from(m.bytes).toString('base64') })),
  });
}

/** Whether a file's text looks like a Deckhand backup (so it is restored, not imported as a deck). */
export function isCollectionJson(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"deckhand-collection"/.test(text);
}

export function readCollectionJson(file: string, text: string): CollectionContent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ImportError(file, `not valid JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(file, `not a Deckhand collection backup: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const b = parsed.data;
  const deckIds = new Set(b.decks.map((d) => d.id));
  const notes = b.notes.map((r) => fromNoteRow(r as unknown as NoteRow));
  const noteIds = new Set(notes.map((n) => n.id));
  for (const n of notes) if (!deckIds.has(n.deckId)) throw new ImportError(file, `note "${n.id}" belongs to no deck in the backup`);
  const cards = b.cards.map((c) => fromLoggedCard(c as LoggedCard, c.position ?? 0));
  for (const c of cards) if (!noteIds.has(c.noteId)) throw new ImportError(file, `card "${c.id}" belongs to no note in the backup`);
  return {
    decks: b.decks.map((d) => ({ ...d, ...(d.presetId === undefined ? {} : { presetId: d.presetId }) }) as Deck),
    settings: b.settings as Settings,
    notes,
    cards,
    history: b.history as BackupEntry[],
    media: b.media.map((m) => ({ name: m.name, bytes: Buffer.from(m.data, 'base64') })),
  };
}
