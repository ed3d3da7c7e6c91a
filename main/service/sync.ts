// One sync pass through a folder another program keeps in step (issue 18): publish what this
// device changed since its last pass, read the other devices' files, merge, and apply what the
// merge changed to the collection in one named change. The rules are main/sync/'s; this module
// only moves records between the collection's shapes and the folder's.
//
// Kept between passes, in the data folder (`Collection.syncState`): this device's sync id, its
// clock, the records as the last pass left them (what its next changes are compared with) and the
// devices seen. What this device published is its own folder in the sync folder, read back each
// pass. Kept in memory between passes of one run: the ledger and the replay cache, so a pass that
// brings a few reviews replays only their cards.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { nextVersion, type Card, type Note } from '../domain/card.ts';
import type { Deck } from '../domain/deck.ts';
import { cardIdFor } from '../domain/notes.ts';
import { createScheduler, newMemory } from '../domain/scheduler.ts';
import { presetFor, type Preset, type Settings } from '../domain/settings.ts';
import type { Collection, SyncChanges } from '../collection/collection.ts';
import { readDevice } from '../sync/folder-reader.ts';
import { parseReview, type SyncOp, type SyncReview } from '../sync/folder-format.ts';
import { formatHlc, maxHlc, parseHlc, ZERO_HLC } from '../sync/hlc.ts';
import { changesBetween, noteOfMerged, recordId, snapshotRecords, stampChanges, syncReviewOf, type LocalRecord } from '../sync/local-changes.ts';
import { emptyLedger, RECOVERED_DECK, type Ledger, type MergedCard, type MergedCollection, type ReplayCache } from '../sync/merge.ts';
import { nodeSyncFs, type SyncFs } from '../sync/sync-fs.ts';
import { runSyncPass, type DeviceSeen } from '../sync/sync-pass.ts';
import type { ServiceContext } from './context.ts';

export interface SyncReport {
  folder: string;
  device: string;
  devices: DeviceSeen[];
  newer: { device: string; name: string; format: number }[];
  published: { reviews: number; changes: number };
  merged: { reviews: number; changes: number };
  applied: { decks: number; notes: number; cards: number; removedNotes: number; removedDecks: number; settings: boolean };
  recovered: number;
  problems: string[];
}

const stateSchema = z.object({
  version: z.literal(1),
  device: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string(),
  folder: z.string(),
  clock: z.string(),
  base: z.array(z.object({ kind: z.enum(['deck', 'note', 'preset', 'settings', 'media']), key: z.string(), fields: z.record(z.string(), z.unknown()) })),
  devices: z.array(z.object({ device: z.string(), name: z.string(), reviews: z.number(), waiting: z.array(z.string()) })),
  /** How many ops of each device the collection has taken in: what a deletion made before the next pass has seen. */
  seen: z.record(z.string(), z.number()),
  /**
   * Notes kept in Recovered have an id in that deck here, but are published under the key they
   * had (so their edits and answers here reach the same record everywhere): collection id → key.
   */
  aliases: z.record(z.string(), z.string()),
  lastSyncAt: z.number().nullable(),
});
type SyncState = z.infer<typeof stateSchema>;

/** A state that cannot be read starts a new sync identity: reusing an id with other ops under it would be misread by every device. */
function loadState(collection: Collection, folder: string): SyncState {
  const text = collection.syncState();
  const parsed = text === null ? null : stateSchema.safeParse(safeJson(text));
  if (parsed?.success && parsed.data.folder === folder) return parsed.data;
  return freshState(folder);
}

