// What every feature module of the service shares: the collection, the clock, the notices for the
// user, and the lookups that turn an unknown id into an error the user can read.
import { AppError } from '../app-error.ts';
import type { Clock } from '../clock.ts';
import type { Collection } from '../collection/collection.ts';
import type { Card, Note } from '../domain/card.ts';
import type { Deck } from '../domain/deck.ts';

export interface ServiceContext {
  readonly collection: Collection;
  readonly clock: Clock;
  /** What the user should read on the next start screen: damaged files, decks that did not load. */
  readonly notices: string[];
  /** Fuzz is on in the app, off in tests. */
  readonly fuzz: boolean;
  /** Folder of shipped decks (`<id>/deck.json`), loaded into the collection on start. */
  readonly decksDir: string | undefined;
  readonly version: string;
}

export function deckOrThrow(ctx: ServiceContext, deckId: string): Deck {
  const d = ctx.collection.deck(deckId);
  if (!d) throw new AppError('not-found', `There is no deck "${deckId}".`);
  return d;
}

/** A card that exists and still has its note. */
export function cardOrThrow(ctx: ServiceContext, cardId: string): Card {
  const card = ctx.collection.liveCard(cardId);
  if (!card) throw new AppError('not-found', `There is no card "${cardId}".`);
  return card;
}

export function noteOrThrow(ctx: ServiceContext, noteId: string): Note {
  const note = ctx.collection.note(noteId);
  if (!note) throw new AppError('not-found', `There is no note "${noteId}".`);
  return note;
}

export function noteOfCard(ctx: ServiceContext, card: Card): Note {
  const note = ctx.collection.notesOf(card.deckId).get(card.noteId);
  if (!note) throw new AppError('not-found', `Card "${card.id}" belongs to no note.`);
  return note;
}
