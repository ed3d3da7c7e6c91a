// Every API method, fed wrong input the way a compromised or buggy renderer could send it: wrong
// types, missing and extra fields, prototype-pollution keys, 1 MB strings, NaN, infinities,
// negative numbers and ids that do not exist. Each call must come back as an error envelope with a
// message a person can read, and the collection must be exactly as it was.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, IMPORT_LIMITS, type ApiMethod } from '../../../main/contract.ts';
import { dispatch } from '../../../main/ipc.ts';
import { createService, type DeckhandService } from '../../../main/service.ts';
import { openCollectionStore } from '../../../main/store/collection-store.ts';
import { tempDir } from '../temp-dir.ts';

const HUGE = 'x'.repeat(1_000_000);
const RUNS_PER_METHOD = 60;

// What the contract accepts in a field, so a "wrong" value generated for it is never accidentally right.
type Kind =
  | { kind: 'id' }
  | { kind: 'title' }
  | { kind: 'text'; max: number }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'rating' }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'ids' }
  | { kind: 'tags' }
  | { kind: 'tag' }
  | { kind: 'presets' }
  | { kind: 'bytes' }
  | { kind: 'files' }
  | { kind: 'date' };

const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 300;
const isTag = (v: unknown) => typeof v === 'string' && /^[^\s,]{1,64}$/.test(v.trim());
function accepts(k: Kind, v: unknown): boolean {
  switch (k.kind) {
    case 'id':
      return isId(v);
    case 'title':
      return typeof v === 'string' && v.trim().length >= 1 && v.trim().length <= 200;
    case 'text':
      return typeof v === 'string' && v.length <= k.max;
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= k.min && v <= k.max;
    case 'rating':
      return v === 1 || v === 2 || v === 3 || v === 4;
    case 'bool':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && k.values.includes(v);
    case 'ids':
      return Array.isArray(v) && v.length >= 1 && v.every(isId);
    case 'tags':
      return Array.isArray(v) && v.length <= 32 && v.every(isTag);
    case 'tag':
      return isTag(v);
    case 'presets':
      return false;
    case 'files':
      return Array.isArray(v) && v.length >= 1 && v.length <= 20_000 && v.every((f) => typeof f === 'object' && f !== null && Object.keys(f).sort().join() === 'path,text' && typeof (f as { path: unknown }).path === 'string' && ((f as { path: string }).path.length >= 1 && (f as { path: string }).path.length <= 1000) && typeof (f as { text: unknown }).text === 'string');
    case 'bytes':
      return v instanceof Uint8Array && v.length <= IMPORT_LIMITS.maxFileBytes;
    case 'date':
      return typeof v === 'string' && /^(\d{4}-\d{2}-\d{2})?$/.test(v);
  }
}

/** An object with `key` as an own property, as JSON.parse or a structured clone delivers it. */
function withOwn(base: object, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

const POLLUTING = fc.constantFrom('__proto__', 'constructor', 'prototype');
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, Number.NaN, Infinity, -Infinity, -1, -0.5, 0.5, 1e308, -0, 2 ** 53, true, false, '', ' ', HUGE, '../../etc/passwd', '<img src=x onerror=alert(1)>', '\u0000', '\u202e', [], {}, [null], [HUGE], [80, 75, 3, 4], new Uint16Array(4), new Uint8ClampedArray(4), new ArrayBuffer(4), new DataView(new ArrayBuffer(4)), 'UEsDBA=='),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.anything({ maxDepth: 2 }),
  POLLUTING.map((key) => withOwn({}, key, { polluted: true })),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
);
const wrongFor = (k: Kind) => anyValue.filter((v) => v !== undefined && !accepts(k, v));

interface Spec {
  /**
   * A call that is right in every way, on real ids, so each generated call differs from it in
   * exactly one wrong thing: if that one thing slipped through validation, the call would succeed
   * and change the collection, and the test would see it.
   */
  valid?: () => Record<string, unknown>;
  /** Required fields and what each accepts. */
  fields: Record<string, Kind>;
  /** Optional fields: a wrong value fails, leaving one out does not. */
  optional?: Record<string, Kind>;
  /** A well-formed call that must still fail, because an id in it does not exist; null when none can. */
  unknown: Record<string, unknown> | null;
}

