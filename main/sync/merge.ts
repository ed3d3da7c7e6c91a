// The merge: what every device's files add up to. The ledger is the union of everything read (the
// reviews and the ops, by id, so a file read twice or copied twice adds nothing); the collection
// is computed from the ledger alone, by rules that do not depend on the order things were read
// in, so every device that has read the same files computes the same collection:
//
// - a record's field takes the value of the op with the latest stamp that set it (last writer
//   wins per field, by the hybrid clock);
// - a note, preset, settings or media name is deleted when its latest deletion is stamped after
//   its latest edit (a tombstone wins over older edits; a later edit brings it back);
// - a deleted deck stays deleted (unless the device that deleted it brings it back: an undo). Its
//   notes go with it, unless the deletion did not see
//   everything: a rename it never saw (made on another device before the two met) or a note added
//   or edited there; then its notes are kept in the "Recovered" deck rather than lost;
// - reviews are replayed per card in (time, device, sequence) order, undone answers left out, so
//   each card's memory is what its whole merged history gives. A cache keeps each card's replay,
//   reused only while the card's history grows at its end; a review that arrives out of order
//   (another device answered earlier) replays the card from the start.
//
// No I/O and no clock: the caller reads the folder and applies the result.
import { cardIdFor, templatesOf } from '../domain/notes.ts';
import { MemoryState, type Memory } from '../domain/card.ts';
import type { Rating, Scheduler } from '../domain/scheduler.ts';
import { compareHlc, parseHlc, ZERO_HLC, type Hlc } from './hlc.ts';
import { ordinalOf, type Fields, type RecordKind, type SyncOp, type SyncReview } from './folder-format.ts';

/** Where notes of a deck deleted while another device still changed it are kept. */
export const RECOVERED_DECK = { key: 'sync-recovered', title: 'Recovered' } as const;

export interface LedgerReview extends SyncReview {
  device: string;
  ordinal: number;
}

export interface LedgerOp extends SyncOp {
  device: string;
  ordinal: number;
  stamp: Hlc;
}

/** Everything read so far, from every device, this one included. */
export interface Ledger {
  reviews: Map<string, LedgerReview>;
  ops: Map<string, LedgerOp>;
  /** Per device, how many of its ops have been read without a gap: what a deletion made here has seen. */
  opsPrefix: Map<string, number>;
  /** Each card's reviews, undo entries included, in the order they were read. */
  historyOf: Map<string, LedgerReview[]>;
}

export const emptyLedger = (): Ledger => ({ reviews: new Map(), ops: new Map(), opsPrefix: new Map(), historyOf: new Map() });

export interface Absorbed {
  reviews: number;
  ops: number;
  /** Cards whose history gained a review. */
  cards: Set<string>;
}

/** Adds a device's reviews and ops to the ledger (those it already has are skipped); returns what was new. */
export function absorb(ledger: Ledger, device: string, reviews: readonly SyncReview[], ops: readonly SyncOp[], opsPrefix = 0): Absorbed {
  const added: Absorbed = { reviews: 0, ops: 0, cards: new Set() };
  for (const r of reviews) {
    const ordinal = ordinalOf(r.id, device);
    if (ordinal === null || ledger.reviews.has(r.id)) continue;
    const review: LedgerReview = { ...r, device, ordinal };
    ledger.reviews.set(r.id, review);
    const history = ledger.historyOf.get(r.cardId);
    if (history) history.push(review);
    else ledger.historyOf.set(r.cardId, [review]);
    added.reviews++;
    added.cards.add(r.cardId);
  }
  for (const op of ops) {
    const ordinal = ordinalOf(op.id, device);
    const stamp = parseHlc(op.hlc);
    if (ordinal === null || stamp === null || stamp.device !== device || ledger.ops.has(op.id)) continue;
    ledger.ops.set(op.id, { ...op, device, ordinal, stamp });
    added.ops++;
  }
  ledger.opsPrefix.set(device, Math.max(ledger.opsPrefix.get(device) ?? 0, opsPrefix));
  return added;
}

/** The latest stamp in the ledger: a device's clock moves past it before it stamps a change. */
export function latestStamp(ledger: Ledger): Hlc {
  let latest = ZERO_HLC;
  for (const op of ledger.ops.values()) if (compareHlc(op.stamp, latest) > 0) latest = op.stamp;
  return latest;
}

export interface MergedNote {
  deckId: string;
  kind: 'fact' | 'argument';
  type: 'basic' | 'reversed' | 'cloze';
  front: string;
  back: string;
  text: string;
  extra: string | null;
  tags: string[];
  quote: string | null;
  position: number;
  format: 'html' | null;
  origin: string | null;
  addedAt: number | null;
}

export interface MergedCard {
  noteId: string;
  template: string;
  memory: Memory;
  suspended: boolean;
  introducedAt: number | null;
  /** Answers in its merged history (undone ones left out). */
  answers: number;
  /** Whether its history gave it any memory (an answer, an import, a move, a reset), rather than none at all. */
  remembered: boolean;
}

