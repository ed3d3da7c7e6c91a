// The seam between the collection and the sync folder, without either: what this device changed
// since its last pass, as ops (a field-by-field comparison of its records then and now), its log's
// entries as the reviews it publishes, and the merged records back in the collection's shapes.
// Pure; the service will hold the records of the last pass and the clock between passes.
import type { Note } from '../domain/card.ts';
import type { Deck } from '../domain/deck.ts';
import type { ReviewEntry } from '../domain/review-entry.ts';
import type { Settings } from '../domain/settings.ts';
import { FIELD_SCHEMAS, type RecordKind, type SyncOp, type SyncReview } from './folder-format.ts';
import { formatHlc, tickHlc, type Hlc } from './hlc.ts';
import type { MergedNote } from './merge.ts';

export interface LocalCollection {
  decks: Iterable<Deck>;
  notes: Iterable<Note>;
  settings: Settings;
  /** When a note's cards came into the collection, published with the note. */
  addedAt?: (note: Note) => number | null;
}

export interface LocalRecord {
  kind: RecordKind;
  key: string;
  fields: Record<string, unknown>;
}

/** Every record by `<kind> <key>`, each field as sync carries it (absent optional fields as null). */
export type RecordSnapshot = Map<string, LocalRecord>;

export const recordId = (kind: RecordKind, key: string): string => `${kind}\u0000${key}`;

export function snapshotRecords(c: LocalCollection): RecordSnapshot {
  const out: RecordSnapshot = new Map();
  const put = (kind: RecordKind, key: string, fields: Record<string, unknown>) => out.set(recordId(kind, key), { kind, key, fields });
  // An article's text is not published: it can be megabytes, past what one op may hold; the
  // notes made from it are.
  for (const d of c.decks) put('deck', d.id, { title: d.title, description: d.description, presetId: d.presetId ?? null, published: d.published ?? null, source: d.source });
  for (const n of c.notes) {
    const fields: Record<string, unknown> = { deckId: n.deckId, kind: n.kind, type: n.type, front: n.front, back: n.back, text: n.text, extra: n.extra, tags: n.tags, quote: n.quote, position: n.position, format: n.format ?? null, origin: n.origin ?? null };
    if (c.addedAt) fields.addedAt = c.addedAt(n);
    put('note', n.id, fields);
  }
  for (const { id, ...preset } of c.settings.presets) put('preset', id, preset);
  const { presets: _presets, ...settings } = c.settings;
  put('settings', 'settings', settings);
  return out;
}

export interface LocalChange {
  kind: RecordKind;
  key: string;
  set?: Record<string, unknown>;
  delete?: true;
}

/** What changed from `base` to `current`: the fields that differ, records added whole, records gone as deletions. Sorted, so the same change gives the same ops. */
export function changesBetween(base: RecordSnapshot, current: RecordSnapshot): LocalChange[] {
  const changes: LocalChange[] = [];
  for (const [id, now] of current) {
    const before = base.get(id)?.fields;
    const set = Object.fromEntries(Object.entries(now.fields).filter(([f, v]) => before === undefined || JSON.stringify(before[f]) !== JSON.stringify(v)));
    if (Object.keys(set).length > 0) changes.push({ kind: now.kind, key: now.key, set });
  }
  // A deck's notes go with it without deletions of their own: the deck's deletion decides their
  // fate, and keeps them (in Recovered) when another device changed the deck meanwhile.
  const decksGone = new Set([...base.values()].filter((r) => r.kind === 'deck' && !current.has(recordId('deck', r.key))).map((r) => r.key));
  for (const [id, gone] of base) {
    if (current.has(id) || (gone.kind === 'note' && decksGone.has(String(gone.fields.deckId)))) continue;
    changes.push({ kind: gone.kind, key: gone.key, delete: true });
  }
  return changes.sort((a, b) => (recordId(a.kind, a.key) < recordId(b.kind, b.key) ? -1 : 1));
}

export interface StampedChanges {
  ops: SyncOp[];
  clock: Hlc;
  /** Changes other devices could not read (a field past sync's limits): kept here, not published. */
  refused: string[];
  /** Those records, as `<kind> <key>`: the merge must not undo what was kept here. */
  refusedKeys: Set<string>;
}

/**
 * The changes as this device's next ops, numbered on from `firstOrdinal` and stamped by its clock.
 * A deletion records how much of each device's ops had been merged (`seen`).
 */
export function stampChanges(changes: readonly LocalChange[], device: string, firstOrdinal: number, clock: Hlc, now: number, seen: Record<string, number>): StampedChanges {
  const out: StampedChanges = { ops: [], clock, refused: [], refusedKeys: new Set() };
  for (const change of changes) {
    if (change.set && !FIELD_SCHEMAS[change.kind].safeParse(change.set).success) {
      out.refused.push(`${change.kind} "${change.key}"`);
      out.refusedKeys.add(recordId(change.kind, change.key));
      continue;
    }
    out.clock = tickHlc(out.clock, now, device);
    const ordinal = firstOrdinal + out.ops.length;
    const base = { id: `${device}-${ordinal}`, hlc: formatHlc(out.clock), kind: change.kind, key: change.key };
    out.ops.push(change.set ? { ...base, set: change.set } : { ...base, delete: { seen: { ...seen, [device]: ordinal } } });
  }
  return out;
}

/**
 * The entries that set a card's memory without an answer: an import, a reset, imported manual
 * rescheduling, and an edit (a note moved to another deck logs its cards under their new ids with
 * the memory they keep).
 */
export const SETS_MEMORY: ReadonlySet<string> = new Set(['reset', 'import', 'manual', 'rescheduled', 'edit']);

/** A log entry as this device publishes it: only what the merge replays from, and the memory of a change that set it without an answer. */
export function syncReviewOf(entry: ReviewEntry): SyncReview {
  const review: SyncReview = { id: entry.id, cardId: entry.cardId, rating: entry.rating, reviewedAt: entry.reviewedAt, durationMs: Math.max(0, Math.round(entry.durationMs)) };
  if (entry.kind) review.kind = entry.kind;
  if (entry.undoes) review.undoes = entry.undoes;
  const c = entry.card;
  if (entry.kind === undefined && entry.rating >= 1) review.placed = { due: c.due, scheduledDays: c.scheduledDays };
  if (entry.kind !== undefined && SETS_MEMORY.has(entry.kind)) {
    review.memory = { due: c.due, stability: c.stability, difficulty: c.difficulty, scheduledDays: c.scheduledDays, learningSteps: c.learningSteps, reps: c.reps, lapses: c.lapses, state: ([0, 1, 2, 3].includes(c.state) ? c.state : 0) as 0 | 1 | 2 | 3, lastReview: c.lastReview };
  }
  return review;
}

/** A merged note in the collection's shape. */
export function noteOfMerged(key: string, m: MergedNote): Note {
  const note: Note = { id: key, deckId: m.deckId, kind: m.kind, type: m.type, front: m.front, back: m.back, text: m.text, extra: m.extra, tags: m.tags, quote: m.quote, position: m.position };
  if (m.format === 'html') note.format = 'html';
  if (m.origin !== null) note.origin = m.origin;
  return note;
}
