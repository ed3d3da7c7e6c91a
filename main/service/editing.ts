// Editing the collection: notes, decks, and the settings with their presets.
import { AppError } from '../app-error.ts';
import type { DeckSummary, DeleteResult, NoteView, SaveNoteArgs } from '../contract.ts';
import type { Note } from '../domain/card.ts';
import { articleContains } from '../domain/article.ts';
import { clozeOrdinals } from '../domain/cloze.ts';
import { isWithin, joinTitle, sameTitlePath, titlePath } from '../domain/deck-tree.ts';
import { cardIdFor, templatesOf } from '../domain/notes.ts';
import type { Settings } from '../domain/settings.ts';
import { deckOrThrow, noteOrThrow, type ServiceContext } from './context.ts';
import { deckSummary } from './deck-list.ts';
import { deleteUndoably, deletionResult, moveNote, newCard, removeDrafts } from './note-changes.ts';
import type { Queues } from './queues.ts';

export class Editing {
  readonly #ctx: ServiceContext;
  readonly #queues: Queues;

  constructor(ctx: ServiceContext, queues: Queues) {
    this.#ctx = ctx;
    this.#queues = queues;
  }

  getNote({ noteId }: { noteId: string }): NoteView {
    return this.#view(noteOrThrow(this.#ctx, noteId));
  }

