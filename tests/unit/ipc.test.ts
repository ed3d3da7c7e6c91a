import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../main/contract.ts';
import { dispatch } from '../../main/ipc.ts';
import { createService, type DeckhandService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { tempDir } from './temp-dir.ts';

let service: DeckhandService;
let dataDir: string;

beforeEach(async () => {
  const decks = tempDir('deckhand-decks-');
  mkdirSync(path.join(decks, 'd'));
  writeFileSync(path.join(decks, 'd/deck.json'), JSON.stringify({ id: 'd', version: 1, title: 'D', cards: [{ id: 'a', kind: 'fact', type: 'basic', front: 'Q', back: 'A' }] }));
  dataDir = tempDir('deckhand-ipc-');
  let t = Date.UTC(2026, 2, 2, 9);
  const clock = () => ++t;
  service = createService({ store: await openCollectionStore(dataDir, { now: clock }), clock, decksDir: decks, scheduler: { fuzz: false } });
});
afterEach(() => service.close());

const logText = () => (existsSync(path.join(dataDir, 'reviews.jsonl')) ? readFileSync(path.join(dataDir, 'reviews.jsonl'), 'utf8') : '');

describe('the dispatcher', () => {
  it('has a handler for every method of the contract', async () => {
    for (const method of API_METHODS) {
      const result = await dispatch(service, method, method === 'answer' ? {} : method.endsWith('Card') || method === 'getArticle' ? { deckId: 'd' } : {});
      if (!result.ok) expect(result.error.message).not.toMatch(/Unknown method/);
    }
  });

  it('waits for an asynchronous method and returns its value, or its error, in the envelope', async () => {
    expect(await dispatch(service, 'getStats', {})).toMatchObject({ ok: true, value: { deckId: null, title: 'All decks', cardCounts: { new: 1, total: 1 } } });
    expect(await dispatch(service, 'getStats', { deckId: 'nope' })).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no deck "nope".' } });
    expect(await dispatch(service, 'getStats', { deckId: '' })).toEqual({ ok: false, error: { code: 'bad-request', message: 'getStats: "deckId" is empty' } });
    expect(await dispatch(service, 'getStats', { deck: 'd' })).toEqual({ ok: false, error: { code: 'bad-request', message: 'getStats: unexpected argument "deck"' } });
  });

  it('answers a valid call in an ok envelope', async () => {
    const next = await dispatch(service, 'nextCard', { deckId: 'd' });
    expect(next).toMatchObject({ ok: true, value: { deckId: 'd', card: { id: 'd/a' } } });
  });

  it.each([
    ['a rating of 5', { rating: 5 }, '"rating" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)'],
    ['a rating as text', { rating: '3' }, '"rating" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)'],
    ['a missing card id', { cardId: undefined }, '"cardId" is missing'],
    ['an empty card id', { cardId: '' }, '"cardId" is empty'],
    ['a huge card id', { cardId: 'x'.repeat(10_000) }, '"cardId" is longer than 300 characters'],
    ['a negative duration', { durationMs: -5 }, '"durationMs" must not be negative'],
    ['NaN as a time', { shownAt: Number.NaN }, '"shownAt" must be a number'],
    ['an extra argument', { admin: true }, 'unexpected argument "admin"'],
  ])('refuses %s with a clear message and changes nothing', async (_what, change, message) => {
    const { value } = (await dispatch(service, 'nextCard', { deckId: 'd' })) as { value: { card: { id: string; shownAt: number } } };
    const before = logText();
    const args = { cardId: value.card.id, rating: 3, shownAt: value.card.shownAt, durationMs: 100, ...change };
    const result = await dispatch(service, 'answer', args);
    expect(result).toEqual({ ok: false, error: { code: 'bad-request', message: `answer: ${message}` } });
    expect(logText()).toBe(before);
    expect(service.listDecks()[0]!.counts.new).toBe(1);
  });

  it('refuses unknown methods, non-object arguments and unknown ids', async () => {
    expect(await dispatch(service, 'deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'Unknown method "deleteEverything".' } });
    expect(await dispatch(service, 'nextCard', 'd')).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'nextCard: arguments must be an object' } });
    expect(await dispatch(service, 'nextCard', { deckId: 'nope' })).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no deck "nope".' } });
    expect(await dispatch(service, 'answer', { cardId: 'd/zzz', rating: 3, shownAt: 1, durationMs: 1 })).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no card "d/zzz".' } });
    expect(await dispatch(service, 'toString', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(logText()).toBe('');
  });
});