const ID: Kind = { kind: 'id' };
const noArgs: Spec = { fields: {}, unknown: null };
const GHOST = 'd/no-such-thing';
const ARTICLE = 'Rivers shape the land they cross. Over thousands of years a river carves its valley, carries sediment to the sea and builds a delta where it slows. People have settled beside rivers for water, food and trade, and the oldest cities grew on their banks. Floods bring fertile soil but also danger, which is why many rivers are now held back by dams and levees.';
const PRESET_FIELDS = { theme: { kind: 'enum', values: ['system', 'light', 'dark'] }, rolloverHour: { kind: 'int', min: 0, max: 23 }, newPerDay: { kind: 'int', min: 0, max: 9999 }, reviewsPerDay: { kind: 'int', min: 0, max: 9999 }, presets: { kind: 'presets' } } as const;

const SPECS: Record<ApiMethod, Spec> = {
  getAppInfo: noArgs,
  getStorageStatus: noArgs,
  optimiseStatus: noArgs,
  cancelOptimise: noArgs,
  startOptimise: { fields: {}, optional: { presetId: ID }, unknown: { presetId: GHOST } },
  resetParameters: { valid: () => ({ presetId: 'default' }), fields: { presetId: ID }, unknown: { presetId: GHOST } },
  simulateWorkload: { valid: () => ({ presetId: 'default' }), fields: { presetId: ID }, unknown: { presetId: GHOST } },
  listDecks: noArgs,
  undo: noArgs,
  getSettings: noArgs,
  listBackups: noArgs,
  undoDelete: noArgs,
  listTags: noArgs,
  nextCard: { valid: () => ({ deckId: 'd' }), fields: { deckId: ID }, unknown: { deckId: GHOST } },
  getArticle: { valid: () => ({ deckId: 'd' }), fields: { deckId: ID }, unknown: { deckId: GHOST } },
  answer: { valid: () => ({ cardId: real.cardId, rating: 3, shownAt: real.shownAt, durationMs: 1000 }), fields: { cardId: ID, rating: { kind: 'rating' }, shownAt: { kind: 'int', min: 0, max: 8.64e15 }, durationMs: { kind: 'int', min: 0, max: 8.64e15 } }, optional: { cardVersion: { kind: 'int', min: 0, max: 8.64e15 } }, unknown: { cardId: GHOST, rating: 3, shownAt: 1, durationMs: 1 } },
  bury: { valid: () => ({ cardId: real.cardId }), fields: { cardId: ID }, unknown: { cardId: GHOST } },
  suspend: { valid: () => ({ cardId: real.cardId }), fields: { cardId: ID }, unknown: { cardId: GHOST } },
  unsuspend: { valid: () => ({ cardId: real.cardId }), fields: { cardId: ID }, unknown: { cardId: GHOST } },
  studyMore: { valid: () => ({ deckId: 'd', newCards: 5 }), fields: { deckId: ID, newCards: { kind: 'int', min: 0, max: 1000 } }, optional: { forgottenDays: { kind: 'int', min: 0, max: 365 } }, unknown: { deckId: GHOST, newCards: 5 } },
  updateSettings: { valid: () => ({ ...service.getSettings(), newPerDay: 7 }), fields: PRESET_FIELDS, unknown: null },
  setDeckPreset: { valid: () => ({ deckId: 'd', presetId: 'default' }), fields: { deckId: ID, presetId: ID }, unknown: { deckId: 'd', presetId: 'no-such-preset' } },
  restoreBackup: { valid: () => ({ id: real.backupId }), fields: { id: ID }, unknown: { id: 'collection-no-such-backup' } },
  getNote: { valid: () => ({ noteId: real.noteId }), fields: { noteId: ID }, unknown: { noteId: GHOST } },
  saveNote: {
    valid: () => ({ noteId: real.noteId, deckId: 'd', type: 'basic', front: 'Changed', back: 'Changed', tags: ['changed'] }),
    fields: { deckId: ID, type: { kind: 'enum', values: ['basic', 'reversed', 'cloze'] }, tags: { kind: 'tags' } },
    optional: { noteId: ID, front: { kind: 'text', max: 4000 }, back: { kind: 'text', max: 4000 }, text: { kind: 'text', max: 4000 }, extra: { kind: 'text', max: 2000 }, quote: { kind: 'text', max: 4000 }, kind: { kind: 'enum', values: ['fact', 'argument'] }, fromDraft: ID },
    unknown: { noteId: GHOST, deckId: 'd', type: 'basic', front: 'Q', back: 'A', tags: [] },
  },
  deleteNotes: { valid: () => ({ noteIds: [real.noteId] }), fields: { noteIds: { kind: 'ids' } }, unknown: { noteIds: [GHOST] } },
  createDeck: { valid: () => ({ title: 'A new deck' }), fields: { title: { kind: 'title' } }, unknown: { title: 'Fuzz' /* exists: a conflict */ } },
  renameDeck: { valid: () => ({ deckId: 'd', title: 'Renamed' }), fields: { deckId: ID, title: { kind: 'title' } }, unknown: { deckId: GHOST, title: 'Renamed' } },
  deleteDeck: { valid: () => ({ deckId: 'd' }), fields: { deckId: ID }, unknown: { deckId: GHOST } },
  searchCards: {
    valid: () => ({ query: 'Q', sort: 'due', descending: false, offset: 0, limit: 10 }),
    fields: { query: { kind: 'text', max: 500 }, sort: { kind: 'enum', values: ['due', 'interval', 'difficulty', 'added'] }, descending: { kind: 'bool' }, offset: { kind: 'int', min: 0, max: 10_000_000 }, limit: { kind: 'int', min: 0, max: 500 } },
    optional: { deckId: ID, tag: { kind: 'tag' }, state: { kind: 'enum', values: ['new', 'learning', 'due', 'suspended', 'buried'] }, allIds: { kind: 'bool' } },
    unknown: { query: '', sort: 'due', descending: false, offset: 0, limit: 10, deckId: GHOST },
  },
  importFile: {
    valid: () => ({ name: 'fuzz.csv', data: new TextEncoder().encode('front,back\nFuzzed question,Fuzzed answer\n') }),
    fields: { name: { kind: 'text', max: 255 }, data: { kind: 'bytes' } },
    optional: { deck: { kind: 'title' }, replaceCollection: { kind: 'bool' } },
    // Well-formed, but not a zip: refused by the reader, nothing imported.
    unknown: { name: 'fuzz.apkg', data: new TextEncoder().encode('PK\u0003\u0004 not a zip at all') },
  },
  getStats: { valid: () => ({ deckId: 'd' }), fields: {}, optional: { deckId: ID }, unknown: { deckId: GHOST } },
  importFolder: {
    valid: () => ({ name: 'vault', files: [{ path: 'notes/fuzz.md', text: '#flashcards\nFuzzed question::Fuzzed answer\n' }] }),
    fields: { name: { kind: 'text', max: 255 }, files: { kind: 'files' } },
    optional: { deck: { kind: 'title' } },
    // Well-formed, but a folder without notes: refused by the reader, nothing imported.
    unknown: { name: 'vault', files: [{ path: 'readme.txt', text: 'no notes here' }] },
  },
  exportFile: { valid: () => ({ format: 'csv' }), fields: { format: { kind: 'enum', values: ['apkg', 'csv', 'json'] } }, optional: { deckId: ID, scheduling: { kind: 'bool' } }, unknown: { format: 'apkg', deckId: GHOST } },
  listArticles: noArgs,
  addArticle: {
    valid: () => ({ text: ARTICLE, title: 'Fuzzed article' }),
    fields: {},
    optional: { name: { kind: 'text', max: 255 }, data: { kind: 'bytes' }, text: { kind: 'text', max: IMPORT_LIMITS.maxTextBytes }, title: { kind: 'text', max: 300 }, author: { kind: 'text', max: 300 }, date: { kind: 'text', max: 40 } },
    // Well-formed, but a web address: nothing is fetched, nothing added.
    unknown: { text: 'https://example.com/article' },
  },
  updateArticle: {
    valid: () => ({ deckId: real.articleId, title: 'Rivers and their valleys', author: 'A. Writer', date: '2026-03-02' }),
    fields: { deckId: ID },
    optional: { title: { kind: 'title' }, author: { kind: 'text', max: 300 }, date: { kind: 'date' } },
    unknown: { deckId: GHOST, title: 'Renamed' },
  },
  draftArticle: { valid: () => ({ deckId: real.articleId }), fields: { deckId: ID }, unknown: { deckId: GHOST } },
  listDrafts: { valid: () => ({ deckId: real.articleId }), fields: { deckId: ID }, unknown: { deckId: GHOST } },
  acceptDrafts: { valid: () => ({ deckId: real.articleId, draftIds: [real.draftId] }), fields: { deckId: ID, draftIds: { kind: 'ids' } }, unknown: { deckId: GHOST, draftIds: [GHOST] } },
  rejectDrafts: { valid: () => ({ deckId: real.articleId, draftIds: [real.draftId] }), fields: { deckId: ID, draftIds: { kind: 'ids' } }, unknown: { deckId: GHOST, draftIds: [GHOST] } },
  updateCards: { valid: () => ({ cardIds: [real.cardId], action: 'suspend' }), fields: { cardIds: { kind: 'ids' }, action: { kind: 'enum', values: ['suspend', 'unsuspend', 'bury', 'reset', 'delete', 'addTag', 'removeTag', 'move'] } }, unknown: { cardIds: [GHOST], action: 'move', deckId: GHOST } },
};

