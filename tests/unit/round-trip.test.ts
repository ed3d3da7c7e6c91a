// Export, then import: the same cards and review history come back, whether through an .apkg with
// scheduling, a CSV (notes only) or into the collection they came from (updated, not copied).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../main/formats/import/read-import.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const DAY = 86_400_000;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function open(dataDir = tempDir('deckhand-rt-'), decksDir?: string, at = START) {
  let now = at;
  const clock = () => (now += 1000);
  const store = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
  return { dataDir, store, service: createService({ store, clock, ...(decksDir ? { decksDir } : {}), scheduler: { fuzz: false } }), advance: (ms: number) => (now += ms) };
}

function shippedDeck() {
  const dir = tempDir('deckhand-decks-');
  mkdirSync(path.join(dir, 'bio'));
  const cards = [
    { id: 'cell', kind: 'fact', type: 'basic', front: 'What is the **mitochondrion**?', back: 'The powerhouse of the cell', tags: ['cells'] },
    { id: 'dna', kind: 'fact', type: 'reversed', front: 'DNA', back: 'Deoxyribonucleic acid' },
    { id: 'capital', kind: 'fact', type: 'cloze', text: '{{c1::Paris}} is the capital of {{c2::France}}', extra: 'Geography' },
    { id: 'atp', kind: 'argument', type: 'basic', front: 'Why ATP?', back: 'Energy currency' },
  ];
  writeFileSync(path.join(dir, 'bio/deck.json'), JSON.stringify({ id: 'bio', version: 1, title: 'Biology::Cells', cards }));
  return dir;
}

async function studied() {
  const app = await open(undefined, shippedDeck());
  const { service } = app;
  for (let day = 0; day < 3; day++) {
    for (let i = 0; i < 8; i++) {
      const card = service.nextCard({ deckId: 'bio' }).card;
      if (!card) break;
      service.answer({ cardId: card.id, rating: ((i + day) % 4) + 1 as 1 | 2 | 3 | 4, shownAt: card.shownAt, durationMs: 3000 + i });
    }
    app.advance(DAY);
  }
  service.undo();
  service.suspend({ cardId: 'bio/atp' });
  await service.importBundle({
    file: 'pics.apkg', format: 'apkg', decks: [{ key: '1', title: 'Pictures', description: '' }],
    notes: [{ key: 'pic', deckKey: '1', type: 'basic', format: 'html', front: 'Which cell? <img src="cell.png">', back: 'A neuron', text: '', extra: '', tags: [], addedAt: null }],
    cards: [], reviews: [], media: [{ name: 'cell.png', bytes: PNG }], notices: [], skipped: [],
  });
  return app;
}

type Service = Awaited<ReturnType<typeof open>>['service'];
const rows = (s: Service) =>
  s
    .searchCards({ query: '', sort: 'added', descending: false, offset: 0, limit: 500 })
    .rows.map((r) => ({ front: r.front, template: r.template, type: r.type, suspended: r.suspended, status: r.status, due: r.due, intervalDays: r.intervalDays, deck: r.deckTitle, tags: r.tags }))
    .sort((a, b) => (a.front + a.template).localeCompare(b.front + b.template));
const history = (app: Awaited<ReturnType<typeof open>>) => {
  const entries = app.store.allEntries();
  const undone = new Set(entries.flatMap((e) => (e.kind === 'undo' && e.undoes ? [e.undoes] : [])));
  const frontOf = (cardId: string) => rows(app.service).length && app.service.searchCards({ query: '', sort: 'added', descending: false, offset: 0, limit: 500 }).rows.find((r) => r.cardId === cardId);
  return entries
    .filter((e) => !e.kind && e.rating > 0 && !undone.has(e.id))
    .map((e) => {
      const row = frontOf(e.cardId);
      return `${row ? `${row.front}|${row.template}` : e.cardId} ${e.rating} ${e.reviewedAt} ${e.durationMs}`;
    })
    .sort();
};

describe('export, then import', () => {
  it('an .apkg with scheduling brings back the same cards, states, due dates, media and review history', async () => {
    const from = await studied();
    const file = await from.service.exportFile({ format: 'apkg', scheduling: true });
    const read = await readImportFile(file.fileName, file.bytes);
    expect(read.kind).toBe('bundle');
    const to = await open(undefined, undefined, from.service.getAppInfo().now);
    if (read.kind !== 'bundle') return;
    const report = await to.service.importBundle(read.bundle);
    expect(report.skipped).toEqual([]);
    expect(report.mediaAdded).toBe(1);
    expect(rows(to.service)).toEqual(rows(from.service));
    expect(history(to)).toEqual(history(from));
    expect(history(from).length).toBeGreaterThan(10);
  });

  it('an .apkg without scheduling brings back the same notes, every card new', async () => {
    const from = await studied();
    const file = await from.service.exportFile({ format: 'apkg', scheduling: false });
    const read = await readImportFile(file.fileName, file.bytes);
    const to = await open();
    if (read.kind !== 'bundle') throw new Error('expected a bundle');
    await to.service.importBundle(read.bundle);
    const expected = rows(from.service).map((r) => ({ ...r, suspended: false, status: 'new', due: null, intervalDays: 0 }));
    expect(rows(to.service)).toEqual(expected);
    expect(history(to)).toEqual([]);
  });

  it('a CSV brings back the same notes', async () => {
    const from = await studied();
    const file = await from.service.exportFile({ format: 'csv' });
    const read = await readImportFile(file.fileName, file.bytes);
    const to = await open();
    if (read.kind !== 'bundle') throw new Error('expected a bundle');
    const report = await to.service.importBundle(read.bundle);
    expect(report.notesAdded).toBe(5);
    const strip = (r: ReturnType<typeof rows>[number]) => ({ front: r.front, template: r.template, type: r.type, deck: r.deck, tags: r.tags });
    expect(rows(to.service).map(strip)).toEqual(rows(from.service).map(strip));
  });

  it('into the collection it came from, updates the notes in place instead of copying them', async () => {
    const app = await studied();
    const before = rows(app.service);
    for (const format of ['apkg', 'csv'] as const) {
      const file = await app.service.exportFile({ format });
      const read = await readImportFile(file.fileName, file.bytes);
      if (read.kind !== 'bundle') throw new Error('expected a bundle');
      const report = await app.service.importBundle(read.bundle);
      expect(report.notesAdded).toBe(0);
      expect(report.cardsAdded).toBe(0);
    }
    expect(rows(app.service).map((r) => r.front + r.template)).toEqual(before.map((r) => r.front + r.template));
  });
});
