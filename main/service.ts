// The application: everything the UI and the CLI can ask for. It owns the clock and the open
// collection, and composes the pure domain with the store.
import { readdirSync, existsSync } from 'node:fs';
import { decodeHTML } from 'entities';
import path from 'node:path';
import type { AnswerArgs, AnswerResult, AppInfo, Article, ArticleCard, BackupInfo, BrowserRow, CardActionResult, DeckSummary, DeleteResult, ImportFileArgs, ImportFolderArgs, NoteView, SaveNoteArgs, SearchArgs, SearchResult, Stats, StudyCard, StudyState, UndoResult, UpdateCardsArgs, UpdateCardsResult } from './contract.ts';
import { AppError } from './app-error.ts';
import type { Clock } from './clock.ts';
import { segmentArticle } from './domain/article.ts';
import { isNew, type Card, type Note } from './domain/card.ts';
import { cappedAnswerMs } from './domain/answer-time.ts';
import { clozeOrdinals } from './domain/cloze.ts';
import { formatInterval } from './domain/interval.ts';
import { cardFaces, cardIdFor, templatesOf } from './domain/notes.ts';
import { buildDayQueue, cardStatus, isSetAside, nextInQueue, studiedToday, type DayQueue, type QueueLimits } from './domain/queue.ts';
import { createScheduler, newMemory, type Scheduler, type SchedulerOptions } from './domain/scheduler.ts';
import { dayStart, nextDayStart } from './domain/day.ts';
import { presetFor, type Preset, type Settings } from './domain/settings.ts';
import { DeckFileError, notesOf, readDeckDir, type LoadedDeck } from './formats/deck-file.ts';
import type { CollectionStore, DeckRecord } from './store/collection-store.ts';
import { deckTree, isWithin, joinTitle, sameTitlePath, titlePath } from './domain/deck-tree.ts';
import { searchCards } from './domain/search.ts';
import { answerButtons, cardCounts, forecast, heatmap, memoryStats, trueRetention } from './domain/stats.ts';
import type { LogKind } from './store/stored.ts';
import { ImportError, type ImportBundle } from './formats/bundle.ts';
import type { ReadResult } from './formats/import/read-import.ts';
import type { ImportOptions, ImportReport } from './import-collection.ts';
import { existingMediaBytes, listMediaFiles, mediaNamesIn, writeMediaFiles } from './store/media-folder.ts';
import type { ExportInput, ExportReview } from './formats/bundle.ts';
import { writeCollectionJson, type CollectionContent } from './formats/collection-json.ts';
import { fromLoggedCard } from './store/stored.ts';

// The readers and writers of other formats (SQLite in WebAssembly, zip, zstd, CSV, Markdown) load
// on the first import or export: opening the collection and studying never wait for them (at
// 100,000 cards they added a third to the time to the first card).
const importers = () => import('./formats/import/read-import.ts');
const staging = () => import('./import-collection.ts');
const folders = () => import('./formats/import/read-folder.ts');
const exporters = async () => ({ ...(await import('./formats/export/apkg.ts')), ...(await import('./formats/export/csv.ts')), ...(await import('./formats/export/anki-note.ts')) });

export { MAX_ANSWER_MS } from './domain/answer-time.ts';

/** Collection-wide limits at or above this are no limit. */
export const NO_LIMIT = 9999;

const DAY_MS = 86_400_000;

/** Lets whatever waits on the event loop (an answer above all) run before the next piece of work. */
const answersFirst = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Anki keeps this many steps of undo. */
export const UNDO_STEPS = 30;

export interface ServiceOptions {
  store: CollectionStore;
  clock: Clock;
  /** Folder of shipped decks (`<id>/deck.json`), loaded into the collection on start. */
  decksDir?: string;
  /** Fuzz is on in the app, off in tests; the rest of the scheduling comes from each deck's preset. */
  scheduler?: Pick<SchedulerOptions, 'fuzz'>;
  version?: string;
}

/** Deletions kept for "undo delete"; like Anki, the last few, not forever. */
export const DELETE_UNDO_STEPS = 30;

/** Rows the browser may ask for at once: more than a screen, far less than a collection. */
export const MAX_BROWSER_ROWS = 500;

/**
 * Notes and decks made in the app get ids a deck file can never use (its ids are lowercase words
 * joined by hyphens; these hold a dot), so a shipped deck's update can tell them from its own.
 */
const LOCAL_NOTE = /\/n\.[0-9a-z]+$/;
export const isLocalNoteId = (noteId: string): boolean => LOCAL_NOTE.test(noteId);

function groupInto<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}

/** What one deletion removed, to bring it back with every card's memory. */
interface Deletion {
  notes: Note[];
  cards: Card[];
  decks: DeckRecord[];
}

/** One change that Undo can take back: the card before it and after it. */
interface UndoStep {
  action: 'answer' | 'bury' | 'suspend';
  /** The log entry it made, named by the undo's own entry. */
  entryId: string;
  before: Card;
  after: Card;
}

export type DeckhandService = ReturnType<typeof createService>;

