import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS, IMPORT_LIMITS } from '../../main/contract.ts';
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

describe('files across the dispatcher', () => {
  const csv = new TextEncoder().encode('#separator:tab\nperro\tdog\ngato\tcat\n');

  it('imports a file given as its bytes, and hands an export back as bytes', async () => {
    expect(await dispatch(service, 'importFile', { name: 'words.csv', data: csv })).toMatchObject({ ok: true, value: { file: 'words.csv', cardsAdded: 2 } });
    // A Node Buffer (what Electron's IPC may deliver in the main process) is a Uint8Array too.
    expect(await dispatch(service, 'importFile', { name: 'words.csv', data: Buffer.from(csv) })).toMatchObject({ ok: true, value: { cardsAdded: 0, notesUnchanged: 2 } });
    const exported = await dispatch(service, 'exportFile', { format: 'csv' });
    expect(exported.ok && exported.value).toMatchObject({ fileName: expect.stringMatching(/\.csv$/), data: expect.any(Uint8Array) });
    expect(exported.ok && new TextDecoder().decode((exported.value as { data: Uint8Array }).data)).toContain('perro');
  });

  it('refuses a file sent as base64 text, or as a plain array of numbers, before any reader runs', async () => {
    for (const data of [Buffer.from(csv).toString('base64'), [...csv], { 0: 1 }]) {
      expect(await dispatch(service, 'importFile', { name: 'words.csv', data })).toEqual({ ok: false, error: { code: 'bad-request', message: 'importFile: "data" must be the file\'s bytes (a Uint8Array)' } });
      expect(await dispatch(service, 'addArticle', { name: 'a.txt', data })).toEqual({ ok: false, error: { code: 'bad-request', message: 'addArticle: "data" must be the file\'s bytes (a Uint8Array)' } });
    }
  });

  it('keeps the size limit: a file over it is refused by its size, without being read', async () => {
    // A view claiming more than the limit, without allocating it: only its length is read.
    const huge = new Uint8Array(new ArrayBuffer(IMPORT_LIMITS.maxFileBytes + 1));
    expect(await dispatch(service, 'importFile', { name: 'huge.apkg', data: huge })).toEqual({ ok: false, error: { code: 'bad-request', message: 'importFile: "data" is larger than 256 MB' } });
    expect(await dispatch(service, 'addArticle', { name: 'huge.pdf', data: huge })).toEqual({ ok: false, error: { code: 'bad-request', message: 'addArticle: "data" is larger than 256 MB' } });
  });
});
