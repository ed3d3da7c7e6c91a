// The shipped article deck, checked as a careful editor would: every quote is the article's own
// words, every paragraph is covered, and the deck uses every kind and type of card.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseWhitespace, paragraphsOf } from '../../../main/domain/article.ts';
import { readDeckDir } from '../../../main/formats/deck-file.ts';
import { hasShared, SHARED, sharedSkipReason } from '../shared-data.ts';

const DECKS = path.resolve(import.meta.dirname, '../../../decks');
const ARTICLE_DECK = path.join(DECKS, 'china-north-korea');

describe('shipped decks', () => {
  it('all load without a problem', () => {
    const dirs = readdirSync(DECKS, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.length).toBeGreaterThan(0);
    for (const d of dirs) expect(() => readDeckDir(path.join(DECKS, d.name))).not.toThrow();
  });
});

describe('the article deck', () => {
  const { deck, article } = readDeckDir(ARTICLE_DECK);

  it('cites its source as the text states it, with no invented headline or date', () => {
    expect(deck.source).toMatchObject({ author: 'Taisuke Mibae', file: 'article.txt' });
    expect(deck.title).not.toMatch(/\b20\d\d-\d\d/);
  });

  it('has 45–70 cards with unique ids, both kinds and all three types', () => {
    expect(deck.cards.length).toBeGreaterThanOrEqual(45);
    expect(deck.cards.length).toBeLessThanOrEqual(70);
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(deck.cards.length);
    expect(new Set(deck.cards.map((c) => c.kind))).toEqual(new Set(['fact', 'argument']));
    expect(new Set(deck.cards.map((c) => c.type))).toEqual(new Set(['basic', 'reversed', 'cloze']));
  });

  it('quotes the article verbatim on every card', () => {
    const text = normaliseWhitespace(article!);
    const missing = deck.cards.filter((c) => !c.quote || !text.includes(normaliseWhitespace(c.quote))).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('has at least one card quoting every paragraph', () => {
    const uncovered = paragraphsOf(article!).filter((p) => !deck.cards.some((c) => c.quote && p.includes(normaliseWhitespace(c.quote))));
    expect(uncovered).toEqual([]);
  });

  it('gives each of Beijing’s five concerns its own card, and the list as a five-part cloze', () => {
    const concerns = deck.cards.filter((c) => c.id.startsWith('five-concerns-') && c.type !== 'cloze');
    expect(concerns.length).toBeGreaterThanOrEqual(5);
    const list = deck.cards.find((c) => c.type === 'cloze' && c.id.startsWith('five-concerns'));
    expect(list && list.type === 'cloze' && new Set([...list.text.matchAll(/\{\{c(\d+)::/g)].map((m) => m[1])).size).toBe(5);
  });

  it.skipIf(!hasShared)(`ships the article unchanged (${hasShared ? 'compared with ../shared/article' : sharedSkipReason})`, () => {
    expect(readFileSync(path.join(ARTICLE_DECK, 'article.txt'))).toEqual(readFileSync(path.join(SHARED, 'article/article.txt')));
  });
});