export interface MergedCollection {
  decks: Map<string, Fields<'deck'> & { title: string }>;
  notes: Map<string, MergedNote>;
  presets: Map<string, Fields<'preset'>>;
  settings: Fields<'settings'>;
  media: Map<string, string>;
  cards: Map<string, MergedCard>;
  /** Notes moved to the Recovered deck because their deck was deleted while another device changed it. */
  recovered: string[];
  /** Notes not shown yet: an op that made them or their deck has not arrived. */
  pending: string[];
}

interface RecordState {
  kind: RecordKind;
  key: string;
  fields: Map<string, { value: unknown; stamp: Hlc; ordinal: number }>;
  lastSet: Hlc | null;
  deletes: LedgerOp[];
  sets: LedgerOp[];
}

function recordsOf(ledger: Ledger): Map<string, RecordState> {
  const records = new Map<string, RecordState>();
  for (const op of ledger.ops.values()) {
    const id = `${op.kind}\u0000${op.key}`;
    let r = records.get(id);
    if (!r) records.set(id, (r = { kind: op.kind, key: op.key, fields: new Map(), lastSet: null, deletes: [], sets: [] }));
    if (op.delete) {
      r.deletes.push(op);
      continue;
    }
    r.sets.push(op);
    if (!r.lastSet || compareHlc(op.stamp, r.lastSet) > 0) r.lastSet = op.stamp;
    for (const [field, value] of Object.entries(op.set ?? {})) {
      const current = r.fields.get(field);
      // Equal stamps come only from one device (its device is in the stamp): its later op wins.
      const order = current ? compareHlc(op.stamp, current.stamp) || op.ordinal - current.ordinal : 1;
      if (order > 0) r.fields.set(field, { value, stamp: op.stamp, ordinal: op.ordinal });
    }
  }
  return records;
}

const latestDelete = (r: RecordState): Hlc | null => r.deletes.reduce<Hlc | null>((latest, d) => (!latest || compareHlc(d.stamp, latest) > 0 ? d.stamp : latest), null);

/** Whether an edit survives the record's deletions: it does when stamped after the latest one. */
const alive = (r: RecordState): boolean => {
  const deleted = latestDelete(r);
  return r.lastSet !== null && (deleted === null || compareHlc(r.lastSet, deleted) > 0);
};

/** Whether a deletion saw an op: its device had read that op when it deleted. */
const seenBy = (op: LedgerOp, deletion: LedgerOp): boolean => op.ordinal < (deletion.delete?.seen[op.device] ?? (deletion.device === op.device ? deletion.ordinal : 0));

/** Whether some op on the record was seen by none of its deletions. */
const unseenChange = (ops: readonly LedgerOp[], deletes: readonly LedgerOp[]): boolean => ops.some((op) => !deletes.some((d) => seenBy(op, d)));

const fieldsOf = (r: RecordState): Record<string, unknown> => Object.fromEntries([...r.fields].map(([f, v]) => [f, v.value]));

const NOTE_REQUIRED = ['deckId', 'type', 'front', 'back', 'text'] as const;

export interface MergeOptions {
  /** The scheduler a card of a deck with this preset is replayed with. */
  schedulerFor(presetId: string | null): Scheduler;
  /** The replays of the previous merge, reused while a card's history only grew at its end. */
  cache?: ReplayCache;
}

/** The collection the ledger adds up to. */
export function mergeLedger(ledger: Ledger, options: MergeOptions): MergedCollection {
  const records = recordsOf(ledger);
  const merged: MergedCollection = { decks: new Map(), notes: new Map(), presets: new Map(), settings: {}, media: new Map(), cards: new Map(), recovered: [], pending: [] };
  const deletedDecks = new Map<string, RecordState>();
  const opsOfDeck = new Map<string, LedgerOp[]>();
  for (const r of records.values()) {
    if (r.kind === 'deck') {
      // A deletion its own device later undid (a change of the deck after it, from the device that
      // deleted it, so made knowing of it) no longer counts; any other stands.
      const deletes = r.deletes.filter((d) => !r.sets.some((s) => s.device === d.device && s.ordinal > d.ordinal));
      if (deletes.length > 0) deletedDecks.set(r.key, { ...r, deletes });
      else if (r.fields.has('title')) merged.decks.set(r.key, fieldsOf(r) as Fields<'deck'> & { title: string });
      opsOfDeck.set(r.key, r.sets);
    } else if (r.kind === 'settings') {
      if (alive(r)) merged.settings = fieldsOf(r) as Fields<'settings'>;
    } else if (r.kind === 'preset') {
      if (alive(r)) merged.presets.set(r.key, fieldsOf(r) as Fields<'preset'>);
    } else if (r.kind === 'media') {
      const sha = r.fields.get('sha256')?.value;
      if (alive(r) && typeof sha === 'string') merged.media.set(r.key, sha);
    }
  }
  for (const r of [...records.values()].filter((x) => x.kind === 'note').sort((a, b) => (a.key < b.key ? -1 : 1))) placeNote(r, merged, deletedDecks, opsOfDeck);
  // The Recovered deck is made by every device that needs it, so none need publish it.
  if (!merged.decks.has(RECOVERED_DECK.key) && [...merged.notes.values()].some((n) => n.deckId === RECOVERED_DECK.key)) merged.decks.set(RECOVERED_DECK.key, { title: RECOVERED_DECK.title });
  replayCards(ledger, merged, options);
  return merged;
}