function wrongArgs(spec: Spec): fc.Arbitrary<unknown> {
  const fields = Object.entries(spec.fields);
  const optional = Object.entries(spec.optional ?? {});
  const base = spec.valid?.() ?? {};
  // No arguments at all is a valid call of a method that takes none (the dispatcher reads it as {}).
  const notAnObject = anyValue.filter((v) => (fields.length === 0 ? v !== null && v !== undefined : true) && (typeof v !== 'object' || v === null || Array.isArray(v) || fields.length > 0));
  const choices: fc.Arbitrary<unknown>[] = [
    notAnObject,
    fc.tuple(fc.constantFrom('admin', 'extra', 'toString', 'valueOf', 'then'), anyValue).map(([key, value]) => withOwn(base, key, value)),
    fc.tuple(POLLUTING, anyValue).map(([key, value]) => withOwn(base, key, value)),
  ];
  for (const [name, k] of [...fields, ...optional]) choices.push(wrongFor(k).map((value) => ({ ...base, [name]: value })));
  for (const [name] of fields) {
    const { [name]: _dropped, ...rest } = base;
    choices.push(fc.constant(rest));
  }
  if (spec.unknown) choices.push(fc.constant(spec.unknown));
  return fc.oneof(...choices);
}

let service: DeckhandService;
let dataDir: string;
/** Ids that exist in the collection under test. */
const real = { cardId: '', noteId: '', shownAt: 0, backupId: '', articleId: '', draftId: '' };

