// The decks that ship with the app (`decks/<id>/deck.json`), brought into the collection on start
// and after a restore, updating in place so that every card keeps its memory.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Card, Note } from '../domain/card.ts';
import { cardIdFor, templatesOf } from '../domain/notes.ts';
import { DeckFileError, notesOf, readDeckDir, type LoadedDeck } from '../formats/deck-file.ts';
import type { Deck } from '../domain/deck.ts';
import type { ServiceContext } from './context.ts';
import { newCard } from './note-changes.ts';

/**
 * Notes made in the app get ids a deck file can never use (its ids are lowercase words joined by
 * hyphens; these hold a dot), so a shipped deck's update can tell them from its own.
 */
const LOCAL_NOTE = /\/n\.[0-9a-z]+$/;
export const isLocalNoteId = (noteId: string): boolean => LOCAL_NOTE.test(noteId);

/** Loads every deck folder of `ctx.decksDir`; returns the problems of those that could not be loaded. */
export function loadShippedDecks(ctx: ServiceContext): string[] {
  const dir = ctx.decksDir;
  if (dir === undefined) return [];
  if (!existsSync(dir)) return [`The shipped decks folder ${dir} is missing.`];
  const problems: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    try {
      syncDeck(ctx, readDeckDir(path.join(dir, entry.name), path.dirname(dir)));
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
function syncDeck(ctx: ServiceContext, { deck, article }: LoadedDeck): void {
  const { collection } = ctx;
  const stored = collection.deck(deck.id);
  const known = collection.notesOf(deck.id);
  if (stored && deck.version <= stored.version && known.size > 0) return;
  const shipped = notesOf(deck);
  const shippedIds = new Set(shipped.map((n) => n.id));
  const local = [...known.values()].filter((n) => isLocalNoteId(n.id) && !shippedIds.has(n.id)).sort((a, b) => a.position - b.position);
  const notes: Note[] = [...shipped, ...local.map((n, i) => ({ ...n, position: shipped.length + i }))];
  const record: Deck = {
    id: deck.id,
    title: stored?.title ?? deck.title,
    description: deck.description,
    version: deck.version,
    source: deck.source ? { author: deck.source.author, publisher: deck.source.publisher, subject: deck.source.subject } : null,
    article,
    ...(stored?.presetId ? { presetId: stored.presetId } : {}),
  };
  collection.putDeck(record);
  collection.setDeckNotes(deck.id, notes);
  const now = ctx.clock();
  const changed: Card[] = [];
  for (const note of notes) {
    for (const template of templatesOf(note)) {
      const card = collection.card(cardIdFor(note.id, template));
      if (!card) changed.push(newCard(note, template, now));
      else if (card.position !== note.position) changed.push({ ...card, position: note.position });
    }
  }
  collection.setCards(changed);
}
