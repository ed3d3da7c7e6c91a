// Reading and checking deck files. Every problem is reported with the file, the card id and the
// field, so a deck author can fix it without guessing.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { articleContains } from '../domain/article.ts';
import type { Note } from '../domain/card.ts';
import { deckCardSchema, deckFileSchema, type DeckCard, type DeckFile } from './deck-schema.ts';

export class DeckFileError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DeckFileError';
    this.problems = problems;
  }
}

export interface LoadedDeck {
  deck: DeckFile;
  /** The text the deck was made from, when its `source.file` names one. */
  article: string | null;
  file: string;
}

/** Reads `<dir>/deck.json` and the source text beside it; throws DeckFileError listing every problem. */
export function readDeckDir(dir: string, displayRoot = path.dirname(dir)): LoadedDeck {
  const file = path.join(dir, 'deck.json');
  const shown = path.relative(displayRoot, file) || file;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DeckFileError([`${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new DeckFileError([`${shown}: is not valid JSON (${(e as Error).message})`]);
  }
  const deck = parseDeck(json, shown);
  let article: string | null = null;
  if (deck.source) {
    const sourceFile = path.join(dir, deck.source.file);
    if (!existsSync(sourceFile)) throw new DeckFileError([`${shown}: "source.file" names ${deck.source.file}, which is not in the deck folder`]);
    article = readFileSync(sourceFile, 'utf8');
    const missing = deck.cards
      .filter((c) => c.quote !== undefined && !articleContains(article!, c.quote))
      .map((c) => `${shown}: card "${c.id}": "quote" does not occur in ${deck.source!.file}`);
    if (missing.length) throw new DeckFileError(missing);
  }
  return { deck, article, file };
}

/** Validates a parsed deck file; `shown` is the name used in messages. */
export function parseDeck(json: unknown, shown: string): DeckFile {
  const top = deckFileSchema.safeParse(json);
  if (!top.success) throw new DeckFileError(top.error.issues.map((i) => `${shown}: ${describe(i)}`));
  const problems: string[] = [];
  const cards: DeckCard[] = [];
  const seen = new Set<string>();
  top.data.cards.forEach((rawCard, index) => {
    const id = typeof (rawCard as { id?: unknown })?.id === 'string' ? (rawCard as { id: string }).id : null;
    const name = id ? `card "${id}"` : `card #${index + 1}`;
    const card = deckCardSchema.safeParse(rawCard);
    if (!card.success) {
      for (const issue of card.error.issues) problems.push(`${shown}: ${name}: ${describe(issue)}`);
      return;
    }
    if (seen.has(card.data.id)) problems.push(`${shown}: ${name}: "id" is used by another card`);
    seen.add(card.data.id);
    if (top.data.source && card.data.quote === undefined) problems.push(`${shown}: ${name}: "quote" is missing (every card of a deck with a source cites it)`);
    cards.push(card.data);
  });
  if (problems.length) throw new DeckFileError(problems);
  return { ...top.data, cards };
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length > 1 ? 'are not fields' : 'is not a field'} of this format`;
  return field ? `"${field}" ${issue.message}` : issue.message;
}

/** The collection's notes for a deck, in file order. */
export function notesOf(deck: DeckFile): Note[] {
  return deck.cards.map((c, position) => ({
    id: `${deck.id}/${c.id}`,
    deckId: deck.id,
    kind: c.kind,
    type: c.type,
    front: c.type === 'cloze' ? '' : c.front,
    back: c.type === 'cloze' ? '' : c.back,
    text: c.type === 'cloze' ? c.text : '',
    extra: c.extra ?? null,
    tags: c.tags,
    quote: c.quote ?? null,
    position,
  }));
}
