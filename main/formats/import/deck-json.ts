// Deckhand's own deck file (the shipped decks' format), so a deck written by hand imports like any
// other. Validation is deck-file.ts's, so a hand-written deck fails exactly where a shipped one would.
import { DeckFileError, notesOf, parseDeck } from '../deck-file.ts';
import { ImportError, type BundleNote, type ImportBundle } from '../bundle.ts';
import { cardsOf } from './cards-of.ts';
import { refuseOversizedText } from './text-size.ts';

/** Reads a deck.json text; every problem (file, card, field) is in the ImportError's message. */
export function readDeckJson(file: string, text: string): ImportBundle {
  refuseOversizedText(file, text);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError(file, `is not valid JSON (${(e as Error).message})`);
  }
  let deck;
  try {
    deck = parseDeck(json, file);
  } catch (e) {
    if (!(e instanceof DeckFileError)) throw e;
    // The problems already start with the file's name; ImportError adds it to the first line.
    const lines = e.problems.map((p) => (p.startsWith(`${file}: `) ? p.slice(file.length + 2) : p));
    throw new ImportError(file, lines.join(`\n${file}: `));
  }
  const notes: BundleNote[] = notesOf(deck).map((n) => ({
    key: `deck:${n.id}`,
    deckKey: deck.id,
    type: n.type,
    format: 'markdown',
    front: n.front,
    back: n.back,
    text: n.text,
    extra: n.extra ?? '',
    tags: n.tags,
    addedAt: null,
  }));
  const notices: string[] = [];
  if (deck.source) notices.push(`The deck cites ${deck.source.file}; its quotes were not checked against it and are not imported (run "deckhand check" on the deck folder).`);
  return {
    file,
    format: 'deck-json',
    decks: [{ key: deck.id, title: deck.title, description: deck.description }],
    notes,
    cards: notes.flatMap(cardsOf),
    reviews: [],
    media: [],
    notices,
    skipped: [],
  };
}