/** A collection with one deck of each note type and some history, so an undo or a restore slipping through would show. */
async function openFixture(): Promise<{ service: DeckhandService; dataDir: string; real: typeof real }> {
  const decks = tempDir('deckhand-fuzz-decks-');
  mkdirSync(path.join(decks, 'd'));
  writeFileSync(
    path.join(decks, 'd/deck.json'),
    JSON.stringify({
      id: 'd',
      version: 1,
      title: 'Fuzz',
      source: { author: 'A. Author', publisher: 'Press', subject: 'Capitals', file: 'article.txt' },
      cards: [
        { id: 'a', kind: 'fact', type: 'basic', front: 'Q a', back: 'A a', tags: ['one'], quote: 'Paris is the capital of France.' },
        { id: 'b', kind: 'fact', type: 'reversed', front: 'Q b', back: 'A b', quote: 'Paris is the capital of France.' },
        { id: 'c', kind: 'fact', type: 'cloze', text: 'The {{c1::capital}} of {{c2::France}}', quote: 'Paris is the capital of France.' },
      ],
    }),
  );
  writeFileSync(path.join(decks, 'd/article.txt'), 'Paris is the capital of France.\n');
  const dir = tempDir('deckhand-fuzz-');
  let t = Date.UTC(2026, 2, 2, 9);
  const clock = () => ++t;
  const svc = createService({ store: await openCollectionStore(dir, { now: clock }), clock, decksDir: decks, scheduler: { fuzz: false } });
  const card = svc.nextCard({ deckId: 'd' }).card!;
  svc.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1000 });
  // An article with drafts in its inbox, so accepting or rejecting one could slip through; added
  // before the backup, so a restore keeps it.
  const article = await svc.addArticle({ text: ARTICLE, title: 'Rivers' });
  const { drafts } = await svc.draftArticle({ deckId: article.deckId });
  svc.close();
  // Reopened, so the collection has a backup (taken on close) that restoreBackup could name.
  const reopened = createService({ store: await openCollectionStore(dir, { now: clock }), clock, decksDir: decks, scheduler: { fuzz: false } });
  const next = reopened.nextCard({ deckId: 'd' }).card!;
  const ids = {
    articleId: article.deckId,
    draftId: drafts[0]?.id ?? 'no-draft',
    cardId: next.id,
    shownAt: next.shownAt,
    noteId: reopened.searchCards({ query: '', sort: 'added', descending: false, offset: 0, limit: 1 }).rows[0]!.noteId,
    backupId: reopened.listBackups()[0]?.id ?? 'no-backup',
  };
  return { service: reopened, dataDir: dir, real: ids };
}

