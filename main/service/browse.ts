// The card browser: search, a page of rows at a time, and one change to many cards at once.
import { decodeHTML } from 'entities';
import { AppError } from '../app-error.ts';
import type { BrowserRow, SearchArgs, SearchResult, UpdateCardsArgs, UpdateCardsResult } from '../contract.ts';
import { isNew, nextVersion, type Card, type Note } from '../domain/card.ts';
import { nextDayStart } from '../domain/day.ts';
import { isWithin } from '../domain/deck-tree.ts';
import { cardFaces } from '../domain/notes.ts';
import { cardStatus, isBuried } from '../domain/queue.ts';
import { newMemory } from '../domain/scheduler.ts';
import { searchCards } from '../domain/search.ts';
import { plural } from '../domain/words.ts';
import { deckOrThrow, noteOfCard, type ServiceContext } from './context.ts';
import { deleteUndoably, deletionResult, moveNote } from './note-changes.ts';

/** Rows the browser may ask for at once: more than a screen, far less than a collection. */
export const MAX_BROWSER_ROWS = 500;

export class Browse {
  readonly #ctx: ServiceContext;
  /** The order of the last search, so scrolling through it does not search again; good while the collection is at `version`. */
  #lastSearch: { key: string; version: number; ids: string[] } | null = null;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  /** The card browser's search: a page of rows and how many cards match. */
  searchCards(args: SearchArgs): SearchResult {
    const { collection } = this.#ctx;
    const now = this.#ctx.clock();
    const { offset, limit, allIds, ...search } = args;
    if (search.deckId) deckOrThrow(this.#ctx, search.deckId);
    const key = JSON.stringify(search);
    // The same search while the collection is unchanged (a later page, or the browser opened again)
    // is answered from the last one. Only a filter by state depends on the time as well (a card
    // comes due, a bury ends), so its first page searches afresh.
    let last = this.#lastSearch;
    if ((offset === 0 && search.state) || last?.key !== key || last.version !== collection.version) {
      last = { key, version: collection.version, ids: this.#search(search, now) };
      this.#lastSearch = last;
    }
    const rows: BrowserRow[] = [];
    for (const id of last.ids.slice(offset, offset + Math.min(limit, MAX_BROWSER_ROWS))) {
      const card = collection.card(id);
      const note = card && collection.notesOf(card.deckId).get(card.noteId);
      if (card && note) rows.push(this.#row(card, note, now));
    }
    return { total: last.ids.length, offset, rows, ...(allIds ? { allIds: [...last.ids] } : {}) };
  }

  /** One change to many cards from the browser. Changes to card state go through the review log, so replay stays exact. */
  updateCards(args: UpdateCardsArgs): UpdateCardsResult {
    const cards = this.#liveCards(args.cardIds);
    const now = this.#ctx.clock();
    const logged = (kind: 'suspend' | 'unsuspend' | 'bury' | 'reset', change: (c: Card) => Card | null): number => {
      const after = cards.map(change).filter((c): c is Card => c !== null);
      this.#ctx.collection.logChanges(after.map((card) => ({ cardId: card.id, rating: 0, reviewedAt: now, durationMs: 0, card, kind })));
      return after.length;
    };
    switch (args.action) {
      case 'suspend': {
        const n = logged('suspend', (c) => (c.suspended ? null : { ...c, suspended: true, updatedAt: nextVersion(c, now) }));
        return { changed: n, message: `Suspended ${plural(n, 'card')}.`, undoable: false };
      }
      case 'unsuspend': {
        const n = logged('unsuspend', (c) => (c.suspended || isBuried(c, now) ? { ...c, suspended: false, buriedUntil: null, updatedAt: nextVersion(c, now) } : null));
        return { changed: n, message: `Unsuspended ${plural(n, 'card')}.`, undoable: false };
      }
      case 'bury': {
        const until = nextDayStart(now, this.#ctx.collection.settings.rolloverHour);
        const n = logged('bury', (c) => (c.suspended ? null : { ...c, buriedUntil: until, updatedAt: nextVersion(c, now) }));
        return { changed: n, message: `Buried ${plural(n, 'card')} until tomorrow.`, undoable: false };
      }
      case 'reset': {
        const n = logged('reset', (c) => ({ ...c, memory: newMemory(now), introducedAt: null, buriedUntil: null, updatedAt: nextVersion(c, now) }));
        return { changed: n, message: `Reset ${plural(n, 'card')} to new; their review history stays in the log.`, undoable: false };
      }
      case 'addTag':
      case 'removeTag':
        return this.#retag(cards, args.action, args.tag.trim());
      case 'move': {
        const target = deckOrThrow(this.#ctx, args.deckId);
        const notes = this.#notesOf(cards).filter((n) => n.deckId !== args.deckId);
        for (const n of notes) moveNote(this.#ctx, n, args.deckId, now);
        return { changed: notes.length, message: `Moved ${plural(notes.length, 'note')} to "${target.title}".`, undoable: false };
      }
      case 'delete': {
        const result = deletionResult(deleteUndoably(this.#ctx, this.#notesOf(cards)), 'Deleted');
        return { changed: result.notes, message: result.message, undoable: true };
      }
    }
  }

  /** Every tag in the collection, sorted. */
  listTags(): string[] {
    const { collection } = this.#ctx;
    const tags = new Set<string>();
    for (const deckId of collection.deckIds()) for (const note of collection.notesOf(deckId).values()) for (const t of note.tags) tags.add(t);
    return [...tags].sort((a, b) => a.localeCompare(b));
  }

  #search(search: Omit<SearchArgs, 'offset' | 'limit' | 'allIds'>, now: number): string[] {
    const { collection } = this.#ctx;
    const ancestor = search.deckId ? collection.deck(search.deckId)!.title : null;
    const deckIds = ancestor === null ? null : new Set([...collection.decks()].filter((d) => isWithin(d.title, ancestor)).map((d) => d.id));
    // Cards come grouped by deck, so the deck's notes are looked up once a run, not once a card.
    let notesDeck = '';
    let notes: ReadonlyMap<string, Note> | undefined;
    const noteOfCard = (card: Card): Note | undefined => {
      if (card.deckId !== notesDeck) {
        notesDeck = card.deckId;
        notes = collection.deck(notesDeck) ? collection.notesOf(notesDeck) : undefined;
      }
      return notes?.get(card.noteId);
    };
    const cards = deckIds ? [...deckIds].flatMap((id) => collection.storedCardsOf(id)) : collection.allCards();
    const found = searchCards(cards, { query: search.query, deckIds, tag: search.tag ?? null, state: search.state ?? null, sort: search.sort, descending: search.descending }, { now, rolloverHour: collection.settings.rolloverHour, noteOf: noteOfCard });
    return found.map((c) => c.id);
  }

  #retag(cards: readonly Card[], action: 'addTag' | 'removeTag', tag: string): UpdateCardsResult {
    const changed = this.#notesOf(cards)
      .map((n) => (action === 'addTag' ? (n.tags.includes(tag) ? null : { ...n, tags: [...n.tags, tag] }) : n.tags.includes(tag) ? { ...n, tags: n.tags.filter((t) => t !== tag) } : null))
      .filter((n): n is Note => n !== null);
    const byDeck = new Map<string, Note[]>();
    for (const n of changed) byDeck.set(n.deckId, [...(byDeck.get(n.deckId) ?? []), n]);
    for (const [deckId, notes] of byDeck) this.#ctx.collection.putNotes(deckId, notes);
    const verb = action === 'addTag' ? `Tagged ${plural(changed.length, 'note')} "${tag}"` : `Removed the tag "${tag}" from ${plural(changed.length, 'note')}`;
    return { changed: changed.length, message: `${verb}.`, undoable: false };
  }

  /** The cards of `cardIds` that exist and have a note, each once. */
  #liveCards(cardIds: readonly string[]): Card[] {
    const out = new Map<string, Card>();
    for (const id of cardIds) {
      const card = this.#ctx.collection.liveCard(id);
      if (card) out.set(id, card);
    }
    if (out.size === 0) throw new AppError('not-found', 'None of the selected cards exist any more; search again.');
    return [...out.values()];
  }

  #notesOf(cards: readonly Card[]): Note[] {
    const out = new Map<string, Note>();
    for (const card of cards) out.set(card.noteId, noteOfCard(this.#ctx, card));
    return [...out.values()];
  }

  #row(card: Card, note: Note, now: number): BrowserRow {
    const { collection } = this.#ctx;
    return {
      cardId: card.id,
      noteId: note.id,
      deckId: card.deckId,
      deckTitle: collection.deck(card.deckId)?.title ?? card.deckId,
      type: note.type,
      template: card.template,
      front: oneLine(cardFaces(note, card).front, note.format),
      tags: note.tags,
      status: cardStatus(card, now, collection.settings.rolloverHour),
      suspended: card.suspended,
      buried: isBuried(card, now),
      due: isNew(card) ? null : card.memory.due,
      intervalDays: card.memory.scheduledDays,
      difficulty: card.memory.difficulty,
    };
  }
}

/** The browser shows a card's question as one line of plain text (it is never parsed as HTML there). */
function oneLine(source: string, format: Note['format']): string {
  const plain = format === 'html' ? decodeHTML(source.replace(/<(br|div|p|li)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '')) : source.replace(/[*_`#>]+/g, '');
  const text = plain.replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
