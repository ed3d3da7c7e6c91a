// Changes to notes that both the editor and the browser make: moving a note to another deck and
// deleting notes so that Undo can bring them back.
import type { DeleteResult } from '../contract.ts';
import { nextVersion, type Card, type Note } from '../domain/card.ts';
import { cardIdFor } from '../domain/notes.ts';
import { newMemory } from '../domain/scheduler.ts';
import { plural } from '../domain/words.ts';
import type { DeletionStep } from '../collection/undo.ts';
import type { Deck } from '../domain/deck.ts';
import type { ServiceContext } from './context.ts';

export function newCard(note: Note, template: string, now: number): Card {
  return { id: cardIdFor(note.id, template), noteId: note.id, deckId: note.deckId, template, position: note.position, memory: newMemory(now), introducedAt: null, updatedAt: now, suspended: false, buriedUntil: null, addedAt: now };
}

/** Moves a note to another deck: it gets an id there, its cards keep their memory under the new ids. */
export function moveNote(ctx: ServiceContext, note: Note, toDeckId: string, now: number): Note {
  const { collection } = ctx;
  const target = collection.notesOf(toDeckId);
  const local = note.id.slice(note.id.indexOf('/') + 1);
  let id = `${toDeckId}/${local}`;
  for (let i = 2; target.has(id); i++) id = `${toDeckId}/${local}-${i}`;
  const moved: Note = { ...note, id, deckId: toDeckId, position: collection.nextPosition(toDeckId) };
  const before = collection.cardsOfNote(note);
  const after = before.map((card) => ({ ...card, id: cardIdFor(id, card.template), noteId: id, deckId: toDeckId, position: moved.position, updatedAt: nextVersion(card, now) }));
  collection.removeCards(before.map((c) => c.id));
  collection.putNotes(note.deckId, [], new Set([note.id]));
  collection.putNotes(toDeckId, [moved]);
  collection.logChanges(after.map((card) => ({ cardId: card.id, rating: 0, reviewedAt: now, durationMs: 0, card, kind: 'edit' as const })));
  return moved;
}

/** Removes notes (and the decks given, whose notes they are) with their cards, so that `undoDelete` can bring them back. */
export function deleteUndoably(ctx: ServiceContext, notes: readonly Note[], decks: Deck[] = []): DeletionStep {
  const { collection } = ctx;
  if (decks.length) collection.removeDecks(decks.map((d) => d.id));
  const removed = collection.removeNotes(notes);
  const step: DeletionStep = { kind: 'delete', ...removed, decks };
  collection.undo.push(step);
  return step;
}

export function deletionResult(d: Pick<DeletionStep, 'notes' | 'cards' | 'decks'>, verb: string): DeleteResult {
  const parts = [d.decks.length ? plural(d.decks.length, 'deck') : '', plural(d.notes.length, 'note'), plural(d.cards.length, 'card')].filter(Boolean);
  return { notes: d.notes.length, cards: d.cards.length, decks: d.decks.length, message: `${verb} ${parts.join(', ')}.` };
}

/** Takes drafts out of a deck's inbox (accepted or rejected); returns how many were there. */
export function removeDrafts(ctx: ServiceContext, deckId: string, ids: ReadonlySet<string>): number {
  const deck = ctx.collection.deck(deckId);
  const drafts = deck?.drafts ?? [];
  const kept = drafts.filter((d) => !ids.has(d.id));
  if (deck && kept.length !== drafts.length) ctx.collection.putDeck({ ...deck, drafts: kept });
  return drafts.length - kept.length;
}