beforeAll(async () => {
  ({ service, dataDir } = await openFixture().then((f) => (Object.assign(real, f.real), f)));
});
afterAll(() => service.close());

/** Everything a user could see of the collection, and the review log on disk. */
function fingerprint(): string {
  const search = service.searchCards({ query: '', sort: 'added', descending: false, offset: 0, limit: 500, allIds: true });
  const logs = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return name === 'log' ? logs(file) : [];
      return name.endsWith('.jsonl') ? [`${name}:${readFileSync(file, 'utf8')}`] : [];
    });
  return JSON.stringify({
    decks: service.listDecks(),
    settings: service.getSettings(),
    tags: service.listTags(),
    backups: service.listBackups(),
    cards: search.rows,
    notes: [...new Set(search.rows.map((r) => r.noteId))].map((noteId) => service.getNote({ noteId })),
    logs: logs(dataDir),
  });
}

describe('every API method, fuzzed with wrong input', () => {
  it('has a fuzz spec for each method of the contract, and no spec for a method that is gone', () => {
    expect(Object.keys(SPECS).sort()).toEqual([...API_METHODS].sort());
  });

  it.each([...API_METHODS])('%s answers wrong input with a clear error and changes nothing', async (method) => {
    const before = fingerprint();
    await fc.assert(
      fc.asyncProperty(wrongArgs(SPECS[method]), async (args) => {
        const result = await dispatch(service, method, args);
        expect(result.ok, `${method}(${preview(args)}) was accepted`).toBe(false);
        if (result.ok) return;
        expect(['bad-request', 'not-found', 'conflict']).toContain(result.error.code);
        expect(result.error.message.trim().length).toBeGreaterThan(5);
        // The message names the method or the thing, and never echoes a megabyte back.
        expect(result.error.message.length).toBeLessThan(1000);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS_PER_METHOD, seed: 20260302 },
    );
    expect(fingerprint()).toBe(before);
  });
});

describe('the fuzzing itself', () => {
  it('starts from a call that is right: each method accepts its spec’s valid call, so each failure above is the one wrong thing', async () => {
    const fixture = await openFixture();
    const saved = { ...real };
    Object.assign(real, fixture.real);
    try {
      for (const method of API_METHODS) {
        const valid = SPECS[method].valid?.() ?? {};
        const result = await dispatch(fixture.service, method, valid);
        // In API_METHODS order: undo takes back the answer given in the fixture, undoDelete the deleteNotes before it.
        expect(result, `${method}(${preview(valid)})`).toMatchObject({ ok: true });
      }
    } finally {
      Object.assign(real, saved);
      fixture.service.close();
    }
  });
});

function preview(args: unknown): string {
  try {
    const text = JSON.stringify(args) ?? String(args);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(args);
  }
}
