import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../main/formats/bundle.ts';
import { checkDeck } from '../../../main/formats/deck-check.ts';
import { readDeckJson } from '../../../main/formats/import/deck-json.ts';
import { tempDir } from '../temp-dir.ts';

const DECKS = path.resolve(import.meta.dirname, '../../../decks');

const handWritten = () => ({
  id: 'summits',
  version: 1,
  title: 'Summits',
  description: 'Who met whom',
  cards: [
    { id: 'summit-date', kind: 'fact', type: 'basic', front: 'When?', back: 'October 26', extra: 'In Beijing' },
    { id: 'thaad', kind: 'fact', type: 'reversed', front: 'THAAD', back: 'A missile defence system', tags: ['terms'] },
    { id: 'five', kind: 'argument', type: 'cloze', text: '{{c1::Stability}} before {{c2::denuclearization}}' },
  ],
});

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('readDeckJson', () => {
  it('reads a hand-written deck: one deck, its notes keyed deck:<deck>/<card>, the cards each note makes', () => {
    const b = readDeckJson('summits.json', JSON.stringify(handWritten()));
    expect(b.format).toBe('deck-json');
    expect(b.decks).toEqual([{ key: 'summits', title: 'Summits', description: 'Who met whom' }]);
    expect(b.notes.map((n) => [n.key, n.type, n.front, n.back, n.text, n.extra, n.tags])).toEqual([
      ['deck:summits/summit-date', 'basic', 'When?', 'October 26', '', 'In Beijing', []],
      ['deck:summits/thaad', 'reversed', 'THAAD', 'A missile defence system', '', '', ['terms']],
      ['deck:summits/five', 'cloze', '', '', '{{c1::Stability}} before {{c2::denuclearization}}', '', []],
    ]);
    expect(b.cards.map((c) => c.key)).toEqual([
      'deck:summits/summit-date:front',
      'deck:summits/thaad:front',
      'deck:summits/thaad:reverse',
      'deck:summits/five:c1',
      'deck:summits/five:c2',
    ]);
  });

  it('reads the shipped deck like any other', () => {
    const text = readFileSync(path.join(DECKS, 'china-north-korea', 'deck.json'), 'utf8');
    const shipped = JSON.parse(text) as { id: string; cards: unknown[] };
    const b = readDeckJson('deck.json', text);
    expect(b.notes).toHaveLength(shipped.cards.length);
    expect(b.decks[0]!.key).toBe(shipped.id);
    expect(b.notices[0]).toContain('deckhand check');
  });

  it('names the file, the card and the field of every problem, exactly as the shipped decks are checked', () => {
    const d = handWritten() as { cards: Record<string, unknown>[] };
    d.cards[0]!.front = ' ';
    delete d.cards[1]!.back;
    expect(importError(() => readDeckJson('my-deck.json', JSON.stringify(d))).message).toBe(
      'my-deck.json: card "summit-date": "front" is empty\nmy-deck.json: card "thaad": "back" is missing',
    );
    expect(importError(() => readDeckJson('my-deck.json', '{"id": ')).message).toMatch(/^my-deck\.json: is not valid JSON/);
  });

  it('fuzzed input: a bundle or an ImportError, nothing else', () => {
    const card = fc.record(
      { id: fc.constantFrom('a', 'b', 'Bad Id', ''), kind: fc.constantFrom('fact', 'argument', 'x'), type: fc.constantFrom('basic', 'reversed', 'cloze', 'y'), front: fc.string(), back: fc.string(), text: fc.constantFrom('{{c1::x}}', 'none'), tags: fc.array(fc.constantFrom('t', 'T T')) },
      { requiredKeys: [] },
    );
    const deck = fc.record({ id: fc.constantFrom('d', ''), version: fc.constantFrom(1, 0, 'one'), title: fc.string(), cards: fc.array(card, { maxLength: 5 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(deck.map((d) => JSON.stringify(d)), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        try {
          readDeckJson('x.json', text);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          expect(e.message.startsWith('x.json: ')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkDeck (deckhand check)', () => {
  const scratch = () => tempDir('deck-check-');

  it('finds no problem in the shipped decks, by folder, by file, or the whole decks/ folder', () => {
    expect(checkDeck(path.join(DECKS, 'china-north-korea'))).toEqual([]);
    expect(checkDeck(path.join(DECKS, 'china-north-korea', 'deck.json'))).toEqual([]);
    expect(checkDeck(DECKS)).toEqual([]);
  });

  it('lists every problem with file, card and field, including a quote missing from the source text', () => {
    const root = scratch();
    const dir = path.join(root, 'summits');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'article.txt'), 'Abe met Xi in Beijing.\n');
    const d = { ...handWritten(), source: { author: 'A', publisher: 'P', subject: 'S', file: 'article.txt' }, cards: handWritten().cards.map((c) => ({ ...c, quote: 'Abe met Xi in Beijing.' })) };
    d.cards[2]!.quote = 'They met in Tokyo.';
    writeFileSync(path.join(dir, 'deck.json'), JSON.stringify(d));
    expect(checkDeck(dir)).toEqual(['summits/deck.json: card "five": "quote" does not occur in article.txt']);
    (d.cards[0] as Record<string, unknown>).back = '';
    writeFileSync(path.join(dir, 'deck.json'), JSON.stringify(d));
    expect(checkDeck(root)).toEqual(['summits/deck.json: card "summit-date": "back" is empty']);
  });

  it('says what is wrong with a path that is not a deck', () => {
    const root = scratch();
    expect(checkDeck(path.join(root, 'nope'))).toEqual([`${path.join(root, 'nope')}: does not exist`]);
    expect(checkDeck(root)).toEqual([`${root}: has no deck.json, and no folder in it has one`]);
    writeFileSync(path.join(root, 'broken.json'), '{"id": ');
    expect(checkDeck(path.join(root, 'broken.json'))[0]).toMatch(/broken\.json: is not valid JSON/);
  });

  it('checks a deck file under another name, with the source text beside it', () => {
    const root = scratch();
    cpSync(path.join(DECKS, 'china-north-korea', 'deck.json'), path.join(root, 'my-deck.json'));
    const file = path.join(root, 'my-deck.json');
    const source = (JSON.parse(readFileSync(file, 'utf8')) as { source?: { file: string } }).source;
    if (source) {
      expect(checkDeck(file)).toEqual([`${file}: "source.file" names ${source.file}, which is not beside the deck file`]);
      cpSync(path.join(DECKS, 'china-north-korea', source.file), path.join(root, source.file));
    }
    expect(checkDeck(file)).toEqual([]);
    const bad = handWritten() as { cards: Record<string, unknown>[] };
    bad.cards[2]!.text = 'no deletion';
    writeFileSync(file, JSON.stringify(bad));
    expect(checkDeck(file)).toEqual([`${file}: card "five": "text" has no cloze deletion like {{c1::answer}}`]);
  });
});
