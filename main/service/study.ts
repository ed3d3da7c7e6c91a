// Studying: the next card of a deck's queue, answers, Undo, bury and suspend, "Study more".
import { AppError } from '../app-error.ts';
import type { AnswerArgs, AnswerResult, CardActionResult, StudyCard, StudyState, UndoResult } from '../contract.ts';
import { cappedAnswerMs } from '../domain/answer-time.ts';
import { isNew, nextVersion, type Card, type Note } from '../domain/card.ts';
import { ankiFaces } from '../domain/anki-card.ts';
import type { Deck } from '../domain/deck.ts';
import { formatInterval } from '../domain/interval.ts';
import { cardFaces } from '../domain/notes.ts';
import { cardStatus, isSetAside, nextInQueue, reviewedWithin } from '../domain/queue.ts';
import { answeredAt } from '../domain/scheduler.ts';
import type { LogKind } from '../domain/review-entry.ts';
import type { CardStep } from '../collection/undo.ts';
import { cardOrThrow, deckOrThrow, noteOfCard, type ServiceContext } from './context.ts';
import type { Queues } from './queues.ts';

const DAY_MS = 86_400_000;

export class Study {
  readonly #ctx: ServiceContext;
  readonly #queues: Queues;
  /** After an undo, the card taken back is shown next, as it was before the answer. */
  #showNext: string | null = null;
  /**
   * "Study more" of forgotten cards: shown once more each, after the day's queue, until answered.
   * Each card is kept with the version it had, so a card that changed since leaves the list
   * whatever the clock did meanwhile.
   */
  readonly #forgotten = new Map<string, Map<string, number>>();

  constructor(ctx: ServiceContext, queues: Queues) {
    this.#ctx = ctx;
    this.#queues = queues;
  }

