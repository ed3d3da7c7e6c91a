// What `deckhand check DECK_DIR_OR_FILE` reports: every problem of a deck file, or of each deck in a
// folder of decks, as "file: card "id": "field" what is wrong". An empty list means the deck is good.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { articleContains } from '../domain/article.ts';
import { DeckFileError, parseDeck, readDeckDir } from './deck-file.ts';

/**
 * Checks `<dir>/deck.json` (and the source text it cites), a deck.json file, or a folder of deck
 * folders (`decks/`). File names in the problems are relative to `displayRoot`.
 */
export function checkDeck(pathOrDir: string, displayRoot?: string): string[] {
  const target = path.resolve(pathOrDir);
  if (!existsSync(target)) return [`${pathOrDir}: does not exist`];
  if (!statSync(target).isDirectory()) {
    if (path.basename(target) !== 'deck.json') return checkLooseFile(target, pathOrDir);
    return checkDir(path.dirname(target), displayRoot ?? path.dirname(path.dirname(target)));
  }
  if (existsSync(path.join(target, 'deck.json'))) return checkDir(target, displayRoot ?? path.dirname(target));
  const decks = readdirSync(target, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(target, e.name, 'deck.json')))
    .map((e) => e.name)
    .sort();
  if (!decks.length) return [`${pathOrDir}: has no deck.json, and no folder in it has one`];
  return decks.flatMap((name) => checkDir(path.join(target, name), displayRoot ?? target));
}

function checkDir(dir: string, displayRoot: string): string[] {
  try {
    readDeckDir(dir, displayRoot);
    return [];
  } catch (e) {
    if (e instanceof DeckFileError) return e.problems;
    throw e;
  }
}

/** A deck file under another name than deck.json (one written by hand to import): the same checks. */
function checkLooseFile(file: string, shown: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return [`${shown}: is not valid JSON (${(e as Error).message})`];
  }
  try {
    const deck = parseDeck(json, shown);
    if (!deck.source) return [];
    const source = path.join(path.dirname(file), deck.source.file);
    if (!existsSync(source)) return [`${shown}: "source.file" names ${deck.source.file}, which is not beside the deck file`];
    const article = readFileSync(source, 'utf8');
    return deck.cards.filter((c) => c.quote !== undefined && !articleContains(article, c.quote)).map((c) => `${shown}: card "${c.id}": "quote" does not occur in ${deck.source!.file}`);
  } catch (e) {
    if (e instanceof DeckFileError) return e.problems;
    throw e;
  }
}
