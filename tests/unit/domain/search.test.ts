import { describe, expect, it } from 'vitest';
import { MemoryState, type Card, type Note } from '../../../main/domain/card.ts';
import { searchCards, type CardSearch } from '../../../main/domain/search.ts';

const NOW = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;

function note(id: string, fields: Partial<Note> = {}): Note {
  return { id, deckId: id.split('/')[0]!, kind: 'fact', type: 'basic', front: `Front ${id}`, back: `Back ${id}`, text: '', extra: null, tags: [], quote: null, position: 0, ...fields };
}

function card(n: Note, fields: Partial<Card> = {}, memory: Partial<Card['memory']> = {}): Card {
  return {
    id: n.id,
    noteId: n.id,
    deckId: n.deckId,
    template: 'front',
    position: n.position,
    memory: { due: NOW, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: MemoryState.New, lastReview: null, ...memory },
    introducedAt: null,
    updatedAt: NOW - DAY,
    suspended: false,
    buriedUntil: null,
    addedAt: 0,
    ...fields,
  };
}

const notes = [
  note('geo/paris', { front: 'Capital of France?', back: 'Paris', tags: ['europe'], position: 0 }),
  note('geo/tokyo', { front: 'Capital of Japan?', back: 'Tokyo', tags: ['asia'], position: 1 }),
  note('hist/wall', { type: 'cloze', front: '', back: '', text: 'The Berlin Wall fell in {{c1::1989}}.', tags: ['europe'], position: 0 }),
  note('hist/orphan', { position: 1 }),
];
const byId = new Map(notes.map((n) => [n.id, n]));
const cards = [
  card(notes[0]!, { addedAt: 1 }),
  card(notes[1]!, { addedAt: 3 }, { state: MemoryState.Review, due: NOW + 10 * DAY, scheduledDays: 12, difficulty: 4, lastReview: NOW - 2 * DAY, reps: 3 }),
  card(notes[2]!, { id: 'hist/wall:c1', template: 'c1', addedAt: 2 }, { state: MemoryState.Review, due: NOW - DAY, scheduledDays: 3, difficulty: 7, lastReview: NOW - 4 * DAY, reps: 2 }),
  card(notes[3]!, { suspended: true }),
];
const context = { now: NOW, rolloverHour: 4, noteOf: (c: Card) => (c.noteId === 'hist/orphan' ? undefined : byId.get(c.noteId)) };
const search = (s: Partial<CardSearch>) => searchCards(cards, { query: '', sort: 'due', descending: false, ...s }, context).map((c) => c.id);

describe('searching cards', () => {
  it('finds cards by words in the front, back or cloze text, all words required, any case', () => {
    expect(search({ query: 'capital' })).toEqual(['geo/paris', 'geo/tokyo']);
    expect(search({ query: 'CAPITAL japan' })).toEqual(['geo/tokyo']);
    expect(search({ query: '1989' })).toEqual(['hist/wall:c1']);
    expect(search({ query: 'paris tokyo' })).toEqual([]);
  });

  it('skips cards whose note is gone', () => {
    expect(search({})).not.toContain('hist/orphan');
  });

  it('filters by deck, tag and state', () => {
    expect(search({ deckIds: new Set(['hist']) })).toEqual(['hist/wall:c1']);
    expect(search({ tag: 'Europe' })).toEqual(['hist/wall:c1', 'geo/paris']);
    expect(search({ state: 'new' })).toEqual(['geo/paris']);
    expect(search({ state: 'due' })).toEqual(['hist/wall:c1']);
    const buried = [card(notes[0]!, { buriedUntil: NOW + DAY })];
    expect(searchCards(buried, { query: '', state: 'buried', sort: 'due', descending: false }, context)).toHaveLength(1);
  });

  it('sorts by due date, interval, difficulty or added order, either way', () => {
    expect(search({ sort: 'due' })).toEqual(['hist/wall:c1', 'geo/paris', 'geo/tokyo']);
    expect(search({ sort: 'due', descending: true })).toEqual(['geo/tokyo', 'geo/paris', 'hist/wall:c1']);
    expect(search({ sort: 'interval', descending: true })).toEqual(['geo/tokyo', 'hist/wall:c1', 'geo/paris']);
    expect(search({ sort: 'difficulty' })).toEqual(['geo/paris', 'geo/tokyo', 'hist/wall:c1']);
    expect(search({ sort: 'added' })).toEqual(['geo/paris', 'hist/wall:c1', 'geo/tokyo']);
  });

  it('searches 100,000 cards by words, tag and sort (its speed is measured by the benchmark)', () => {
    const many: Card[] = [];
    const big = new Map<string, Note>();
    for (let i = 0; i < 100_000; i++) {
      const n = note(`d${i % 50}/n${i}`, { front: `Question number ${i}`, back: `Answer ${i % 977}`, tags: [`t${i % 20}`], position: i });
      big.set(n.id, n);
      many.push(card(n, {}, { due: NOW + (i % 1000) * DAY, difficulty: i % 10 }));
    }
    const ctx = { now: NOW, rolloverHour: 4, noteOf: (c: Card) => big.get(c.noteId) };
    const found = searchCards(many, { query: 'answer 12', tag: 't3', sort: 'difficulty', descending: true }, ctx);
    expect(found.length).toBeGreaterThan(0);
    // How fast is for tests/bench/search.ts (the 100 ms, median of many runs); a search gone
    // quadratic in the number of cards would outlast the test's timeout.
  });
});