function freshState(folder: string): SyncState {
  return { version: 1, device: randomBytes(8).toString('hex'), name: hostname().slice(0, 100) || 'Deckhand', folder, clock: formatHlc(ZERO_HLC), base: [], devices: [], seen: {}, aliases: {}, lastSyncAt: null };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const sessions = new WeakMap<Collection, { folder: string; device: string; ledger: Ledger; cache: ReplayCache }>();

function sessionOf(collection: Collection, state: SyncState) {
  let session = sessions.get(collection);
  if (!session || session.folder !== state.folder || session.device !== state.device) sessions.set(collection, (session = { folder: state.folder, device: state.device, ledger: emptyLedger(), cache: new Map() }));
  return session;
}

/** The collection's records as published: notes under their keys, each with when its cards were added. */
function localRecords(collection: Collection, aliases: Readonly<Record<string, string>>) {
  const notes: Note[] = [];
  const addedAtOf = new Map<string, number | null>();
  for (const deckId of collection.deckIds()) {
    for (const note of collection.notesOf(deckId).values()) {
      const key = aliases[note.id] ?? note.id;
      notes.push(key === note.id ? note : { ...note, id: key });
      addedAtOf.set(key, collection.cardsOfNote(note).reduce<number | null>((min, c) => (min === null || c.addedAt < min ? c.addedAt : min), null));
    }
  }
  return snapshotRecords({ decks: collection.decks(), notes, settings: collection.settings, addedAt: (note) => addedAtOf.get(note.id) ?? null });
}

/** This device's log as it publishes it: ids under its sync id, by the log's own sequence; cards of a recovered note under its key. */
function ownReviews(collection: Collection, device: string, aliases: Readonly<Record<string, string>>): SyncReview[] {
  const rekey = (id: string) => `${device}-${id.slice(id.lastIndexOf('-') + 1)}`;
  const published = (cardId: string) => {
    const colon = cardId.indexOf(':');
    const noteId = colon < 0 ? cardId : cardId.slice(0, colon);
    const key = aliases[noteId];
    return key === undefined ? cardId : key + cardId.slice(noteId.length);
  };
  return collection.allEntries().map((entry) => {
    const review = syncReviewOf({ ...entry, id: `${device}-${entry.seq}`, cardId: published(entry.cardId) });
    if (review.undoes) review.undoes = rekey(review.undoes);
    return review;
  });
}

export function syncOnce(ctx: ServiceContext, folder: string, fs: SyncFs = nodeSyncFs()): SyncReport {
  const { collection } = ctx;
  const now = ctx.clock();
  let state = loadState(collection, folder);
  let mine = readDevice(fs, folder, state.device);
  // This device's files are gone from the folder (deleted there, or a new folder at the same
  // path): numbering its changes from the start again would reuse ids the other devices already
  // hold for other changes, so it publishes everything under a new id.
  if (mine.kind === 'missing' && state.lastSyncAt !== null) {
    state = freshState(folder);
    mine = readDevice(fs, folder, state.device);
  }
  const session = sessionOf(collection, state);
  const published = mine.kind === 'ok' ? mine.device : { reviews: [] as SyncReview[], ops: [] as SyncOp[] };

  // Publish: the log entries past those already published, and each field changed since the last pass.
  const seqOf = (r: SyncReview) => Number(r.id.slice(state.device.length + 1));
  const lastSeq = published.reviews.reduce((max, r) => Math.max(max, seqOf(r)), 0);
  // Only entries every device will accept: one it refused would never count as published, and
  // would be published again on every pass.
  const unpublished = ownReviews(collection, state.device, state.aliases).filter((r) => seqOf(r) > lastSeq);
  const newReviews = unpublished.filter((r) => parseReview(JSON.parse(JSON.stringify(r))) !== null);
  const unfit = unpublished.length - newReviews.length;
  const base = new Map(state.base.map((r) => [`${r.kind}\u0000${r.key}`, r as LocalRecord]));
  const seen = { ...state.seen, ...Object.fromEntries(session.ledger.opsPrefix) };
  // Past every stamp already published too: a pass cut short after writing its ops but before
  // saving the state would otherwise stamp its next changes with stamps already used.
  const clock = published.ops.reduce((latest, op) => maxHlc(latest, parseHlc(op.hlc) ?? ZERO_HLC), parseHlc(state.clock) ?? ZERO_HLC);
  const stamped = stampChanges(changesBetween(base, localRecords(collection, state.aliases)), state.device, published.ops.length, { ...clock, device: state.device }, now, seen);

  const pass = runSyncPass({
    fs,
    folder,
    device: { id: state.device, name: state.name },
    own: { reviews: [...published.reviews, ...newReviews], ops: [...published.ops, ...stamped.ops] },
    ledger: session.ledger,
    clock: stamped.clock,
    now,
    merge: { schedulerFor: (presetId) => schedulerOf(presetFor(collection.settings, presetId ?? undefined), ctx.fuzz), cache: session.cache },
  });

  // Records the merge may not touch: never published (so no other device can have changed or
  // deleted them), or changed here in a way sync could not carry.
  const known = new Set([...session.ledger.ops.values()].map((op) => recordId(op.kind, op.key)));
  // The Recovered deck is not among them: every device makes it, and none publishes it.
  const keepAsIs = (kind: 'deck' | 'note', key: string) => !(kind === 'deck' && key === RECOVERED_DECK.key) && (!known.has(recordId(kind, key)) || stamped.refusedKeys.has(recordId(kind, key)));
  const { changes, aliases } = changesFrom(collection, pass.merged, session.ledger, state.device, now, state.aliases, keepAsIs);
  const touched = changes.decks.length + changes.notes.length + changes.cards.length + changes.removedNotes.length + changes.removedDecks.length + (changes.settings ? 1 : 0);
  if (touched > 0) collection.applySync(changes);
  const devices = pass.devices;
  collection.saveSyncState(JSON.stringify({ ...state, clock: formatHlc(pass.clock), base: [...localRecords(collection, aliases).values()], devices, seen: Object.fromEntries(session.ledger.opsPrefix), aliases, lastSyncAt: now } satisfies SyncState));
  return {
    folder,
    device: state.device,
    devices,
    newer: pass.newer,
    published: { reviews: newReviews.length, changes: stamped.ops.length },
    merged: { reviews: pass.added.reviews, changes: pass.added.ops },
    applied: { decks: changes.decks.length, notes: changes.notes.length, cards: changes.cards.length, removedNotes: changes.removedNotes.length, removedDecks: changes.removedDecks.length, settings: changes.settings !== null },
    recovered: pass.merged.recovered.length,
    problems: [...pass.problems, ...stamped.refused.map((r) => `${r} is past what sync can carry and was not published.`), ...(unfit ? [`${unfit} log entr${unfit === 1 ? 'y is' : 'ies are'} not in a shape sync carries and ${unfit === 1 ? 'was' : 'were'} not published.`] : [])],
  };
}

/** The devices the last pass saw, for `stats`. */
export function devicesSeen(ctx: ServiceContext): { devices: DeviceSeen[]; lastSyncAt: number | null } {
  const parsed = stateSchema.safeParse(safeJson(ctx.collection.syncState() ?? 'null'));
  return parsed.success ? { devices: parsed.data.devices, lastSyncAt: parsed.data.lastSyncAt } : { devices: [], lastSyncAt: null };
}

function schedulerOf(p: Preset, fuzz: boolean) {
  return createScheduler({ fuzz, desiredRetention: p.desiredRetention, learningSteps: p.learningSteps, relearningSteps: p.relearningSteps, maximumIntervalDays: p.maximumIntervalDays });
}

/** Equal as data, whatever order their fields were set in. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** A merged note's id in the collection: a note kept in Recovered moves into that deck's id space. */
const collectionNoteId = (key: string, deckId: string): string => {
  if (deckId !== RECOVERED_DECK.key || key.startsWith(`${RECOVERED_DECK.key}/`)) return key;
  // The whole key, not only the part after the deck: a note moved between decks keeps that part,
  // so two recovered notes could otherwise take one id.
  return `${RECOVERED_DECK.key}/${key.replace('/', '~')}`;
};

/** What the merge changes in the collection: only what differs from it now. */
function changesFrom(collection: Collection, merged: MergedCollection, ledger: Ledger, self: string, now: number, aliasesBefore: Readonly<Record<string, string>>, keepAsIs: (kind: 'deck' | 'note', key: string) => boolean): { changes: SyncChanges; aliases: Record<string, string> } {
  const decks: Deck[] = [];
  for (const [id, m] of merged.decks) {
    const local = collection.deck(id);
    const next: Deck = { id, title: m.title, description: m.description ?? local?.description ?? '', version: local?.version ?? 0, source: m.source ?? local?.source ?? null, article: local?.article ?? null };
    if (m.presetId ?? local?.presetId) next.presetId = (m.presetId ?? local?.presetId)!;
    if (m.published ?? local?.published) next.published = (m.published ?? local?.published)!;
    if (local?.drafts) next.drafts = local.drafts;
    if (!(local && keepAsIs('deck', id)) && (!local || !same(local, next))) decks.push(next);
  }
  const cardsOfNote = new Map<string, [string, MergedCard][]>();
  for (const entry of merged.cards) (cardsOfNote.get(entry[1].noteId) ?? cardsOfNote.set(entry[1].noteId, []).get(entry[1].noteId)!).push(entry);
  const keep = new Set<string>();
  const notes: Note[] = [];
  const cards: Card[] = [];
  const aliases: Record<string, string> = {};
  for (const [key, m] of merged.notes) {
    const note = { ...noteOfMerged(key, m), id: collectionNoteId(key, m.deckId) };
    keep.add(note.id);
    if (note.id !== key) aliases[note.id] = key;
    const local = collection.note(note.id);
    if (!(local && keepAsIs('note', key)) && (!local || !same(local, note))) notes.push(note);
    const movedFrom = note.id !== key ? collection.note(key) : undefined;
    for (const [cardId, mc] of cardsOfNote.get(key) ?? []) {
      const id = cardIdFor(note.id, mc.template);
      const current = collection.card(id) ?? (movedFrom ? collection.card(cardIdFor(key, mc.template)) : undefined);
      const fromElsewhere = (ledger.historyOf.get(cardId) ?? []).some((r) => r.device !== self);
      const card = cardAfter(current, { id, noteId: note.id, deckId: note.deckId, template: mc.template, position: note.position }, mc, fromElsewhere, m.addedAt ?? now, now);
      if (card) cards.push(card);
    }
  }
  const pending = new Set(merged.pending);
  const removedNotes = collection
    .deckIds()
    .flatMap((id) => [...collection.notesOf(id).values()])
    .filter((n) => !keep.has(n.id) && !pending.has(n.id) && !keepAsIs('note', aliasesBefore[n.id] ?? n.id));
  // A deck that still has a note the merge leaves alone stays with it.
  const gone = new Set(removedNotes.map((n) => n.id));
  const removedDecks = collection.deckIds().filter((id) => !merged.decks.has(id) && !keepAsIs('deck', id) && [...collection.notesOf(id).keys()].every((n) => gone.has(n) || keep.has(n)));
  return { changes: { decks, notes, cards, removedNotes, removedDecks, settings: settingsFrom(collection.settings, merged) }, aliases };
}

/**
 * A card as the merge leaves it, or null when it is as it was. A card this collection has keeps
 * its own memory unless another device answered it (its own answers already gave it that memory);
 * a card it lacks takes the memory its merged history gives.
 */
function cardAfter(current: Card | undefined, place: Pick<Card, 'id' | 'noteId' | 'deckId' | 'template' | 'position'>, merged: MergedCard, fromElsewhere: boolean, addedAt: number, now: number): Card | null {
  if (!current) {
    // Added when the device that made it added it, so it is the same card on every device.
    return { ...place, addedAt, memory: merged.remembered ? merged.memory : newMemory(addedAt), introducedAt: merged.introducedAt, updatedAt: now, suspended: merged.suspended, buriedUntil: null };
  }
  const next: Card = { ...current, ...place };
  if (fromElsewhere && merged.remembered) Object.assign(next, { memory: merged.memory, introducedAt: merged.introducedAt, suspended: merged.suspended });
  if (same(next, current)) return null;
  return { ...next, updatedAt: nextVersion(current, now) };
}

function settingsFrom(current: Settings, merged: MergedCollection): Settings | null {
  if (merged.presets.size === 0) return null;
  const ordered = [...current.presets.map((p) => p.id).filter((id) => merged.presets.has(id)), ...[...merged.presets.keys()].filter((id) => !current.presets.some((p) => p.id === id)).sort()];
  const presets = ordered.map((id) => ({ ...current.presets.find((p) => p.id === id), ...merged.presets.get(id), id }) as Preset);
  const next: Settings = { ...current, ...merged.settings, presets };
  return same(next, current) ? null : next;
}