  /**
   * Adds a note (no `noteId`) or changes one. Its cards follow its templates: a reversed note has
   * two, a cloze note one per deletion. Cards that stay keep their memory; a changed deck moves it.
   */
  saveNote(args: SaveNoteArgs): NoteView {
    const { collection } = this.#ctx;
    const fields = checkedFields(args);
    const deck = deckOrThrow(this.#ctx, args.deckId);
    const quote = args.quote?.trim() || null;
    if (quote !== null && !(deck.article && articleContains(deck.article, quote))) throw new AppError('bad-request', `"quote" is not a sentence of the article of "${deck.title}".`);
    const now = this.#ctx.clock();
    const before = args.noteId ? noteOrThrow(this.#ctx, args.noteId) : null;
    let note: Note;
    if (before) {
      note = { ...before, ...fields, ...(quote !== null ? { quote } : {}), ...(args.kind ? { kind: args.kind } : {}) };
      // The editor edits the note's sides; once they change, the card shows them, not its Anki template.
      if (note.anki && (['front', 'back', 'text', 'extra'] as const).some((k) => note[k] !== before[k])) delete note.anki;
      const newIds = new Set(templatesOf(note).map((t) => cardIdFor(note.id, t)));
      collection.removeCards(templatesOf(before).map((t) => cardIdFor(before.id, t)).filter((id) => !newIds.has(id)));
      collection.putNotes(note.deckId, [note]);
      if (args.deckId !== before.deckId) note = moveNote(this.#ctx, note, args.deckId, now);
    } else {
      note = { id: collection.freshNoteId(args.deckId), deckId: args.deckId, kind: args.kind ?? 'fact', quote, position: collection.nextPosition(args.deckId), ...fields };
      collection.putNotes(note.deckId, [note]);
    }
    const added = templatesOf(note).filter((t) => !collection.card(cardIdFor(note.id, t)));
    collection.setCards(added.map((t) => newCard(note, t, now)));
    if (args.fromDraft) removeDrafts(this.#ctx, args.deckId, new Set([args.fromDraft]));
    return this.#view(note);
  }

  /** Deletes notes and their cards; `undoDelete` brings them back. */
  deleteNotes({ noteIds }: { noteIds: string[] }): DeleteResult {
    const notes = [...new Set(noteIds)].map((id) => noteOrThrow(this.#ctx, id));
    return deletionResult(deleteUndoably(this.#ctx, notes), 'Deleted');
  }

  /** A new, empty deck; `Parent::Child` makes it (and its parent, when missing) nested. */
  createDeck({ title }: { title: string }): DeckSummary {
    const { collection } = this.#ctx;
    const clean = cleanTitle(title);
    if (collection.deckWithTitle(clean)) throw new AppError('conflict', `"title": a deck called "${clean}" already exists.`);
    this.#ensureParents(clean);
    const record = collection.addDeck(clean);
    return deckSummary(this.#ctx, this.#queues, record.id);
  }

  /** Renames a deck; the decks under it move along (`A::x` becomes `B::x` when `A` becomes `B`). */
  renameDeck({ deckId, title }: { deckId: string; title: string }): DeckSummary {
    const { collection } = this.#ctx;
    const d = deckOrThrow(this.#ctx, deckId);
    const clean = cleanTitle(title);
    const other = collection.deckWithTitle(clean);
    if (other && other.id !== deckId) throw new AppError('conflict', `"title": a deck called "${clean}" already exists.`);
    if (isWithin(clean, d.title) && !sameTitlePath(clean, d.title)) throw new AppError('bad-request', '"title": a deck cannot be put under itself.');
    const depth = titlePath(d.title).length;
    for (const child of [...collection.decks()]) {
      if (child.id !== deckId && isWithin(child.title, d.title)) collection.putDeck({ ...child, title: joinTitle([...titlePath(clean), ...titlePath(child.title).slice(depth)]) });
    }
    collection.putDeck({ ...d, title: clean });
    this.#ensureParents(clean);
    return deckSummary(this.#ctx, this.#queues, deckId);
  }

  /** Deletes a deck, the decks under it and all their cards; `undoDelete` brings them back. */
  deleteDeck({ deckId }: { deckId: string }): DeleteResult {
    const { collection } = this.#ctx;
    const d = deckOrThrow(this.#ctx, deckId);
    const decks = [...collection.decks()].filter((x) => isWithin(x.title, d.title));
    const notes = decks.flatMap((x) => [...collection.notesOf(x.id).values()]);
    return deletionResult(deleteUndoably(this.#ctx, notes, decks), 'Deleted');
  }

  /**
   * Brings back the last deletion: its decks, notes and cards, each card with its memory. A deck
   * whose title another deck has taken since would make two decks of one name, so that is refused.
   */
  undoDelete(): DeleteResult {
    const { collection } = this.#ctx;
    const last = collection.undo.take('delete');
    if (!last) throw new AppError('not-found', 'There is no deletion to undo.');
    const clash = last.decks.find((d) => {
      const other = collection.deckWithTitle(d.title);
      return other !== undefined && other.id !== d.id;
    });
    if (clash) throw new AppError('conflict', `A deck called "${clash.title}" was made since the deletion; rename it first to bring the deleted one back.`);
    for (const d of last.decks) collection.putDeck(d);
    const byDeck = new Map<string, Note[]>();
    for (const note of last.notes) if (collection.deck(note.deckId)) byDeck.set(note.deckId, [...(byDeck.get(note.deckId) ?? []), note]);
    for (const [deckId, notes] of byDeck) collection.putNotes(deckId, notes);
    collection.setCards(last.cards.filter((card) => collection.deck(card.deckId)));
    return deletionResult(last, 'Restored');
  }

  getSettings(): Settings {
    return structuredClone(this.#ctx.collection.settings);
  }

  /** Replaces the settings. Due dates already given stay as they are; new settings apply from each card's next answer. */
  updateSettings(settings: Settings): Settings {
    const ids = new Set(settings.presets.map((p) => p.id));
    if (ids.size !== settings.presets.length) throw new AppError('bad-request', 'Two presets have the same id.');
    for (const d of this.#ctx.collection.decks()) {
      if (d.presetId && !ids.has(d.presetId)) throw new AppError('bad-request', `Deck "${d.title}" uses preset "${d.presetId}", which the new settings remove. Move the deck to another preset first.`);
    }
    this.#ctx.collection.setSettings(settings);
    return this.getSettings();
  }

  setDeckPreset({ deckId, presetId }: { deckId: string; presetId: string }): DeckSummary {
    const d = deckOrThrow(this.#ctx, deckId);
    if (!this.#ctx.collection.settings.presets.some((p) => p.id === presetId)) throw new AppError('not-found', `There is no preset "${presetId}".`);
    this.#ctx.collection.putDeck({ ...d, presetId });
    return deckSummary(this.#ctx, this.#queues, deckId);
  }

  /** Makes the decks a nested title names above itself, as Anki does, so `A::B` always sits under `A`. */
  #ensureParents(title: string): void {
    const parts = titlePath(title);
    for (let n = 1; n < parts.length; n++) {
      const parentTitle = joinTitle(parts.slice(0, n));
      if (!this.#ctx.collection.deckWithTitle(parentTitle)) this.#ctx.collection.addDeck(parentTitle);
    }
  }

  #view(note: Note): NoteView {
    return {
      id: note.id,
      deckId: note.deckId,
      deckTitle: deckOrThrow(this.#ctx, note.deckId).title,
      type: note.type,
      front: note.front,
      back: note.back,
      text: note.text,
      extra: note.extra ?? '',
      tags: [...note.tags],
      cardIds: templatesOf(note).map((t) => cardIdFor(note.id, t)),
    };
  }
}

/** A note's fields as the editor sent them, trimmed; what a note of its type cannot be without is refused. */
function checkedFields(args: SaveNoteArgs): Pick<Note, 'type' | 'front' | 'back' | 'text' | 'extra' | 'tags'> {
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
  const cloze = args.type === 'cloze';
  return { type: args.type, front: cloze ? '' : front, back: cloze ? '' : back, text: cloze ? text : '', extra: args.extra?.trim() || null, tags: [...new Set(args.tags.map((t) => t.trim()).filter(Boolean))] };
}

/** A deck title's path, trimmed; its parts must not be empty. */
function cleanTitle(title: string): string {
  const parts = titlePath(title);
  if (parts.some((p) => p === '')) throw new AppError('bad-request', '"title" has an empty part: write nested decks as Parent::Child.');
  return joinTitle(parts);
}
