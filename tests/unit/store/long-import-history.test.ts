// An import of a heavy Anki user's collection brings a million reviews. Its history used to be
// built as one string (and the journal as another), which failed past V8's string limit; it is now
// held in compact columns, written to the log a batch at a time and synced once, still all or
// nothing. These tests use a history a few batches long.
import { existsSync, fdatasyncSync, ftruncateSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../main/domain/card.ts';
import { HistoryLog } from '../../../main/domain/history-log.ts';
import type { BundleReview, ImportBundle } from '../../../main/formats/bundle.ts';
import { createService } from '../../../main/service.ts';
import { LOG_FILE, openCollectionStore } from '../../../main/store/collection-store.ts';
import { IMPORT_JOURNAL } from '../../../main/store/import-journal.ts';
import { logLine, readEntries, type LogFileSystem } from '../../../main/store/review-log.ts';
import type { StoredReview } from '../../../main/store/stored.ts';
import { closeWhenDone, tempDir } from '../temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;

/** `notes` basic notes, each card answered `perCard` times a few days apart. */
function heavyBundle(notes: number, perCard: number): ImportBundle {
  const reviews: BundleReview[] = [];
  for (let n = 0; n < notes; n++) {
    for (let r = 0; r < perCard; r++) {
      const at = START - 400 * DAY + r * 3 * DAY + n * 1000;
      reviews.push({ key: `r${n}-${r}`, cardKey: `n${n}:front`, reviewedAt: at, rating: r % 7 === 6 ? 1 : 3, kind: r === 0 ? 'learn' : 'review', durationMs: 3000 });
    }
  }
  return {
    file: 'heavy.csv',
    format: 'csv',
    decks: [{ key: 'h', title: 'Heavy', description: '' }],
    notes: Array.from({ length: notes }, (_, n) => ({ key: `n${n}`, deckKey: 'h', type: 'basic' as const, format: 'markdown' as const, front: `question ${n}`, back: `answer ${n}`, text: '', extra: '', tags: [], addedAt: null })),
    cards: Array.from({ length: notes }, (_, n) => ({ key: `n${n}:front`, noteKey: `n${n}`, template: 'front', deckKey: 'h', suspended: false, addedAt: null, schedule: null })),
    reviews,
    media: [],
    notices: [],
    skipped: [],
  };
}

const card = (id: string, over: Partial<Card> = {}): Card => ({
  id,
  noteId: id,
  deckId: 'd',
  template: 'front',
  position: 3,
  addedAt: START,
  memory: { due: START + DAY, stability: 2.5, difficulty: 5.1, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: START },
  introducedAt: START,
  updatedAt: START + 5,
  suspended: false,
  buriedUntil: null,
  ...over,
});

describe('history held in columns', () => {
  it('gives back every entry as it was pushed, in batches, with the card after each', () => {
    const log = new HistoryLog();
    const a1 = card('a', { introducedAt: null, memory: { ...card('a').memory, lastReview: null, state: 0 } });
    const a2 = card('a', { memory: { ...card('a').memory, reps: 2, stability: 7.25 } });
    const b = card('b', { suspended: true });
    log.push({ kind: 'manual', rating: 0, reviewedAt: START - 10, durationMs: 0 }, a1);
    log.push({ rating: 3, reviewedAt: START, durationMs: 4321 }, a2);
    for (let i = 0; i < 2500; i++) log.push({ rating: 4, reviewedAt: START + i, durationMs: i }, b);
    expect(log.length).toBe(2502);
    expect(log.lastCardId).toBe('b');
    expect(log.at(0)).toEqual({ cardId: 'a', kind: 'manual', rating: 0, reviewedAt: START - 10, durationMs: 0, card: a1 });
    expect(log.at(1)).toEqual({ cardId: 'a', rating: 3, reviewedAt: START, durationMs: 4321, card: a2 });
    expect(log.at(2501)).toEqual({ cardId: 'b', rating: 4, reviewedAt: START + 2499, durationMs: 2499, card: b });
    expect([...log.batches(1000)].map((batch) => batch.length)).toEqual([1000, 1000, 502]);
  });

  it('writes log lines exactly as JSON.stringify does, optional fields or not', () => {
    const entry: StoredReview = {
      id: 'dev-7',
      seq: 7,
      cardId: 'd/x:reverse',
      kind: 'undo',
      undoes: 'dev-6',
      rating: 0,
      reviewedAt: START,
      durationMs: 0,
      card: { id: 'd/x:reverse', noteId: 'd/x', deckId: 'd', template: 'reverse "quoted" ✓', position: 2, due: START, stability: 0.123456789, difficulty: 9.87, scheduledDays: 0, learningSteps: 1, reps: 0, lapses: 0, state: 1, lastReview: null, introducedAt: null, updatedAt: START, suspended: true, buriedUntil: START + DAY, addedAt: START - DAY },
    };
    expect(logLine(entry)).toBe(JSON.stringify(entry));
    const { kind: _k, undoes: _u, ...answer } = entry;
    const { position: _p, suspended: _s, buriedUntil: _b, addedAt: _a, ...bare } = entry.card;
    expect(logLine({ ...answer, card: bare })).toBe(JSON.stringify({ ...answer, card: bare }));
  });
});

describe('an import with a long history', () => {
  it('appends every answer once, in order, and opens again to the same cards', async () => {
    const dir = tempDir('deckhand-data-');
    const clock = () => START;
    const service = closeWhenDone(createService({ store: await openCollectionStore(dir, { now: clock }), clock, scheduler: { fuzz: false } }));
    const report = await service.importBundle(heavyBundle(500, 50));
    expect(report).toMatchObject({ cardsAdded: 500, reviewsAdded: 25_000 });
    const before = service.collectionSummary();
    service.close();

    const store = closeWhenDone(await openCollectionStore(dir, { now: clock }));
    const again = closeWhenDone(createService({ store, clock, scheduler: { fuzz: false } }));
    expect(again.collectionSummary()).toEqual(before);
    const entries = store.allEntries();
    expect(entries).toHaveLength(25_000);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(new Set(entries.map((e) => e.cardId)).size).toBe(500);
  });

  it('is refused whole when the disk fills in the middle of its history: no card, no line, no journal', async () => {
    const dir = tempDir('deckhand-data-');
    let written = 0;
    const fs: LogFileSystem = {
      // Half a megabyte in, the disk is full: the history is several megabytes.
      writeSync: (fd, buffer, offset, length) => {
        if (written > 500_000) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        written += length;
        return writeSync(fd, buffer, offset, length);
      },
      fdatasyncSync,
      ftruncateSync,
    };
    const clock = () => START;
    const service = closeWhenDone(createService({ store: await openCollectionStore(dir, { now: clock, logFileSystem: fs }), clock, scheduler: { fuzz: false } }));
    await expect(service.importBundle(heavyBundle(500, 50))).rejects.toThrow(/disk holding your collection is full: the import was not saved/);
    expect(service.collectionSummary()).toMatchObject({ decks: 0, cards: 0, reviews: 0 });
    expect(readFileSync(path.join(dir, LOG_FILE), 'utf8')).toBe('');
    expect(existsSync(path.join(dir, IMPORT_JOURNAL))).toBe(false);
    service.close();
    const store = closeWhenDone(await openCollectionStore(dir, { now: clock }));
    expect([store.data.decks.size, store.data.cards.size, readEntries(path.join(dir, LOG_FILE)).length]).toEqual([0, 0, 0]);
  });
});
