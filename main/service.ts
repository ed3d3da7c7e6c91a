// The application: everything the UI and the CLI can ask for. It owns the clock and the open
// collection, and composes the pure domain with the store.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { AnswerArgs, AnswerResult, AppInfo, Article, ArticleCard, BackupInfo, DeckSummary, StudyCard, StudyState } from './contract.ts';
import { AppError } from './app-error.ts';
import type { Clock } from './clock.ts';
import { segmentArticle } from './domain/article.ts';
import { isNew, type Card, type Note } from './domain/card.ts';
import { formatInterval } from './domain/interval.ts';
import { cardFaces, cardIdFor, templatesOf } from './domain/notes.ts';
import { buildDayQueue, cardStatus, DEFAULT_LIMITS, nextInQueue, type QueueLimits } from './domain/queue.ts';
import { createScheduler, newMemory, type SchedulerOptions } from './domain/scheduler.ts';
import { dayStart } from './domain/day.ts';
import { DeckFileError, notesOf, readDeckDir, type LoadedDeck } from './formats/deck-file.ts';
import type { CollectionStore } from './store/collection-store.ts';

/** Anki caps the time counted for one answer at 60 s: longer means the learner walked away. */
export const MAX_ANSWER_MS = 60_000;

export interface ServiceOptions {
  store: CollectionStore;
  clock: Clock;
  /** Folder of shipped decks (`<id>/deck.json`), loaded into the collection on start. */
  decksDir?: string;
  scheduler?: Partial<SchedulerOptions>;
  limits?: Partial<QueueLimits>;
  version?: string;
}

export type DeckhandService = ReturnType<typeof createService>;

export function createService(options: ServiceOptions) {
  const { store, clock } = options;
  const { data } = store;
  const scheduler = createScheduler(options.scheduler);
  const limits: QueueLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const notices: string[] = [...store.notices];
  const deckCardIds = new Map<string, string[]>();

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
    const preview = scheduler.preview(card.memory, now);
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
      status: cardStatus(card, now, limits.rolloverHour),
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
            counts: buildDayQueue(cards, now, limits).counts,
            source: d.source,
          };
        });
    },

    nextCard({ deckId }: { deckId: string }): StudyState {
      const d = deck(deckId);
      const now = clock();
      const cards = cardsOf(deckId);
      const queue = buildDayQueue(cards, now, limits);
      const next = nextInQueue(queue, cards, now);
      const today = dayStart(now, limits.rolloverHour);
      return {
        deckId,
        deckTitle: d.title,
        card: next ? studyCard(next, now) : null,
        counts: queue.counts,
        studiedToday: cards.filter((c) => c.memory.lastReview !== null && c.memory.lastReview >= today).length,
      };
    },

    answer({ cardId, rating, shownAt, durationMs }: AnswerArgs): AnswerResult {
      const card = data.cards.get(cardId);
      if (!card || !store.notesOf(card.deckId).has(card.noteId)) throw new AppError('not-found', `There is no card "${cardId}".`);
      const now = clock();
      if (shownAt > now) throw new AppError('bad-request', `"shownAt" is in the future for card "${cardId}".`);
      if (card.updatedAt > shownAt) throw new AppError('conflict', `Card "${cardId}" was answered after it was shown here; its answer was not recorded twice.`);
      const memory = scheduler.answer(card.memory, rating, now);
      const updated: Card = { ...card, memory, introducedAt: card.introducedAt ?? (isNew(card) ? now : null), updatedAt: now };
      store.appendReview({ cardId, rating, reviewedAt: now, durationMs: Math.min(Math.max(0, durationMs), MAX_ANSWER_MS), card: updated });
      return { cardId, rating, due: memory.due, interval: formatInterval(memory.due - now) };
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
        cards[card.id] = { id: card.id, front: cardFaces(note, card).front, status: cardStatus(card, now, limits.rolloverHour), due: isNew(card) ? null : card.memory.due };
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
      // Shipped decks may be newer than the backup: their text comes back, the restored progress stays.
      if (options.decksDir) notices.push(...loadShippedDecks(options.decksDir));
      return backup;
    },

    close(): void {
      store.close();
    },
  };
}

