// An import is all or nothing across a crash: its history reaches the log at once, its decks,
// notes and cards only with the next snapshot. A crash in between used to bring its cards back
// from the log with no deck and no note; the journal written first now finishes it on opening.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../../main/service.ts';
import { openCollectionStore } from '../../../main/store/collection-store.ts';
import { IMPORT_JOURNAL } from '../../../main/store/import-journal.ts';
import { wordsBundle } from '../service-fixtures.ts';
import { closeWhenDone, tempDir } from '../temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const HISTORY = [
  { key: 'r1', cardKey: 'hola:front', reviewedAt: START - 86_400_000, rating: 3 as const, kind: 'learn' as const, durationMs: 4000 },
  { key: 'r2', cardKey: 'hola:front', reviewedAt: START - 3_600_000, rating: 3 as const, kind: 'review' as const, durationMs: 3000 },
];

/** The collection as the disk holds it just after an import returned but before its snapshot was written: a crash then. */
async function crashBeforeSnapshot(history = HISTORY): Promise<string> {
  const dataDir = tempDir('deckhand-data-');
  let now = START;
  const clock = () => (now += 1000);
  const store = await openCollectionStore(dataDir, { now: clock, snapshotDelayMs: 60_000 });
  await store.flush();
  // The snapshot never gets written: what the disk holds at the crash is copied aside.
  const service = closeWhenDone(createService({ store: { ...store, flush: () => Promise.resolve() }, clock, scheduler: { fuzz: false } }));
  await service.importBundle(wordsBundle(history));
  const crashed = tempDir('deckhand-crashed-');
  cpSync(dataDir, crashed, { recursive: true });
  return crashed;
}

describe('an import cut short by a crash', () => {
  it('is finished from its journal on opening: its deck, note, card and history, with a notice', async () => {
    const crashed = await crashBeforeSnapshot();
    expect(existsSync(path.join(crashed, IMPORT_JOURNAL))).toBe(true);
    let now = START + 60_000;
    const clock = () => (now += 1000);
    const store = await openCollectionStore(crashed, { now: clock });
    expect(store.notices).toEqual(['An import was cut short (Deckhand closed or the power went); it was finished from its journal: 1 notes and 1 cards.']);
    const service = closeWhenDone(createService({ store, clock, scheduler: { fuzz: false } }));
    expect(service.collectionSummary()).toMatchObject({ decks: 1, cards: 1, reviews: 2 });
    const deck = service.listDecks()[0]!;
    expect(deck).toMatchObject({ title: 'Words' });
    expect([...store.notesOf(deck.id).values()].map((n) => n.front)).toEqual(['hola']);
    await store.flush();
    expect(existsSync(path.join(crashed, IMPORT_JOURNAL))).toBe(false);
    service.close();

    const again = closeWhenDone(await openCollectionStore(crashed, { now: clock }));
    expect(again.notices).toEqual([]);
    expect(again.data.decks.size).toBe(1);
  });

  it('is finished the same way when it brought no history', async () => {
    const crashed = await crashBeforeSnapshot([]);
    const store = await openCollectionStore(crashed, { now: () => START + 60_000 });
    const service = closeWhenDone(createService({ store, clock: () => START + 60_000, scheduler: { fuzz: false } }));
    expect(service.collectionSummary()).toMatchObject({ decks: 1, cards: 1, reviews: 0 });
    expect(store.notesOf(service.listDecks()[0]!.id).size).toBe(1);
  });

  it('leaves no journal behind once its snapshot is written', async () => {
    const dataDir = tempDir('deckhand-data-');
    const service = closeWhenDone(createService({ store: await openCollectionStore(dataDir, { now: () => START }), clock: () => START, scheduler: { fuzz: false } }));
    await service.importBundle(wordsBundle(HISTORY));
    expect(existsSync(path.join(dataDir, IMPORT_JOURNAL))).toBe(false);
  });
});