export function createService(options: ServiceOptions) {
  const { store, clock } = options;
  const { data } = store;
  const fuzz = options.scheduler?.fuzz ?? true;
  const notices: string[] = [...store.notices];
  const deckCardIds = new Map<string, string[]>();
  const undoStack: UndoStep[] = [];
  /** After an undo, the card taken back is shown next, as it was before the answer. */
  let showNext: string | null = null;
  /** "Study more": extra new cards allowed today, per deck. */
  const extraNew = new Map<string, { day: number; count: number }>();
  /** "Study more" of forgotten cards: shown once more each, after the day's queue, until answered. */
  const forgotten = new Map<string, { since: number; ids: string[] }>();

  function forgottenLeft(deckId: string, now: number): Card[] {
    const session = forgotten.get(deckId);
    if (!session) return [];
    return session.ids.map((id) => data.cards.get(id)).filter((c): c is Card => c !== undefined && c.updatedAt < session.since && !isSetAside(c, now));
  }
  const schedulers = new Map<string, { key: string; scheduler: Scheduler }>();

  function presetOf(deckId: string): Preset {
    return presetFor(data.settings, data.decks.get(deckId)?.presetId);
  }

  function limitsOf(deckId: string): QueueLimits {
    const preset = presetOf(deckId);
    return { newPerDay: preset.newPerDay, reviewsPerDay: preset.reviewsPerDay, rolloverHour: data.settings.rolloverHour };
  }

  function schedulerOf(deckId: string): Scheduler {
    const p = presetOf(deckId);
    const key = JSON.stringify([p.desiredRetention, p.learningSteps, p.relearningSteps, p.maximumIntervalDays]);
    const cached = schedulers.get(p.id);
    if (cached?.key === key) return cached.scheduler;
    const scheduler = createScheduler({ fuzz, desiredRetention: p.desiredRetention, learningSteps: p.learningSteps, relearningSteps: p.relearningSteps, maximumIntervalDays: p.maximumIntervalDays });
    schedulers.set(p.id, { key, scheduler });
    return scheduler;
  }

  /** A deck and the decks nested under it (`Parent::Child`), parent first. */
  function subtreeOf(deckId: string): string[] {
    const d = data.decks.get(deckId);
    if (!d) return [deckId];
    return [deckId, ...[...data.decks.values()].filter((x) => x.id !== deckId && isWithin(x.title, d.title)).map((x) => x.id)];
  }

  /**
   * The day's queue for a deck, within its preset's limits and what the whole collection still
   * allows. Studying a parent deck studies its children too (`withChildren`), as its rolled-up
   * counts on Home promise; Home's own per-deck counts leave them out.
   */
  function queueOf(deckId: string, now: number, withChildren = false): { cards: Card[]; queue: DayQueue } {
    const cards = withChildren ? subtreeOf(deckId).flatMap(cardsOf) : cardsOf(deckId);
    const limits = limitsOf(deckId);
    const today = dayStart(now, limits.rolloverHour);
    const extra = extraNew.get(deckId);
    const queueOptions: { extraNew?: number; capNew?: number; capReviews?: number } = { extraNew: extra?.day === today ? extra.count : 0 };
    // The collection-wide limits mean looking at every deck's cards, so only when one is set below "no limit".
    if (data.settings.newPerDay < NO_LIMIT || data.settings.reviewsPerDay < NO_LIMIT) {
      const all = studiedToday([...data.cards.values()], now, limits.rolloverHour);
      queueOptions.capNew = Math.max(0, data.settings.newPerDay - all.newCards);
      queueOptions.capReviews = Math.max(0, data.settings.reviewsPerDay - all.reviews);
    }
    return { cards, queue: buildDayQueue(cards, now, limits, queueOptions) };
  }

  function cardOrThrow(cardId: string): Card {
    const card = data.cards.get(cardId);
    if (!card || !store.notesOf(card.deckId).has(card.noteId)) throw new AppError('not-found', `There is no card "${cardId}".`);
    return card;
  }

  /** Records a change that is not an answer (bury, suspend, undo…) in the log, so replay stays exact. */
  function recordChange(kind: LogKind, after: Card, undoes?: string): string {
    return store.appendReview({ cardId: after.id, rating: 0, reviewedAt: after.updatedAt, durationMs: 0, card: after, kind, ...(undoes ? { undoes } : {}) }).id;
  }

  function remember(step: UndoStep): void {
    undoStack.push(step);
    if (undoStack.length > UNDO_STEPS) undoStack.shift();
  }

  const deletions: Deletion[] = [];
  /** The order of the last search, so scrolling through it does not search again. */
  let lastSearch: { key: string; ids: string[] } | null = null;
  let idCounter = 0;

  if (options.decksDir) notices.push(...loadShippedDecks(options.decksDir));

  function loadShippedDecks(dir: string): string[] {
    if (!existsSync(dir)) return [`The shipped decks folder ${dir} is missing.`];
    const problems: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      try {
        syncDeck(readDeckDir(path.join(dir, entry.name), path.dirname(dir)));
      } catch (e) {
        if (!(e instanceof DeckFileError)) throw e;
        problems.push(...e.problems);
      }
    }
    return problems;
  }

  /**
   * Brings a deck file's notes into the collection; cards keep their memory when their text changes.
   * Edits made in the app win until a newer version of the file ships: a file at the stored version
   * (or older) changes nothing, unless the deck's notes were lost (a damaged notes file), when the
   * shipped text comes back. Notes added in the app survive an update; the learner's title and
   * preset for the deck are kept.
   */
  function syncDeck({ deck, article }: LoadedDeck): void {
    const stored = data.decks.get(deck.id);
    const known = store.notesOf(deck.id);
    if (stored && deck.version <= stored.version && known.size > 0) return;
    const shipped = notesOf(deck);
    const shippedIds = new Set(shipped.map((n) => n.id));
    const local = [...known.values()].filter((n) => isLocalNoteId(n.id) && !shippedIds.has(n.id)).sort((a, b) => a.position - b.position);
    const notes = [...shipped, ...local.map((n, i) => ({ ...n, position: shipped.length + i }))];
    const record: DeckRecord = {
      id: deck.id,
      title: stored?.title ?? deck.title,
      description: deck.description,
      version: deck.version,
      source: deck.source ? { author: deck.source.author, publisher: deck.source.publisher, subject: deck.source.subject } : null,
      article,
      ...(stored?.presetId ? { presetId: stored.presetId } : {}),
    };
    data.decks.set(deck.id, record);
    store.setNotes(deck.id, notes);
    const now = clock();
    for (const note of notes) {
      for (const template of templatesOf(note)) {
        const id = cardIdFor(note.id, template);
        const card = data.cards.get(id);
        if (!card) data.cards.set(id, newCard(note, template, now));
        else if (card.position !== note.position) data.cards.set(id, { ...card, position: note.position });
      }
    }
    deckCardIds.delete(deck.id);
    store.changed();
  }

  function newCard(note: Note, template: string, now: number): Card {
    return { id: cardIdFor(note.id, template), noteId: note.id, deckId: note.deckId, template, position: note.position, memory: newMemory(now), introducedAt: null, updatedAt: now, suspended: false, buriedUntil: null, addedAt: now };
  }

  /** A deck's live cards in the order new ones are introduced. */
  function cardsOf(deckId: string): Card[] {
    let ids = deckCardIds.get(deckId);
    if (!ids) {
      const notes = store.notesOf(deckId);
      // A card whose note is gone (a deletion in a later deck version) keeps its history but is not studied.
      ids = data.cards
        .ofDeck(deckId)
        .filter((c) => notes.has(c.noteId))
        .sort((a, b) => a.position - b.position || a.template.localeCompare(b.template, 'en', { numeric: true }))
        .map((c) => c.id);
      deckCardIds.set(deckId, ids);
    }
    return ids.map((id) => data.cards.get(id)).filter((c): c is Card => c !== undefined);
  }

  function deck(deckId: string) {
    const d = data.decks.get(deckId);
    if (!d) throw new AppError('not-found', `There is no deck "${deckId}".`);
    return d;
  }

  function noteOf(card: Card): Note {
    const note = store.notesOf(card.deckId).get(card.noteId);
    if (!note) throw new AppError('not-found', `Card "${card.id}" belongs to no note.`);
    return note;
  }

  function studyCard(card: Card, now: number): StudyCard {
    const note = noteOf(card);
    const faces = cardFaces(note, card);
    const preview = schedulerOf(card.deckId).preview(card.memory, now);
    const d = data.decks.get(card.deckId);
    return {
      id: card.id,
      noteId: card.noteId,
      deckId: card.deckId,
      kind: note.kind,
      type: note.type,
      front: faces.front,
      back: faces.back,
      format: note.format ?? 'markdown',
      extra: note.extra,
      quote: note.quote,
      sourceAuthor: d?.source?.author ?? null,
      status: cardStatus(card, now, data.settings.rolloverHour),
      intervals: {
        1: formatInterval(preview[1].due - now),
        2: formatInterval(preview[2].due - now),
        3: formatInterval(preview[3].due - now),
        4: formatInterval(preview[4].due - now),
      },
      shownAt: now,
    };
  }


  // ---- Managing notes, cards and decks ----

  /** A fresh id: the time in base 36 and a counter, so two made in one millisecond still differ. */
  function freshId(prefix: string, taken: (id: string) => boolean): string {
    let id: string;
    do id = `${prefix}${clock().toString(36)}${(idCounter++).toString(36)}`;
    while (taken(id));
    return id;
  }

  function noteById(noteId: string): Note {
    const deckId = noteId.slice(0, noteId.indexOf('/'));
    const note = data.decks.has(deckId) ? store.notesOf(deckId).get(noteId) : undefined;
    if (!note) throw new AppError('not-found', `There is no note "${noteId}".`);
    return note;
  }

  function cardsOfNote(note: Note): Card[] {
    return templatesOf(note)
      .map((t) => data.cards.get(cardIdFor(note.id, t)))
      .filter((c): c is Card => c !== undefined);
  }

  function noteView(note: Note): NoteView {
    return {
      id: note.id,
      deckId: note.deckId,
      deckTitle: deck(note.deckId).title,
      type: note.type,
      front: note.front,
      back: note.back,
      text: note.text,
      extra: note.extra ?? '',
      tags: [...note.tags],
      cardIds: templatesOf(note).map((t) => cardIdFor(note.id, t)),
    };
  }

  /** Replaces some of a deck's notes (and drops `removed`), then forgets what was cached about the deck. */
  function putNotes(deckId: string, changed: readonly Note[], removed: ReadonlySet<string> = new Set()): void {
    const notes = new Map(store.notesOf(deckId));
    for (const id of removed) notes.delete(id);
    for (const n of changed) notes.set(n.id, n);
    store.setNotes(deckId, [...notes.values()]);
    deckCardIds.delete(deckId);
    lastSearch = null;
  }

  const nextPosition = (deckId: string): number => {
    let max = -1;
    for (const n of store.notesOf(deckId).values()) max = Math.max(max, n.position);
    return max + 1;
  };

  /** Removes notes and their cards, keeping them for undoDelete. */
  function removeNotes(notes: readonly Note[], decks: DeckRecord[] = []): Deletion {
    const removed: Deletion = { notes: [...notes], cards: [], decks };
    const byDeck = new Map<string, Set<string>>();
    for (const note of notes) {
      for (const card of cardsOfNote(note)) {
        removed.cards.push(card);
        data.cards.delete(card.id);
      }
      byDeck.set(note.deckId, (byDeck.get(note.deckId) ?? new Set()).add(note.id));
    }
    for (const [deckId, ids] of byDeck) putNotes(deckId, [], ids);
    deletions.push(removed);
    if (deletions.length > DELETE_UNDO_STEPS) deletions.shift();
    store.changed();
    return removed;
  }

  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

  function deletionResult(d: Deletion, verb: string): DeleteResult {
    const parts = [d.decks.length ? plural(d.decks.length, 'deck') : '', plural(d.notes.length, 'note'), plural(d.cards.length, 'card')].filter(Boolean);
    return { notes: d.notes.length, cards: d.cards.length, decks: d.decks.length, message: `${verb} ${parts.join(', ')}.` };
  }

  /** Moves a note to another deck: it gets an id there, its cards keep their memory under the new ids. */
  function moveNote(note: Note, toDeckId: string, now: number): Note {
    const target = store.notesOf(toDeckId);
    const local = note.id.slice(note.id.indexOf('/') + 1);
    let id = `${toDeckId}/${local}`;
    for (let i = 2; target.has(id); i++) id = `${toDeckId}/${local}-${i}`;
    const moved: Note = { ...note, id, deckId: toDeckId, position: nextPosition(toDeckId) };
    const after: Card[] = [];
    for (const card of cardsOfNote(note)) {
      data.cards.delete(card.id);
      after.push({ ...card, id: cardIdFor(id, card.template), noteId: id, deckId: toDeckId, position: moved.position, updatedAt: now });
    }
    putNotes(note.deckId, [], new Set([note.id]));
    putNotes(toDeckId, [moved]);
    store.appendReviews(after.map((card) => ({ cardId: card.id, rating: 0, reviewedAt: now, durationMs: 0, card, kind: 'edit' as const })));
    return moved;
  }

  function cleanTags(tags: readonly string[]): string[] {
    return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  }

  /** A deck title's path, trimmed; its parts must not be empty. */
  function cleanTitle(title: string): string {
    const parts = titlePath(title);
    if (parts.some((p) => p === '')) throw new AppError('bad-request', '"title" has an empty part: write nested decks as Parent::Child.');
    return joinTitle(parts);
  }

  function deckWithTitle(title: string): DeckRecord | undefined {
    for (const d of data.decks.values()) if (sameTitlePath(d.title, title)) return d;
    return undefined;
  }

  /** Makes the decks a nested title names above itself, as Anki does, so `A::B` always sits under `A`. */
  function ensureParents(title: string): void {
    const parts = titlePath(title);
    for (let n = 1; n < parts.length; n++) {
      const parentTitle = joinTitle(parts.slice(0, n));
      if (!deckWithTitle(parentTitle)) addDeck(parentTitle);
    }
  }

  function addDeck(title: string): DeckRecord {
    const id = freshId('d.', (x) => data.decks.has(x));
    const record: DeckRecord = { id, title, description: '', version: 0, source: null, article: null };
    data.decks.set(id, record);
    store.setNotes(id, []);
    return record;
  }

  function summaryOf(deckId: string): DeckSummary {
    const found = listDeckSummaries().find((x) => x.id === deckId);
    if (!found) throw new AppError('not-found', `There is no deck "${deckId}".`);
    return found;
  }

  function listDeckSummaries(): DeckSummary[] {
    const now = clock();
    const flat = [...data.decks.values()].map((d) => {
      const cards = cardsOf(d.id);
      return { id: d.id, title: d.title, description: d.description, cardCount: cards.length, counts: queueOf(d.id, now).queue.counts, source: d.source, presetId: presetOf(d.id).id };
    });
    return deckTree(flat);
  }

  /** The browser shows a card's question as one line of plain text (it is never parsed as HTML there). */
  const oneLine = (source: string, format: Note['format']): string => {
    const plain = format === 'html' ? decodeHTML(source.replace(/<(br|div|p|li)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '')) : source.replace(/[*_`#>]+/g, '');
    const text = plain.replace(/\s+/g, ' ').trim();
    return text.length > 160 ? `${text.slice(0, 159)}…` : text;
  };

  function browserRow(card: Card, note: Note, now: number): BrowserRow {
    return {
      cardId: card.id,
      noteId: note.id,
      deckId: card.deckId,
      deckTitle: data.decks.get(card.deckId)?.title ?? card.deckId,
      type: note.type,
      template: card.template,
      front: oneLine(cardFaces(note, card).front, note.format),
      tags: note.tags,
      status: cardStatus(card, now, data.settings.rolloverHour),
      suspended: card.suspended,
      buried: card.buriedUntil !== null && card.buriedUntil > now,
      due: isNew(card) ? null : card.memory.due,
      intervalDays: card.memory.scheduledDays,
      difficulty: card.memory.difficulty,
    };
  }

  /** The cards of `cardIds` that exist and have a note, each once. */
  function liveCards(cardIds: readonly string[]): Card[] {
    const out = new Map<string, Card>();
    for (const id of cardIds) {
      const card = data.cards.get(id);
      if (card && store.notesOf(card.deckId).has(card.noteId)) out.set(id, card);
    }
    if (out.size === 0) throw new AppError('not-found', 'None of the selected cards exist any more; search again.');
    return [...out.values()];
  }

  function notesOfCards(cards: readonly Card[]): Note[] {
    const out = new Map<string, Note>();
    for (const card of cards) out.set(card.noteId, noteOf(card));
    return [...out.values()];
  }

  /** A note is found by where it came from, or by the GUID its own export gave it, so a deck
   * exported to Anki (or to CSV) and imported back updates its notes instead of copying them. */
  function notesByOrigin(ankiGuid: (note: Note) => string): Map<string, Note> {
    const byOrigin = new Map<string, Note>();
    const derived: [string, Note][] = [];
    for (const deckId of data.decks.keys()) {
      for (const n of store.notesOf(deckId).values()) {
        if (n.origin) byOrigin.set(n.origin, n);
        const guid = ankiGuid(n);
        derived.push([`anki:${guid}`, n], [`csv:${guid}`, n]);
      }
    }
    for (const [key, n] of derived) if (!byOrigin.has(key)) byOrigin.set(key, n);
    return byOrigin;
  }

  let importing: Promise<unknown> = Promise.resolve();

  async function applyBundle(bundle: ImportBundle, importOptions: ImportOptions): Promise<ImportReport> {
    const [{ planMedia, stageImport }, { ankiGuid }] = await Promise.all([staging(), exporters()]);
    const defaultPreset = presetFor(data.settings, undefined);
    const mediaPlan = planMedia(bundle, (name) => existingMediaBytes(store.dir, name));
    // The files are on disk before any note names them; the rest is applied in one synchronous step.
    await writeMediaFiles(store.dir, mediaPlan.media);
    const now = clock();
    const byOrigin = notesByOrigin(ankiGuid);
    const staged = stageImport(
      bundle,
      {
        now,
        deckByTitle: deckWithTitle,
        noteByOrigin: (origin) => byOrigin.get(origin),
        card: (id) => data.cards.get(id),
        nextPosition,
        freshDeckId: () => freshId('d.', (x) => data.decks.has(x)),
        freshNoteId: (deckId) => freshId(`${deckId}/n.`, (x) => data.decks.has(deckId) && store.notesOf(deckId).has(x)),
        scheduler: createScheduler({ fuzz: false, desiredRetention: defaultPreset.desiredRetention, learningSteps: defaultPreset.learningSteps, relearningSteps: defaultPreset.relearningSteps, maximumIntervalDays: defaultPreset.maximumIntervalDays }),
        existingMedia: (name) => existingMediaBytes(store.dir, name),
      },
      importOptions,
      mediaPlan,
    );
    for (const d of staged.decks) {
      data.decks.set(d.id, d);
      store.setNotes(d.id, []);
    }
    const notesByDeck = new Map<string, Note[]>();
    for (const n of staged.notes) groupInto(notesByDeck, n.deckId, n);
    for (const [deckId, notes] of notesByDeck) putNotes(deckId, notes);
    // Cards with history take their states from the log entries, in order, so the statistics see
    // each imported answer with the state the card was in before it.
    const logged = new Set(staged.log.map((e) => e.cardId));
    for (const c of staged.cards) if (!logged.has(c.id)) data.cards.set(c.id, c);
    if (staged.log.length > 0) store.appendReviews(staged.log);
    for (const c of staged.cards) data.cards.set(c.id, c);
    for (const d of staged.cards) deckCardIds.delete(d.deckId);
    lastSearch = null;
    store.changed();
    await store.flush();
    return staged.report;
  }

  return {
    getAppInfo(): AppInfo {
      return { version: options.version ?? '0.0.0', dataDir: store.dir, now: clock(), notices };
    },

    /** Every deck, flat, in tree order (a parent before its children), each with its place in the tree and rolled-up counts. */
    listDecks(): DeckSummary[] {
      return listDeckSummaries();
    },

    nextCard({ deckId }: { deckId: string }): StudyState {
      const d = deck(deckId);
      const now = clock();
      const { cards, queue } = queueOf(deckId, now, true);
      const pinned = showNext ? data.cards.get(showNext) : undefined;
      showNext = null;
      const again = forgottenLeft(deckId, now);
      const next = pinned && subtreeOf(deckId).includes(pinned.deckId) && !pinned.suspended ? pinned : (nextInQueue(queue, cards, now) ?? again[0] ?? null);
      const today = dayStart(now, data.settings.rolloverHour);
      return {
        deckId,
        deckTitle: d.title,
        card: next ? studyCard(next, now) : null,
        counts: { ...queue.counts, due: queue.counts.due + again.length },
        studiedToday: cards.filter((c) => c.memory.lastReview !== null && c.memory.lastReview >= today).length,
      };
    },

    answer({ cardId, rating, shownAt, durationMs }: AnswerArgs): AnswerResult {
      const card = cardOrThrow(cardId);
      const now = clock();
      if (shownAt > now) throw new AppError('bad-request', `"shownAt" is in the future for card "${cardId}".`);
      if (card.updatedAt > shownAt) throw new AppError('conflict', `Card "${cardId}" was answered after it was shown here; its answer was not recorded twice.`);
      const memory = schedulerOf(card.deckId).answer(card.memory, rating, now);
      const updated: Card = { ...card, memory, introducedAt: card.introducedAt ?? (isNew(card) ? now : null), updatedAt: now };
      const entry = store.appendReview({ cardId, rating, reviewedAt: now, durationMs: cappedAnswerMs(durationMs), card: updated });
      remember({ action: 'answer', entryId: entry.id, before: card, after: updated });
      return { cardId, rating, due: memory.due, interval: formatInterval(memory.due - now) };
    },

    /** Takes back the last answer, bury or suspend: the card returns to its state before it and is shown next. */
    undo(): UndoResult {
      const step = undoStack.pop();
      if (!step) throw new AppError('not-found', 'There is nothing to undo.');
      const current = data.cards.get(step.after.id);
      if (!current || current.updatedAt !== step.after.updatedAt) {
        undoStack.length = 0;
        throw new AppError('conflict', `Card "${step.after.id}" changed since; the undo history was cleared.`);
      }
      const now = clock();
      const restored: Card = { ...step.before, updatedAt: now };
      recordChange('undo', restored, step.entryId);
      showNext = restored.id;
      return { cardId: restored.id, deckId: restored.deckId, undone: step.action };
    },

    /** Hides a card until the next study day. */
    bury({ cardId }: { cardId: string }): CardActionResult {
      const card = cardOrThrow(cardId);
      const now = clock();
      const after: Card = { ...card, buriedUntil: nextDayStart(now, data.settings.rolloverHour), updatedAt: now };
      remember({ action: 'bury', entryId: recordChange('bury', after), before: card, after });
      return { cardId, suspended: after.suspended, buriedUntil: after.buriedUntil };
    },

    /** Hides a card until it is unsuspended. */
    suspend({ cardId }: { cardId: string }): CardActionResult {
      const card = cardOrThrow(cardId);
      const after: Card = { ...card, suspended: true, updatedAt: clock() };
      remember({ action: 'suspend', entryId: recordChange('suspend', after), before: card, after });
      return { cardId, suspended: true, buriedUntil: after.buriedUntil };
    },

    unsuspend({ cardId }: { cardId: string }): CardActionResult {
      const card = cardOrThrow(cardId);
      const after: Card = { ...card, suspended: false, buriedUntil: null, updatedAt: clock() };
      recordChange('unsuspend', after);
      return { cardId, suspended: false, buriedUntil: null };
    },

    /** "Study more": lets `newCards` more new cards into today's queue of a deck. */
    studyMore({ deckId, newCards, forgottenDays }: { deckId: string; newCards: number; forgottenDays?: number }): StudyState {
      deck(deckId);
      const now = clock();
      const today = dayStart(now, data.settings.rolloverHour);
      const current = extraNew.get(deckId);
      extraNew.set(deckId, { day: today, count: (current?.day === today ? current.count : 0) + newCards });
      if (forgottenDays) {
        // Answers of Again in the window, less those taken back by an undo.
        const entries = store.entriesSince(now - forgottenDays * DAY_MS);
        const undone = new Set(entries.flatMap((e) => (e.undoes ? [e.undoes] : [])));
        const decks = new Set(subtreeOf(deckId));
        const ids = entries.filter((e) => !e.kind && e.rating === 1 && !undone.has(e.id) && decks.has(data.cards.get(e.cardId)?.deckId ?? '')).map((e) => e.cardId);
        forgotten.set(deckId, { since: now, ids: [...new Set(ids)] });
      }
      return this.nextCard({ deckId });
    },

    getSettings(): Settings {
      return structuredClone(data.settings);
    },

    /** Replaces the settings. Due dates already given stay as they are; new settings apply from each card's next answer. */
    updateSettings(settings: Settings): Settings {
      const ids = new Set(settings.presets.map((p) => p.id));
      if (ids.size !== settings.presets.length) throw new AppError('bad-request', 'Two presets have the same id.');
      for (const d of data.decks.values()) {
        if (d.presetId && !ids.has(d.presetId)) throw new AppError('bad-request', `Deck "${d.title}" uses preset "${d.presetId}", which the new settings remove. Move the deck to another preset first.`);
      }
      data.settings = structuredClone(settings);
      store.changed();
      return structuredClone(data.settings);
    },

    setDeckPreset({ deckId, presetId }: { deckId: string; presetId: string }): DeckSummary {
      const d = deck(deckId);
      if (!data.settings.presets.some((p) => p.id === presetId)) throw new AppError('not-found', `There is no preset "${presetId}".`);
      data.decks.set(deckId, { ...d, presetId });
      store.changed();
      return this.listDecks().find((x) => x.id === deckId)!;
    },

    getArticle({ deckId }: { deckId: string }): Article {
      const d = deck(deckId);
      if (!d.article || !d.source) throw new AppError('not-found', `Deck "${d.title}" was not made from an article.`);
      const now = clock();
      const quoting: { id: string; quote: string }[] = [];
      const cards: Record<string, ArticleCard> = {};
      for (const card of cardsOf(deckId)) {
        const note = noteOf(card);
        if (!note.quote) continue;
        quoting.push({ id: card.id, quote: note.quote });
        cards[card.id] = { id: card.id, front: cardFaces(note, card).front, status: cardStatus(card, now, data.settings.rolloverHour), due: isNew(card) ? null : card.memory.due };
      }
      return { deckId, title: d.title, source: d.source, paragraphs: segmentArticle(d.article, quoting), cards };
    },

    listBackups(): BackupInfo[] {
      return store.backups().map((b) => ({ id: b.name, createdAt: b.createdAt, beforeRestore: b.name.endsWith('-before-restore') }));
    },

    /** Puts the collection back as it was in a backup; the state it replaces is backed up first. */
    restoreBackup({ id }: { id: string }): BackupInfo {
      const backup = this.listBackups().find((b) => b.id === id);
      if (!backup) throw new AppError('not-found', `There is no backup "${id}".`);
      try {
        store.restore(id);
      } catch (e) {
        throw new AppError('internal', `The backup ${id} could not be restored (${(e as Error).message}); the collection was not changed.`);
      }
      deckCardIds.clear();
      undoStack.length = 0;
      // Shipped decks may be newer than the backup: their text comes back, the restored progress stays.
      if (options.decksDir) notices.push(...loadShippedDecks(options.decksDir));
      return backup;
    },

    getNote({ noteId }: { noteId: string }): NoteView {
      return noteView(noteById(noteId));
    },

    /**
     * Adds a note (no `noteId`) or changes one. Its cards follow its templates: a reversed note has
     * two, a cloze note one per deletion. Cards that stay keep their memory; a changed deck moves it.
     */
    saveNote(args: SaveNoteArgs): NoteView {
      const front = args.front?.trim() ?? '';
      const back = args.back?.trim() ?? '';
      const text = args.text?.trim() ?? '';
      if (args.type === 'cloze') {
        if (!text) throw new AppError('bad-request', '"text" is empty: write the sentence with a deletion like {{c1::answer}}.');
        if (clozeOrdinals(text).length === 0) throw new AppError('bad-request', '"text" has no cloze deletion: mark what to recall like {{c1::answer}}.');
      } else {
        if (!front) throw new AppError('bad-request', '"front" is empty.');
        if (!back) throw new AppError('bad-request', '"back" is empty.');
      }
      deck(args.deckId);
      const now = clock();
      const before = args.noteId ? noteById(args.noteId) : null;
      const fields = {
        type: args.type,
        front: args.type === 'cloze' ? '' : front,
        back: args.type === 'cloze' ? '' : back,
        text: args.type === 'cloze' ? text : '',
        extra: args.extra?.trim() || null,
        tags: cleanTags(args.tags),
      };
      let note: Note;
      if (before) {
        note = { ...before, ...fields };
        const oldIds = new Set(templatesOf(before).map((t) => cardIdFor(before.id, t)));
        const newIds = new Set(templatesOf(note).map((t) => cardIdFor(note.id, t)));
        for (const id of oldIds) if (!newIds.has(id)) data.cards.delete(id);
        putNotes(note.deckId, [note]);
        if (args.deckId !== before.deckId) note = moveNote(note, args.deckId, now);
      } else {
        const id = freshId(`${args.deckId}/n.`, (x) => store.notesOf(args.deckId).has(x));
        note = { id, deckId: args.deckId, kind: 'fact', quote: null, position: nextPosition(args.deckId), ...fields };
        putNotes(note.deckId, [note]);
      }
      for (const template of templatesOf(note)) {
        const id = cardIdFor(note.id, template);
        if (!data.cards.get(id)) data.cards.set(id, newCard(note, template, now));
      }
      deckCardIds.delete(note.deckId);
      store.changed();
      return noteView(note);
    },

    /** Deletes notes and their cards; `undoDelete` brings them back. */
    deleteNotes({ noteIds }: { noteIds: string[] }): DeleteResult {
      const notes = [...new Set(noteIds)].map(noteById);
      return deletionResult(removeNotes(notes), 'Deleted');
    },

    /** A new, empty deck; `Parent::Child` makes it (and its parent, when missing) nested. */
    createDeck({ title }: { title: string }): DeckSummary {
      const clean = cleanTitle(title);
      if (deckWithTitle(clean)) throw new AppError('conflict', `"title": a deck called "${clean}" already exists.`);
      ensureParents(clean);
      const record = addDeck(clean);
      store.changed();
      return summaryOf(record.id);
    },

    /** Renames a deck; the decks under it move along (`A::x` becomes `B::x` when `A` becomes `B`). */
    renameDeck({ deckId, title }: { deckId: string; title: string }): DeckSummary {
      const d = deck(deckId);
      const clean = cleanTitle(title);
      const other = deckWithTitle(clean);
      if (other && other.id !== deckId) throw new AppError('conflict', `"title": a deck called "${clean}" already exists.`);
      if (isWithin(clean, d.title) && !sameTitlePath(clean, d.title)) throw new AppError('bad-request', '"title": a deck cannot be put under itself.');
      const depth = titlePath(d.title).length;
      for (const child of [...data.decks.values()]) {
        if (child.id !== deckId && isWithin(child.title, d.title)) data.decks.set(child.id, { ...child, title: joinTitle([...titlePath(clean), ...titlePath(child.title).slice(depth)]) });
      }
      data.decks.set(deckId, { ...d, title: clean });
      ensureParents(clean);
      lastSearch = null;
      store.changed();
      return summaryOf(deckId);
    },

    /** Deletes a deck, the decks under it and all their cards; `undoDelete` brings them back. */
    deleteDeck({ deckId }: { deckId: string }): DeleteResult {
      const d = deck(deckId);
      const decks = [...data.decks.values()].filter((x) => isWithin(x.title, d.title));
      const notes = decks.flatMap((x) => [...store.notesOf(x.id).values()]);
      for (const x of decks) {
        data.decks.delete(x.id);
        extraNew.delete(x.id);
      }
      const removed = removeNotes(notes, decks);
      for (const x of decks) deckCardIds.delete(x.id);
      return deletionResult(removed, 'Deleted');
    },

    /** Brings back the last deletion: its decks, notes and cards, each card with its memory. */
    undoDelete(): DeleteResult {
      const last = deletions.pop();
      if (!last) throw new AppError('not-found', 'There is no deletion to undo.');
      for (const d of last.decks) data.decks.set(d.id, d);
      const byDeck = new Map<string, Note[]>();
      for (const note of last.notes) {
        if (!data.decks.has(note.deckId)) continue;
        groupInto(byDeck, note.deckId, note);
      }
      for (const [deckId, notes] of byDeck) putNotes(deckId, notes);
      for (const card of last.cards) if (data.decks.has(card.deckId)) data.cards.set(card.id, card);
      store.changed();
      return deletionResult(last, 'Restored');
    },

    /** The card browser's search: a page of rows and how many cards match. */
    searchCards(args: SearchArgs): SearchResult {
      const now = clock();
      const { offset, limit, allIds, ...search } = args;
      if (search.deckId) deck(search.deckId);
      const key = JSON.stringify(search);
      // Scrolling asks for later pages of the same search; the first page always searches afresh.
      if (offset === 0 || lastSearch?.key !== key) {
        const ancestor = search.deckId ? data.decks.get(search.deckId)!.title : null;
        const deckIds = ancestor === null ? null : new Set([...data.decks.values()].filter((d) => isWithin(d.title, ancestor)).map((d) => d.id));
        // Cards come grouped by deck, so the deck's notes are looked up once a run, not once a card.
        let notesDeck = '';
        let notes: ReadonlyMap<string, Note> | undefined;
        const noteOfCard = (card: Card): Note | undefined => {
          if (card.deckId !== notesDeck) {
            notesDeck = card.deckId;
            notes = data.decks.has(notesDeck) ? store.notesOf(notesDeck) : undefined;
          }
          return notes?.get(card.noteId);
        };
        const cards = deckIds ? [...deckIds].flatMap((id) => data.cards.ofDeck(id)) : data.cards.values();
        const found = searchCards(cards, { query: search.query, deckIds, tag: search.tag ?? null, state: search.state ?? null, sort: search.sort, descending: search.descending }, { now, rolloverHour: data.settings.rolloverHour, noteOf: noteOfCard });
        lastSearch = { key, ids: found.map((c) => c.id) };
      }
      const ids = lastSearch!.ids;
      const rows: BrowserRow[] = [];
      for (const id of ids.slice(offset, offset + Math.min(limit, MAX_BROWSER_ROWS))) {
        const card = data.cards.get(id);
        const note = card && store.notesOf(card.deckId).get(card.noteId);
        if (card && note) rows.push(browserRow(card, note, now));
      }
      return { total: ids.length, offset, rows, ...(allIds ? { allIds: [...ids] } : {}) };
    },

    /** One change to many cards from the browser. Changes to card state go through the review log, so replay stays exact. */
    updateCards(args: UpdateCardsArgs): UpdateCardsResult {
      const cards = liveCards(args.cardIds);
      const now = clock();
      lastSearch = null;
      const logged = (kind: 'suspend' | 'unsuspend' | 'bury' | 'reset', change: (c: Card) => Card | null): number => {
        const after = cards.map(change).filter((c): c is Card => c !== null);
        store.appendReviews(after.map((card) => ({ cardId: card.id, rating: 0, reviewedAt: now, durationMs: 0, card, kind })));
        return after.length;
      };
      switch (args.action) {
        case 'suspend': {
          const n = logged('suspend', (c) => (c.suspended ? null : { ...c, suspended: true, updatedAt: now }));
          return { changed: n, message: `Suspended ${plural(n, 'card')}.`, undoable: false };
        }
        case 'unsuspend': {
          const n = logged('unsuspend', (c) => (c.suspended || (c.buriedUntil !== null && c.buriedUntil > now) ? { ...c, suspended: false, buriedUntil: null, updatedAt: now } : null));
          return { changed: n, message: `Unsuspended ${plural(n, 'card')}.`, undoable: false };
        }
        case 'bury': {
          const until = nextDayStart(now, data.settings.rolloverHour);
          const n = logged('bury', (c) => (c.suspended ? null : { ...c, buriedUntil: until, updatedAt: now }));
          return { changed: n, message: `Buried ${plural(n, 'card')} until tomorrow.`, undoable: false };
        }
        case 'reset': {
          const n = logged('reset', (c) => ({ ...c, memory: newMemory(now), introducedAt: null, buriedUntil: null, updatedAt: now }));
          return { changed: n, message: `Reset ${plural(n, 'card')} to new; their review history stays in the log.`, undoable: false };
        }
        case 'addTag':
        case 'removeTag': {
          const tag = args.tag.trim();
          const changedNotes = notesOfCards(cards)
            .map((n) => (args.action === 'addTag' ? (n.tags.includes(tag) ? null : { ...n, tags: [...n.tags, tag] }) : n.tags.includes(tag) ? { ...n, tags: n.tags.filter((t) => t !== tag) } : null))
            .filter((n): n is Note => n !== null);
          const byDeck = new Map<string, Note[]>();
          for (const n of changedNotes) groupInto(byDeck, n.deckId, n);
          for (const [deckId, notes] of byDeck) putNotes(deckId, notes);
          store.changed();
          const verb = args.action === 'addTag' ? `Tagged ${plural(changedNotes.length, 'note')} "${tag}"` : `Removed the tag "${tag}" from ${plural(changedNotes.length, 'note')}`;
          return { changed: changedNotes.length, message: `${verb}.`, undoable: false };
        }
        case 'move': {
          const target = deck(args.deckId);
          const notes = notesOfCards(cards).filter((n) => n.deckId !== args.deckId);
          for (const n of notes) moveNote(n, args.deckId, now);
          store.changed();
          return { changed: notes.length, message: `Moved ${plural(notes.length, 'note')} to "${target.title}".`, undoable: false };
        }
        case 'delete': {
          const result = deletionResult(removeNotes(notesOfCards(cards)), 'Deleted');
          return { changed: result.notes, message: result.message, undoable: true };
        }
      }
    },

    /** Every tag in the collection, sorted. */
    listTags(): string[] {
      const tags = new Set<string>();
      for (const deckId of data.decks.keys()) for (const note of store.notesOf(deckId).values()) for (const t of note.tags) tags.add(t);
      return [...tags].sort((a, b) => a.localeCompare(b));
    },

    /**
     * Brings a file that has been read into the collection, all of it or nothing: everything is
     * staged first, then applied at once, made durable in the review log and written to disk.
     */
    async importBundle(bundle: ImportBundle, importOptions: ImportOptions = {}): Promise<ImportReport> {
      // One import at a time: each plans its media against what the last one wrote.
      const run = importing.then(() => applyBundle(bundle, importOptions));
      importing = run.catch(() => undefined);
      return run;
    },


    /** Everything the collection holds, for a full JSON backup. */
    collectionContent(): CollectionContent {
      const decks = [...data.decks.values()];
      return {
        decks,
        settings: data.settings,
        notes: decks.flatMap((d) => [...store.notesOf(d.id).values()]),
        cards: [...data.cards.values()],
        history: store.allEntries(),
        media: listMediaFiles(store.dir),
      };
    },

    /** What the apkg and CSV exporters write: one deck and the decks under it, or everything. */
    exportInput(deckId?: string): ExportInput {
      const deckIds = deckId ? subtreeOf(deck(deckId).id) : [...data.decks.keys()];
      const notes = deckIds.flatMap((d) => [...store.notesOf(d).values()]);
      const noteIds = new Set(notes.map((n) => n.id));
      const cards = deckIds.flatMap((d) => data.cards.ofDeck(d)).filter((c) => noteIds.has(c.noteId));
      const cardIds = new Set(cards.map((c) => c.id));
      const reviews: ExportReview[] = store
        .allEntries()
        .filter((e) => cardIds.has(e.cardId))
        .map((e) => ({ id: e.id, cardId: e.cardId, ...(e.kind ? { kind: e.kind } : {}), ...(e.undoes ? { undoes: e.undoes } : {}), rating: e.rating, reviewedAt: e.reviewedAt, durationMs: e.durationMs, after: { scheduledDays: e.card.scheduledDays, state: e.card.state, stability: e.card.stability, difficulty: e.card.difficulty, due: e.card.due } }));
      const used = new Set(notes.flatMap((n) => mediaNamesIn([n.front, n.back, n.text, n.extra ?? ''].join('\n'))));
      const media = [...used].flatMap((name) => {
        const bytes = existingMediaBytes(store.dir, name);
        return bytes ? [{ name, bytes }] : [];
      });
      return { decks: deckIds.map((id) => ({ id, title: deck(id).title, description: deck(id).description })), notes, cards, reviews, media, now: clock() };
    },

    /**
     * Replaces the whole collection with a full JSON backup. The state replaced is backed up first
     * (with its review log), and shows in Backups.
     */
    async restoreCollection(content: CollectionContent): Promise<void> {
      await writeMediaFiles(store.dir, content.media);
      store.replaceWith({
        decks: content.decks,
        settings: content.settings,
        notes: content.notes,
        cards: content.cards,
        history: content.history.map((e) => ({ id: e.id, cardId: e.cardId, ...(e.kind ? { kind: e.kind } : {}), ...(e.undoes ? { undoes: e.undoes } : {}), rating: e.rating, reviewedAt: e.reviewedAt, durationMs: e.durationMs, card: fromLoggedCard(e.card, e.card.position ?? 0) })),
      });
      deckCardIds.clear();
      undoStack.length = 0;
      deletions.length = 0;
      lastSearch = null;
      if (options.decksDir) notices.push(...loadShippedDecks(options.decksDir));
      await store.flush();
    },

    /** Reads a file the user chose and imports it, all or nothing; a full backup replaces the collection only when asked to. */
    async importFile({ name, data: base64, deck: deckTitleArg, replaceCollection }: ImportFileArgs): Promise<ImportReport> {
      const bytes = Buffer.from(base64, 'base64');
      let read: ReadResult;
      try {
        read = await (await importers()).readImportFile(name, bytes, deckTitleArg ? { deck: deckTitleArg } : {});
      } catch (e) {
        if (e instanceof ImportError) throw new AppError('bad-request', `${e.message}. Nothing was imported.`);
        throw e;
      }
      if (read.kind === 'collection') {
        if (!replaceCollection) throw new AppError('conflict', `${name} is a full Deckhand backup: restoring it replaces your whole collection (which is backed up first).`);
        await this.restoreCollection(read.content);
        return { file: name, decksAdded: read.content.decks.map((d) => d.title), notesAdded: read.content.notes.length, notesUpdated: 0, notesUnchanged: 0, cardsAdded: read.content.cards.length, cardsUpdated: 0, reviewsAdded: read.content.history.filter((e) => !e.kind && e.rating > 0).length, mediaAdded: read.content.media.length, skipped: [], notices: [], restored: true };
      }
      return this.importBundle(read.bundle, deckTitleArg ? { deck: deckTitleArg } : {});
    },

    /** Reads a folder of notes the learner chose and imports it, all or nothing. */
    async importFolder({ name, files, deck: deckTitleArg }: ImportFolderArgs): Promise<ImportReport> {
      let bundle: ImportBundle;
      try {
        bundle = (await folders()).readNotesFolder(name, files, deckTitleArg ? { deck: deckTitleArg } : {});
      } catch (e) {
        if (e instanceof ImportError) throw new AppError('bad-request', `${e.message}. Nothing was imported.`);
        throw e;
      }
      return this.importBundle(bundle, {});
    },

    /** A file to save: the collection or one deck (and the decks under it) as .apkg or CSV, or the whole collection as a JSON backup. */
    async exportFile({ format, deckId, scheduling = true }: { format: ExportFormat; deckId?: string; scheduling?: boolean }): Promise<ExportedFile> {
      const now = clock();
      const stamp = new Date(now).toISOString().slice(0, 10);
      const base = deckId ? deck(deckId).title.replace(/::/g, ' - ').replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'deck' : 'Deckhand collection';
      if (format === 'json') {
        const content = this.collectionContent();
        return { fileName: `${base} ${stamp}.json`, mime: 'application/json', bytes: new TextEncoder().encode(writeCollectionJson(content, now)), summary: `${content.cards.length} cards, ${content.history.length} log entries, ${content.media.length} media files` };
      }
      const { writeApkg, writeCsv } = await exporters();
      const input = this.exportInput(deckId);
      const summary = `${input.notes.length} notes, ${input.cards.length} cards${format === 'apkg' && scheduling ? `, ${input.reviews.filter((r) => !r.kind).length} reviews` : ''}${format === 'apkg' ? `, ${input.media.length} media files` : ''}`;
      if (format === 'csv') return { fileName: `${base} ${stamp}.csv`, mime: 'text/csv', bytes: new TextEncoder().encode(writeCsv(input)), summary };
      return { fileName: `${base} ${stamp}.apkg`, mime: 'application/octet-stream', bytes: await writeApkg(input, { scheduling }), summary };
    },

    /** What `deckhand stats` prints: cards by state, answers in the log, and what is due today. */
    collectionSummary(): CollectionSummary {
      const now = clock();
      const endOfDay = nextDayStart(now, data.settings.rolloverHour);
      const cards = [...data.decks.keys()].flatMap(cardsOf);
      const { total, ...byState } = cardCounts(cards);
      const dueToday = cards.filter((c) => !c.suspended && !isNew(c) && !isSetAside(c, now) && c.memory.due < endOfDay).length;
      const entries = store.allEntries();
      const undone = new Set(entries.flatMap((e) => (e.kind === 'undo' && e.undoes ? [e.undoes] : [])));
      const reviews = entries.filter((e) => !e.kind && e.rating > 0 && !undone.has(e.id)).length;
      return { cards: total, reviews, dueToday, decks: data.decks.size, byState };
    },

    /**
     * The Statistics screen's numbers for a deck and the decks under it, or for every deck. The
     * first call waits for the review log to be read (in pieces, so answers meanwhile go through);
     * after that the history is in memory and kept current.
     */
    async getStats({ deckId }: { deckId?: string }): Promise<Stats> {
      if (deckId !== undefined) deck(deckId);
      const history = await store.answerHistory();
      // The deck may have gone while the log was read.
      const d = deckId === undefined ? null : deck(deckId);
      const deckIds = d ? subtreeOf(d.id) : null;
      const now = clock();
      const { rolloverHour } = data.settings;
      const mask = history.deckMask(deckIds);
      // Each part takes tens of milliseconds at a million answers; between them, answers go first.
      // Cards come straight from the table, deck by deck (the first time, each deck's file is read
      // then): not through cardsOf, which would read every deck's notes only to leave out the
      // rare card whose note a newer deck version dropped.
      const cards: Card[] = [];
      for (const id of deckIds ?? [...data.decks.keys()]) {
        for (const card of data.cards.ofDeck(id)) cards.push(card);
        await answersFirst();
      }
      const calendar = heatmap(history, mask, now, rolloverHour);
      await answersFirst();
      const retention = trueRetention(history, mask, now, rolloverHour);
      await answersFirst();
      const buttons = answerButtons(history, mask, now, rolloverHour);
      await answersFirst();
      const memory = memoryStats(cards, now);
      return { deckId: d?.id ?? null, title: d?.title ?? 'All decks', now, rolloverHour, heatmap: calendar, forecast: forecast(cards, now, rolloverHour), retention, cardCounts: cardCounts(cards), buttons, memory };
    },

    close(): void {
      store.close();
    },
  };
}

export type ExportFormat = 'apkg' | 'csv' | 'json';

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** What it holds, in words. */
  summary: string;
}

export interface CollectionSummary {
  /** Every card with a note, suspended ones included. */
  cards: number;
  /** Answers in the review log, less those taken back by an undo; imported history included. */
  reviews: number;
  /** Learning and review cards due before the study day ends, whatever the daily limits. */
  dueToday: number;
  decks: number;
  byState: { new: number; learning: number; young: number; mature: number; suspended: number };
}

