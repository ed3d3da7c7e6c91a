// The application: everything the UI and the CLI can ask for. It owns the clock and the open
// collection, and composes the pure domain with the store.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { AnswerArgs, AnswerResult, AppInfo, Article, ArticleCard, BackupInfo, CardActionResult, DeckSummary, StudyCard, StudyState, UndoResult } from './contract.ts';
import { AppError } from './app-error.ts';
import type { Clock } from './clock.ts';
import { segmentArticle } from './domain/article.ts';
import { isNew, type Card, type Note } from './domain/card.ts';
import { formatInterval } from './domain/interval.ts';
import { cardFaces, cardIdFor, templatesOf } from './domain/notes.ts';
import { buildDayQueue, cardStatus, nextInQueue, studiedToday, type DayQueue, type QueueLimits } from './domain/queue.ts';
import { createScheduler, newMemory, type Scheduler, type SchedulerOptions } from './domain/scheduler.ts';
import { dayStart, nextDayStart } from './domain/day.ts';
import { presetFor, type Preset, type Settings } from './domain/settings.ts';
import { DeckFileError, notesOf, readDeckDir, type LoadedDeck } from './formats/deck-file.ts';
import type { CollectionStore } from './store/collection-store.ts';
import type { LogKind } from './store/stored.ts';

/** Anki caps the time counted for one answer at 60 s: longer means the learner walked away. */
export const MAX_ANSWER_MS = 60_000;

/** Collection-wide limits at or above this are no limit. */
export const NO_LIMIT = 9999;

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

  /** The day's queue for a deck, within its preset's limits and what the whole collection still allows. */
  function queueOf(deckId: string, now: number): { cards: Card[]; queue: DayQueue } {
    const cards = cardsOf(deckId);
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

  /** Brings a deck file's notes into the collection; cards keep their memory when their text changes. */
  function syncDeck({ deck, article }: LoadedDeck): void {
    const notes = notesOf(deck);
    const record = {
      id: deck.id,
      title: deck.title,
      description: deck.description,
      version: deck.version,
      source: deck.source ? { author: deck.source.author, publisher: deck.source.publisher, subject: deck.source.subject } : null,
      article,
    };
    const known = store.notesOf(deck.id);
    const sameDeck = JSON.stringify(data.decks.get(deck.id)) === JSON.stringify(record);
    const sameNotes = known.size === notes.length && notes.every((n) => JSON.stringify(known.get(n.id)) === JSON.stringify(n));
    if (!sameDeck) data.decks.set(deck.id, record);
    if (!sameNotes) store.setNotes(deck.id, notes);
    const now = clock();
    let added = false;
    for (const note of notes) {
      for (const template of templatesOf(note)) {
        const id = cardIdFor(note.id, template);
        const card = data.cards.get(id);
        if (!card) {
          data.cards.set(id, { id, noteId: note.id, deckId: deck.id, template, position: note.position, memory: newMemory(now), introducedAt: null, updatedAt: now, suspended: false, buriedUntil: null });
          added = true;
        } else if (card.position !== note.position) {
          data.cards.set(id, { ...card, position: note.position });
          added = true;
        }
      }
    }
    deckCardIds.delete(deck.id);
    if (!sameDeck || added) store.changed();
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
      deckId: card.deckId,
      kind: note.kind,
      type: note.type,
      front: faces.front,
      back: faces.back,
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

  return {
    getAppInfo(): AppInfo {
      return { version: options.version ?? '0.0.0', dataDir: store.dir, now: clock(), notices };
    },

    listDecks(): DeckSummary[] {
      const now = clock();
      return [...data.decks.values()]
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((d) => {
          const cards = cardsOf(d.id);
          return {
            id: d.id,
            title: d.title,
            description: d.description,
            cardCount: cards.length,
            counts: queueOf(d.id, now).queue.counts,
            source: d.source,
          };
        });
    },

    nextCard({ deckId }: { deckId: string }): StudyState {
      const d = deck(deckId);
      const now = clock();
      const { cards, queue } = queueOf(deckId, now);
      const pinned = showNext ? data.cards.get(showNext) : undefined;
      showNext = null;
      const next = pinned && pinned.deckId === deckId && !pinned.suspended ? pinned : nextInQueue(queue, cards, now);
      const today = dayStart(now, data.settings.rolloverHour);
      return {
        deckId,
        deckTitle: d.title,
        card: next ? studyCard(next, now) : null,
        counts: queue.counts,
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
      const entry = store.appendReview({ cardId, rating, reviewedAt: now, durationMs: Math.min(Math.max(0, durationMs), MAX_ANSWER_MS), card: updated });
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
    studyMore({ deckId, newCards }: { deckId: string; newCards: number }): StudyState {
      deck(deckId);
      const today = dayStart(clock(), data.settings.rolloverHour);
      const current = extraNew.get(deckId);
      extraNew.set(deckId, { day: today, count: (current?.day === today ? current.count : 0) + newCards });
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

    close(): void {
      store.close();
    },
  };
}