  nextCard({ deckId }: { deckId: string }): StudyState {
    const { collection } = this.#ctx;
    const d = deckOrThrow(this.#ctx, deckId);
    const now = this.#ctx.clock();
    const { cards, queue } = this.#queues.queueOf(deckId, now, true);
    const pinned = this.#showNext ? collection.card(this.#showNext) : undefined;
    this.#showNext = null;
    const again = this.#forgottenLeft(deckId, now);
    const next = pinned && collection.subtree(deckId).includes(pinned.deckId) && !pinned.suspended ? pinned : (nextInQueue(queue, cards, now) ?? again[0] ?? null);
    const day = this.#queues.dayOf(now);
    return {
      deckId,
      deckTitle: d.title,
      card: next ? this.#studyCard(next, now) : null,
      counts: { ...queue.counts, due: queue.counts.due + again.length },
      studiedToday: cards.filter((c) => reviewedWithin(c, day)).length,
    };
  }

  /**
   * Records an answer. It is refused when the card changed after it was shown (two windows, an
   * undo race): told by the card's version, not by comparing times, so a clock set back (a
   * corrected clock, a restored machine) never makes a card unanswerable. Scheduling starts no
   * earlier than the card's last review, so no interval comes out negative, and the card's new
   * version is past its old one even if the clock went back.
   */
  answer({ cardId, rating, shownAt, durationMs, cardVersion }: AnswerArgs): AnswerResult {
    const card = cardOrThrow(this.#ctx, cardId);
    const now = this.#ctx.clock();
    if (cardVersion !== undefined) {
      if (card.updatedAt !== cardVersion) throw new AppError('conflict', `Card "${cardId}" was answered after it was shown here; its answer was not recorded twice.`);
    } else {
      // Callers that do not echo the version are held to the times, unless the clock went back.
      if (shownAt > now) throw new AppError('bad-request', `"shownAt" is in the future for card "${cardId}".`);
      if (card.updatedAt > shownAt && card.updatedAt <= now) throw new AppError('conflict', `Card "${cardId}" was answered after it was shown here; its answer was not recorded twice.`);
    }
    // The day lived so far takes in this answer, even if the time zone changes before the next card.
    this.#queues.dayOf(now);
    const from = answeredAt(card.memory, now);
    const memory = this.#queues.schedulerOf(card.deckId).answer(card.memory, rating, now);
    const updated: Card = { ...card, memory, introducedAt: card.introducedAt ?? (isNew(card) ? now : null), updatedAt: nextVersion(card, now) };
    const entry = this.#ctx.collection.logChange({ cardId, rating, reviewedAt: now, durationMs: cappedAnswerMs(durationMs), card: updated });
    this.#remember({ kind: 'card', action: 'answer', entryId: entry.id, before: card, after: updated });
    return { cardId, rating, due: memory.due, interval: formatInterval(memory.due - from) };
  }

  /** Takes back the last answer, bury or suspend: the card returns to its state before it and is shown next. */
  undo(): UndoResult {
    const { collection } = this.#ctx;
    const step = collection.undo.take('card');
    if (!step) throw new AppError('not-found', 'There is nothing to undo.');
    const current = collection.card(step.after.id);
    if (!current || current.updatedAt !== step.after.updatedAt) {
      collection.undo.clear();
      throw new AppError('conflict', `Card "${step.after.id}" changed since; the undo history was cleared.`);
    }
    // The state before the step comes back under a new version, so a screen still showing the
    // card as the step left it cannot answer it.
    const restored: Card = { ...step.before, updatedAt: nextVersion(current, this.#ctx.clock()) };
    this.#record('undo', restored, step.entryId);
    this.#showNext = restored.id;
    return { cardId: restored.id, deckId: restored.deckId, undone: step.action };
  }

  /** Hides a card until the next study day. */
  bury({ cardId }: { cardId: string }): CardActionResult {
    const card = cardOrThrow(this.#ctx, cardId);
    const now = this.#ctx.clock();
    const after: Card = { ...card, buriedUntil: this.#queues.dayOf(now).end, updatedAt: nextVersion(card, now) };
    this.#remember({ kind: 'card', action: 'bury', entryId: this.#record('bury', after), before: card, after });
    return { cardId, suspended: after.suspended, buriedUntil: after.buriedUntil };
  }

  /** Hides a card until it is unsuspended. */
  suspend({ cardId }: { cardId: string }): CardActionResult {
    const card = cardOrThrow(this.#ctx, cardId);
    const after: Card = { ...card, suspended: true, updatedAt: nextVersion(card, this.#ctx.clock()) };
    this.#remember({ kind: 'card', action: 'suspend', entryId: this.#record('suspend', after), before: card, after });
    return { cardId, suspended: true, buriedUntil: after.buriedUntil };
  }

  unsuspend({ cardId }: { cardId: string }): CardActionResult {
    const card = cardOrThrow(this.#ctx, cardId);
    const after: Card = { ...card, suspended: false, buriedUntil: null, updatedAt: nextVersion(card, this.#ctx.clock()) };
    this.#record('unsuspend', after);
    return { cardId, suspended: false, buriedUntil: null };
  }

  /** "Study more": lets `newCards` more new cards into today's queue of a deck, and/or cards answered Again lately. */
  studyMore({ deckId, newCards, forgottenDays }: { deckId: string; newCards: number; forgottenDays?: number }): StudyState {
    const { collection } = this.#ctx;
    deckOrThrow(this.#ctx, deckId);
    const now = this.#ctx.clock();
    this.#queues.allowMoreNew(deckId, now, newCards);
    if (forgottenDays) {
      // Answers of Again in the window, less those taken back by an undo.
      const entries = collection.entriesSince(now - forgottenDays * DAY_MS);
      const undone = new Set(entries.flatMap((e) => (e.undoes ? [e.undoes] : [])));
      const decks = new Set(collection.subtree(deckId));
      const cards = entries.filter((e) => !e.kind && e.rating === 1 && !undone.has(e.id)).map((e) => collection.card(e.cardId));
      this.#forgotten.set(deckId, new Map(cards.filter((c): c is Card => c !== undefined && decks.has(c.deckId)).map((c) => [c.id, c.updatedAt])));
    }
    return this.nextCard({ deckId });
  }

  #forgottenLeft(deckId: string, now: number): Card[] {
    const session = this.#forgotten.get(deckId);
    if (!session) return [];
    return [...session].map(([id]) => this.#ctx.collection.card(id)).filter((c): c is Card => c !== undefined && c.updatedAt === session.get(c.id) && !isSetAside(c, now));
  }

  #remember(step: CardStep): void {
    this.#ctx.collection.undo.push(step);
  }

  /** Records a change that is not an answer (bury, suspend, undo…) in the log, so replay stays exact. */
  #record(kind: LogKind, after: Card, undoes?: string): string {
    return this.#ctx.collection.logChange({ cardId: after.id, rating: 0, reviewedAt: after.updatedAt, durationMs: 0, card: after, kind, ...(undoes ? { undoes } : {}) }).id;
  }

  #studyCard(card: Card, now: number): StudyCard {
    const note = noteOfCard(this.#ctx, card);
    const faces = cardFaces(note, card);
    const preview = this.#queues.schedulerOf(card.deckId).preview(card.memory, now);
    const d = this.#ctx.collection.deck(card.deckId);
    // The wait each button names counts from when the answer would count, as `answer` reports it.
    // The day lived so far takes in this answer, even if the time zone changes before the next card.
    this.#queues.dayOf(now);
    const from = answeredAt(card.memory, now);
    const label = (rating: 1 | 2 | 3 | 4) => formatInterval(preview[rating].due - from);
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
      status: cardStatus(card, now, this.#ctx.collection.settings.rolloverHour),
      intervals: { 1: label(1), 2: label(2), 3: label(3), 4: label(4) },
      shownAt: now,
      version: card.updatedAt,
      ...ankiOf(note, card, d),
    };
  }
}

/** An imported Anki note's card through its note type's templates and CSS, when the deck knows the note type. */
function ankiOf(note: Note, card: Card, deck: Deck | undefined): Pick<StudyCard, 'anki'> {
  const faces = ankiFaces(note, card.template, deck);
  return faces ? { anki: { question: faces.question, answer: faces.answer, css: faces.css } } : {};
}
