// The full JSON backup: export a collection, restore it elsewhere (or over another collection),
// and find exactly the same decks, notes, cards, history, settings and media.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCollectionJson, writeCollectionJson } from '../../main/formats/collection-json.ts';
import { ImportError } from '../../main/formats/bundle.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function open(dataDir = tempDir('deckhand-json-'), decksDir?: string) {
  let now = START;
  const clock = () => (now += 1000);
  const store = closeWhenDone(await openCollectionStore(dataDir, { now: clock }));
  return { dataDir, store, service: createService({ store, clock, ...(decksDir ? { decksDir } : {}), scheduler: { fuzz: false } }) };
}

function shippedDeck() {
  const dir = tempDir('deckhand-decks-');
  mkdirSync(path.join(dir, 'd'));
  writeFileSync(path.join(dir, 'd/deck.json'), JSON.stringify({ id: 'd', version: 1, title: 'Shipped', cards: [1, 2, 3, 4].map((i) => ({ id: `n${i}`, kind: 'fact', type: 'basic', front: `Q${i}`, back: `A${i}` })) }));
  return dir;
}

async function studiedCollection() {
  const app = await open(undefined, shippedDeck());
  const { service } = app;
  for (const rating of [3, 1, 4] as const) {
    const card = service.nextCard({ deckId: 'd' }).card!;
    service.answer({ cardId: card.id, rating, shownAt: card.shownAt, durationMs: 2000 });
  }
  service.undo();
  const card = service.nextCard({ deckId: 'd' }).card!;
  service.answer({ cardId: card.id, rating: 2, shownAt: card.shownAt, durationMs: 1500 });
  service.suspend({ cardId: 'd/n4' });
  await service.importBundle({
    file: 'x.apkg', format: 'apkg', decks: [{ key: '1', title: 'Imported::Sub', description: '' }],
    notes: [{ key: 'g1', deckKey: '1', type: 'cloze', format: 'html', front: '', back: '', text: '{{c1::a}} <img src="p.png">', extra: '', tags: ['t'], addedAt: null }],
    cards: [], reviews: [], media: [{ name: 'p.png', bytes: PNG }], notices: [], skipped: [],
  });
  service.updateSettings({ ...service.getSettings(), newPerDay: 7, theme: 'dark' });
  return app;
}

const view = (s: Awaited<ReturnType<typeof open>>['service']) => {
  const c = s.collectionContent();
  return {
    decks: c.decks,
    settings: c.settings,
    notes: [...c.notes].sort((a, b) => a.id.localeCompare(b.id)),
    cards: [...c.cards].sort((a, b) => a.id.localeCompare(b.id)),
    history: c.history.map(({ id: _id, seq: _seq, undoes, ...e }) => ({ ...e, undoes: undoes === undefined ? undefined : c.history.findIndex((x) => x.id === undoes) })),
    media: c.media,
  };
};

describe('the full JSON backup', () => {
  it('restores into an empty collection exactly as it was', async () => {
    const from = await studiedCollection();
    const json = writeCollectionJson(from.service.collectionContent(), START);
    const to = await open();
    await to.service.restoreCollection(readCollectionJson('backup.json', json));
    expect(view(to.service)).toEqual(view(from.service));
    expect(view(to.service).history.some((e) => e.kind === 'undo' && e.undoes !== undefined && e.undoes >= 0)).toBe(true);
    expect(readFileSync(path.join(to.dataDir, 'media/p.png'))).toEqual(Buffer.from(PNG));
    to.service.close();
    const reopened = await open(to.dataDir);
    expect(view(reopened.service)).toEqual(view(from.service));
  });

  it('replaces a collection that has other cards, backing that one up first', async () => {
    const from = await studiedCollection();
    const json = writeCollectionJson(from.service.collectionContent(), START);
    const other = await open(undefined, shippedDeck());
    const card = other.service.nextCard({ deckId: 'd' }).card!;
    other.service.answer({ cardId: card.id, rating: 3, shownAt: card.shownAt, durationMs: 1 });
    // Its statistics had read its own history; after the restore they count the backup's alone.
    expect((await other.service.getStats({})).heatmap.total).toBe(1);
    await other.service.restoreCollection(readCollectionJson('backup.json', json));
    expect(view(other.service)).toEqual(view(from.service));
    expect((await other.service.getStats({})).heatmap.total).toBe((await from.service.getStats({})).heatmap.total);
    expect(other.service.listBackups().some((b) => b.beforeRestore)).toBe(true);
  });

  it('refuses a file that is not a backup, naming the file and what is wrong, and changes nothing', async () => {
    const app = await studiedCollection();
    const before = view(app.service);
    expect(() => readCollectionJson('notes.json', '{"format":"deckhand-collection","version":1}')).toThrow(ImportError);
    expect(() => readCollectionJson('notes.json', '{"format":"deckhand-collection","version":1}')).toThrow(/^notes\.json: not a Deckhand collection backup: exportedAt/);
    expect(() => readCollectionJson('broken.json', '{"format": "deckh')).toThrow(/^broken\.json: not valid JSON/);
    const good = JSON.parse(writeCollectionJson(app.service.collectionContent(), START));
    good.cards[0].noteId = 'nowhere/n1';
    expect(() => readCollectionJson('edited.json', JSON.stringify(good))).toThrow(/^edited\.json: card ".*" belongs to no note in the backup$/);
    expect(view(app.service)).toEqual(before);
  });
});
