// Importing through the service: a bundle (what any reader gives) becomes decks, notes, cards with
// memory from their history, review-log entries and media, in one step; importing again updates.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../main/domain/card.ts';
import type { ImportBundle } from '../../main/formats/bundle.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { readEntries } from '../../main/store/review-log.ts';
import { reviewLogFiles } from '../../main/store/log-segments.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function open(dataDir = tempDir('deckhand-import-')) {
  let now = START;
  const clock = () => ++now;
  const store = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
  return { dataDir, store, service: createService({ store, clock, scheduler: { fuzz: false } }) };
}

function bundle(extra: Partial<ImportBundle> = {}): ImportBundle {
  return {
    file: 'spanish.apkg',
    format: 'apkg',
    decks: [
      { key: '1', title: 'Languages::Spanish', description: 'Everyday words' },
      { key: '2', title: 'Languages::Spanish::Verbs', description: '' },
    ],
    notes: [
      { key: 'g-hola', deckKey: '1', type: 'basic', format: 'html', front: '<b>hola</b>', back: 'hello <img src="wave.png">', text: '', extra: '', tags: ['greeting'], addedAt: START - 40 * DAY },
      { key: 'g-ser', deckKey: '2', type: 'reversed', format: 'html', front: 'ser', back: 'to be', text: '', extra: '', tags: [], addedAt: START - 40 * DAY },
      { key: 'g-cloze', deckKey: '1', type: 'cloze', format: 'html', front: '', back: '', text: '{{c1::Madrid}} is the capital of {{c2::Spain}}', extra: 'geography', tags: ['geo'], addedAt: null },
    ],
    cards: [
      { key: '11', noteKey: 'g-hola', template: 'front', deckKey: '1', suspended: false, addedAt: START - 40 * DAY, schedule: null },
      { key: '21', noteKey: 'g-ser', template: 'front', deckKey: '2', suspended: true, addedAt: null, schedule: null },
      { key: '22', noteKey: 'g-ser', template: 'reverse', deckKey: '2', suspended: false, addedAt: null, schedule: { due: START + 5 * DAY, intervalDays: 20, ease: 2.5 } },
      { key: '31', noteKey: 'g-cloze', template: 'c1', deckKey: '1', suspended: false, addedAt: null, schedule: null },
      { key: '32', noteKey: 'g-cloze', template: 'c2', deckKey: '1', suspended: false, addedAt: null, schedule: null },
    ],
    reviews: [
      { key: 'r1', cardKey: '11', reviewedAt: START - 30 * DAY, rating: 3, kind: 'learn', durationMs: 4000 },
      { key: 'r2', cardKey: '11', reviewedAt: START - 29 * DAY, rating: 3, kind: 'review', durationMs: 3000 },
      { key: 'r3', cardKey: '11', reviewedAt: START - 20 * DAY, rating: 0, kind: 'manual', durationMs: 0 },
      { key: 'r4', cardKey: '11', reviewedAt: START - 10 * DAY, rating: 1, kind: 'review', durationMs: 90_000 },
    ],
    media: [
      { name: 'wave.png', bytes: PNG },
      { name: 'page.png', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') },
      { name: '../escape.png', bytes: PNG },
    ],
    notices: [],
    skipped: [],
    ...extra,
  };
}

const deckTitled = (s: Awaited<ReturnType<typeof open>>['service'], title: string) => s.listDecks().find((d) => d.title === title);
const logEntries = (dir: string) => reviewLogFiles(dir).flatMap((f) => readEntries(f));

describe('importing a bundle', () => {
  it('makes the nested decks, notes of each type and their cards, and says what it did', async () => {
    const { service } = await open();
    const report = await service.importBundle(bundle());
    expect(report).toMatchObject({ file: 'spanish.apkg', notesAdded: 3, notesUpdated: 0, cardsAdded: 5, reviewsAdded: 3, mediaAdded: 1 });
    expect(report.decksAdded).toEqual(['Languages', 'Languages::Spanish', 'Languages::Spanish::Verbs']);
    const verbs = deckTitled(service, 'Languages::Spanish::Verbs')!;
    expect(verbs.cardCount).toBe(2);
    expect(deckTitled(service, 'Languages::Spanish')!.description).toBe('Everyday words');
    const found = service.searchCards({ query: 'hola', sort: 'due', descending: false, offset: 0, limit: 10 });
    expect(found.rows).toHaveLength(1);
    expect(found.rows[0]!.tags).toEqual(['greeting']);
    expect(report.skipped.map((s) => s.what)).toEqual(['media "page.png"', 'media "../escape.png"']);
  });

  it('keeps suspended cards suspended and gives cards with only SM-2 scheduling a memory due when it was', async () => {
    const { service } = await open();
    await service.importBundle(bundle());
    const rows = service.searchCards({ query: 'ser', sort: 'due', descending: false, offset: 0, limit: 10 }).rows;
    const front = rows.find((r) => r.template === 'front')!;
    const reverse = rows.find((r) => r.template === 'reverse')!;
    expect(front.suspended).toBe(true);
    expect(reverse.due).toBe(START + 5 * DAY);
    expect(reverse.intervalDays).toBe(20);
  });

  it('replays the history into the card’s memory and the review log, keeping manual entries as history', async () => {
    const { service, dataDir, store } = await open();
    await service.importBundle(bundle());
    const card = [...store.data.cards.values()].find((c) => c.template === 'front' && store.notesOf(c.deckId).get(c.noteId)?.origin === 'anki:g-hola')!;
    expect(card.memory.reps).toBe(3);
    expect(card.memory.lapses).toBe(1);
    expect(card.memory.state).toBe(MemoryState.Relearning);
    expect(card.memory.lastReview).toBe(START - 10 * DAY);
    expect(card.introducedAt).toBe(START - 30 * DAY);
    const entries = logEntries(dataDir).filter((e) => e.cardId === card.id);
    expect(entries.map((e) => [e.kind ?? 'answer', e.rating, e.reviewedAt])).toEqual([
      ['answer', 3, START - 30 * DAY],
      ['answer', 3, START - 29 * DAY],
      ['manual', 0, START - 20 * DAY],
      ['answer', 1, START - 10 * DAY],
    ]);
    // Anki's answer times over a minute are capped as Deckhand's own are.
    expect(entries.at(-1)!.durationMs).toBe(60_000);
  });

  it('counts imported history in the statistics, whether the history was in memory or read after', async () => {
    for (const warm of [true, false]) {
      const { service } = await open();
      if (warm) await service.getStats({});
      await service.importBundle(bundle());
      const stats = await service.getStats({});
      expect(stats.heatmap.total, warm ? 'history in memory' : 'history read after').toBe(3);
      // The Again was an answer to a card in review (20 days after a Good), so true retention counts it.
      const year = stats.retention.find((r) => r.period === 'year')!;
      expect(year, warm ? 'history in memory' : 'history read after').toMatchObject({ young: { passed: 0, failed: 1 } });
    }
  });

  it('imports the same file again without duplicating anything', async () => {
    const { service, dataDir } = await open();
    await service.importBundle(bundle());
    const before = logEntries(dataDir).length;
    const again = await service.importBundle(bundle());
    expect(again).toMatchObject({ notesAdded: 0, notesUpdated: 0, notesUnchanged: 3, cardsAdded: 0, reviewsAdded: 0, mediaAdded: 0 });
    expect(again.decksAdded).toEqual([]);
    expect(service.listDecks().reduce((n, d) => n + d.cardCount, 0)).toBe(5);
    expect(logEntries(dataDir)).toHaveLength(before);
  });

  it('updates a changed note in place, keeping its cards’ memory, and adds only newer history', async () => {
    const { service, store } = await open();
    await service.importBundle(bundle());
    const b = bundle();
    b.notes[0] = { ...b.notes[0]!, back: 'hi' };
    b.reviews.push({ key: 'r5', cardKey: '11', reviewedAt: START - 2 * DAY, rating: 3, kind: 'relearn', durationMs: 1000 });
    const report = await service.importBundle(b);
    expect(report).toMatchObject({ notesAdded: 0, notesUpdated: 1, cardsUpdated: 1, reviewsAdded: 1 });
    const notes = [...store.data.decks.keys()].flatMap((d) => [...store.notesOf(d).values()]).filter((n) => n.origin === 'anki:g-hola');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.back).toBe('hi');
    const card = store.data.cards.get(notes[0]!.id)!;
    expect(card.memory.reps).toBe(4);
    expect(card.memory.lastReview).toBe(START - 2 * DAY);
  });

  it('stores media under a plain name in the collection’s media folder, renaming a clash and the notes that use it', async () => {
    const { service, dataDir, store } = await open();
    await service.importBundle(bundle());
    expect(readFileSync(path.join(dataDir, 'media/wave.png'))).toEqual(Buffer.from(PNG));
    expect(existsSync(path.join(dataDir, 'escape.png'))).toBe(false);
    const other = Uint8Array.from([...PNG, 1, 2, 3]);
    const clash = bundle({ file: 'other.apkg', notes: [{ key: 'x', deckKey: '1', type: 'basic', format: 'html', front: 'wave', back: '<img src="wave.png">', text: '', extra: '', tags: [], addedAt: null }], cards: [], reviews: [], media: [{ name: 'wave.png', bytes: other }] });
    const report = await service.importBundle(clash);
    expect(report.mediaAdded).toBe(1);
    const renamed = readFileSync(path.join(dataDir, 'media/wave.png'));
    expect(renamed).toEqual(Buffer.from(PNG));
    const note = [...store.data.decks.keys()].flatMap((d) => [...store.notesOf(d).values()]).find((n) => n.origin === 'anki:x')!;
    const name = /src="([^"]+)"/.exec(note.back)![1]!;
    expect(name).toMatch(/^wave-[0-9a-f]{8}\.png$/);
    expect(readFileSync(path.join(dataDir, 'media', name))).toEqual(Buffer.from(other));
  });

  it('leaves out a note with a field too long for a card, saying which and why', async () => {
    const { service } = await open();
    const b = bundle();
    b.notes[1] = { ...b.notes[1]!, back: 'x'.repeat(1_000_000) };
    const report = await service.importBundle(b);
    expect(report.notesAdded).toBe(2);
    expect(report.skipped).toContainEqual({ what: 'note "g-ser"', reason: 'a field is 1,000,000 characters long; notes over 100,000 are not imported' });
  });

  it('puts everything in one deck when asked to', async () => {
    const { service } = await open();
    const report = await service.importBundle(bundle(), { deck: 'From Anki' });
    expect(report.decksAdded).toEqual(['From Anki']);
    expect(deckTitled(service, 'From Anki')!.cardCount).toBe(5);
  });

  it('keeps imported notes, their HTML format and origin, across a restart', async () => {
    const first = await open();
    await first.service.importBundle(bundle());
    first.service.close();
    const again = await open(first.dataDir);
    const note = [...again.store.data.decks.keys()].flatMap((d) => [...again.store.notesOf(d).values()]).find((n) => n.origin === 'anki:g-cloze')!;
    expect(note).toMatchObject({ type: 'cloze', format: 'html', text: '{{c1::Madrid}} is the capital of {{c2::Spain}}', extra: 'geography' });
    expect(again.service.listDecks().reduce((n, d) => n + d.cardCount, 0)).toBe(5);
    const report = await again.service.importBundle(bundle());
    expect(report.notesUnchanged).toBe(3);
  });
});