/** Puts a note in its deck, in Recovered, or nowhere (deleted, or not whole yet). */
function placeNote(r: RecordState, merged: MergedCollection, deletedDecks: Map<string, RecordState>, opsOfDeck: Map<string, LedgerOp[]>): void {
  if (!alive(r)) return;
  const fields = fieldsOf(r);
  if (NOTE_REQUIRED.some((f) => fields[f] === undefined)) {
    merged.pending.push(r.key);
    return;
  }
  const note: MergedNote = { kind: 'fact', extra: null, tags: [], quote: null, position: 0, format: null, origin: null, addedAt: null, ...(fields as Partial<MergedNote>) } as MergedNote;
  const deck = deletedDecks.get(note.deckId);
  if (deck) {
    // The deck's deletion took its notes with it, unless it missed a change to the deck or to the note.
    if (!unseenChange([...(opsOfDeck.get(note.deckId) ?? []), ...r.sets], deck.deletes)) return;
    note.deckId = RECOVERED_DECK.key;
    merged.recovered.push(r.key);
  } else if (!merged.decks.has(note.deckId) && note.deckId !== RECOVERED_DECK.key) {
    merged.pending.push(r.key);
    return;
  }
  merged.notes.set(r.key, note);
}

/** A card's replay: how long its history was, the entries replayed (in order), and what they gave. */
interface Replay {
  historyLength: number;
  ids: string[];
  presetId: string | null;
  card: Omit<MergedCard, 'noteId' | 'template'>;
}

export type ReplayCache = Map<string, Replay>;

/**
 * The memory every card's replay starts from. Not ts-fsrs's empty card: that is due at the time it
 * is made, which would differ from device to device; a card never answered keeps the due time
 * its collection gave it.
 */
const UNANSWERED: Memory = { due: 0, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: MemoryState.New, lastReview: null };

/** Replay order: time, then device, then the device's own order. */
const compareReviews = (a: LedgerReview, b: LedgerReview): number => a.reviewedAt - b.reviewedAt || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0) || a.ordinal - b.ordinal;

/** Every card of every note placed; a card whose history is as long as when it was cached is taken from the cache untouched. */
function replayCards(ledger: Ledger, merged: MergedCollection, options: MergeOptions): void {
  for (const [noteId, note] of merged.notes) {
    const presetId = merged.decks.get(note.deckId)?.presetId ?? null;
    for (const template of templatesOf(note)) {
      const cardId = cardIdFor(noteId, template);
      const history = ledger.historyOf.get(cardId) ?? [];
      const cached = options.cache?.get(cardId);
      const replay = cached && cached.presetId === presetId && cached.historyLength === history.length ? cached : replayCard(history, presetId, cached, options.schedulerFor(presetId));
      options.cache?.set(cardId, replay);
      merged.cards.set(cardId, { noteId, template, ...replay.card });
    }
  }
}

/** Replays a card's history, going on from the cached replay when that is a prefix of it (the history grew at its end). */
function replayCard(history: readonly LedgerReview[], presetId: string | null, cached: Replay | undefined, scheduler: Scheduler): Replay {
  // An undo names the answer it takes back, of the same card; both are left out.
  const undone = new Set(history.flatMap((r) => (r.kind === 'undo' && r.undoes ? [r.undoes] : [])));
  const entries = history.filter((r) => r.kind !== 'undo' && !undone.has(r.id)).sort(compareReviews);
  const ids = entries.map((r) => r.id);
  let start = 0;
  let card: Replay['card'] = { memory: UNANSWERED, suspended: false, introducedAt: null, answers: 0, remembered: false };
  if (cached && cached.presetId === presetId && cached.ids.length <= ids.length && cached.ids.every((id, i) => ids[i] === id)) {
    start = cached.ids.length;
    card = cached.card;
  }
  for (const r of entries.slice(start)) card = applyReview(card, r, scheduler);
  return { historyLength: history.length, ids, presetId, card };
}

function applyReview(card: Replay['card'], r: LedgerReview, scheduler: Scheduler): Replay['card'] {
  if (r.kind === undefined && r.rating >= 1) {
    const memory = scheduler.answer(card.memory, r.rating as Rating, r.reviewedAt);
    // The day the answering device chose (by its own load) stands; the memory is the replay's.
    const placed = r.placed && memory.scheduledDays >= 1 ? { ...memory, due: r.placed.due, scheduledDays: r.placed.scheduledDays } : memory;
    return { ...card, memory: placed, introducedAt: card.introducedAt ?? r.reviewedAt, answers: card.answers + 1, remembered: true };
  }
  if (r.kind === 'suspend' || r.kind === 'unsuspend') return { ...card, suspended: r.kind === 'suspend' };
  if (r.memory && r.kind !== undefined && r.kind !== 'undo') return { ...card, memory: r.memory, remembered: true };
  return card;
}
