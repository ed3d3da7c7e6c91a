import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckFileError, notesOf, parseDeck, readDeckDir } from '../../../main/formats/deck-file.ts';
import { deckJsonSchema } from '../../../main/formats/deck-schema.ts';
import { tempDir } from '../temp-dir.ts';

const valid = () => ({
  id: 'summits',
  version: 1,
  title: 'Summits',
  cards: [
    { id: 'summit-date', kind: 'fact', type: 'basic', front: 'When?', back: 'October 26' },
    { id: 'thaad', kind: 'fact', type: 'reversed', front: 'THAAD', back: 'A missile defence system', tags: ['terms'] },
    { id: 'five', kind: 'argument', type: 'cloze', text: '{{c1::Stability}} before {{c2::denuclearization}}' },
  ],
});

function problems(json: unknown): string[] {
  try {
    parseDeck(json, 'decks/summits/deck.json');
  } catch (e) {
    if (e instanceof DeckFileError) return e.problems;
    throw e;
  }
  return [];
}

describe('deck file validation', () => {
  it('accepts a valid deck and makes one note per card, in order', () => {
    const deck = parseDeck(valid(), 'deck.json');
    expect(notesOf(deck).map((n) => [n.id, n.type, n.position])).toEqual([
      ['summits/summit-date', 'basic', 0],
      ['summits/thaad', 'reversed', 1],
      ['summits/five', 'cloze', 2],
    ]);
  });

  it('names the file, the card and the field of an empty front', () => {
    const d = valid();
    d.cards[0]!.front = '  ';
    expect(problems(d)).toEqual(['decks/summits/deck.json: card "summit-date": "front" is empty']);
  });

  it('names a missing field, a wrong type and a misspelt field', () => {
    const d = valid() as { cards: Record<string, unknown>[] };
    delete d.cards[0]!.back;
    d.cards[1]!.type = 'flip';
    d.cards[2]!.fornt = 'x';
    d.cards[0]!.front = 42;
    expect(problems(d)).toEqual([
      'decks/summits/deck.json: card "summit-date": "front" must be text',
      'decks/summits/deck.json: card "summit-date": "back" is missing',
      'decks/summits/deck.json: card "thaad": "type" must be "basic", "reversed" or "cloze"',
      'decks/summits/deck.json: card "five": "fornt" is not a field of this format',
    ]);
  });

  it('reports a duplicate id and a cloze without deletions', () => {
    const d = valid();
    d.cards[1]!.id = 'summit-date';
    (d.cards[2] as { text: string }).text = 'no deletion here';
    expect(problems(d)).toEqual([
      'decks/summits/deck.json: card "summit-date": "id" is used by another card',
      'decks/summits/deck.json: card "five": "text" has no cloze deletion like {{c1::answer}}',
    ]);
  });

  it('reports deck-level problems and cards without an id by position', () => {
    expect(problems({ ...valid(), title: '', cards: [{ kind: 'fact', type: 'basic', front: 'a', back: 'b' }] })).toEqual([
      'decks/summits/deck.json: "title" is empty',
    ]);
    expect(problems({ ...valid(), cards: [{ kind: 'fact', type: 'basic', front: 'a', back: 'b' }] })).toEqual([
      'decks/summits/deck.json: card #1: "id" is missing',
    ]);
    expect(problems([])).toEqual(['decks/summits/deck.json: must be a JSON object with "id", "version", "title" and "cards"']);
  });

  it('checks every quote against the source text beside the deck', () => {
    const dir = path.join(tempDir('deck-'), 'summits');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'article.txt'), 'Abe met Xi in Beijing.\nThey discussed North Korea.\n');
    const d = { ...valid(), source: { author: 'A', publisher: 'P', subject: 'S', file: 'article.txt' }, cards: valid().cards.map((c) => ({ ...c, quote: 'Abe met Xi in   Beijing.' })) };
    d.cards[2]!.quote = 'They discussed South Korea.';
    writeFileSync(path.join(dir, 'deck.json'), JSON.stringify(d));
    expect(() => readDeckDir(dir)).toThrow('summits/deck.json: card "five": "quote" does not occur in article.txt');
  });

  it('says so when the file is not JSON', () => {
    const dir = tempDir('deck-');
    writeFileSync(path.join(dir, 'deck.json'), '{ "id": ');
    expect(() => readDeckDir(dir)).toThrow(/deck\.json: is not valid JSON/);
  });
});

describe('decks/schema.json', () => {
  it('is the JSON Schema generated from the code (run `npm run schema` after changing the format)', () => {
    const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../decks/schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(deckJsonSchema())));
  });
});
