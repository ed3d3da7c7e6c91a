// Pictures and sounds an import's notes show but that never arrive: the report names how many and
// the first few, instead of leaving holes in cards the learner finds one by one. A bare collection
// picked from an Anki profile brings the ones in the `collection.media` folder beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportBundle } from '../../main/formats/bundle.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { BASIC, buildCollection } from './formats/fixtures/anki-fixtures.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const START = new Date(2026, 2, 2, 9).getTime();
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function open() {
  const store = closeWhenDone(await openCollectionStore(tempDir('deckhand-import-'), { now: () => START }));
  return createService({ store, clock: () => START, scheduler: { fuzz: false } });
}

function pictures(names: string[], media: string[]): ImportBundle {
  return {
    file: 'atlas.apkg',
    format: 'apkg',
    decks: [{ key: '1', title: 'Atlas', description: '' }],
    notes: names.map((name, i) => ({ key: `g${i}`, deckKey: '1', type: 'basic' as const, format: 'html' as const, front: `Where is this? <img src="${name}">`, back: `[sound:place-${i}.mp3]`, text: '', extra: '', tags: [], addedAt: null })),
    cards: names.map((_, i) => ({ key: `c${i}`, noteKey: `g${i}`, template: 'front', deckKey: '1', suspended: false, addedAt: null, schedule: null })),
    reviews: [],
    media: media.map((name) => ({ name, bytes: PNG })),
    notices: [],
    skipped: [],
  };
}

describe('media the notes name but the file lacks', () => {
  it('are counted in the report with the first five named', async () => {
    const service = await open();
    const names = ['a.png', 'b.png', 'c.png', 'd.png'];
    // Each note names its picture and a sound; only a.png comes with the file.
    const report = await service.importBundle(pictures(names, ['a.png']));
    expect(report.mediaAdded).toBe(1);
    expect(report.notices).toContain('7 pictures or sounds the notes show are not in the file and not in your collection, so they show as missing: “b.png”, “c.png”, “d.png”, “place-0.mp3”, “place-1.mp3” and 2 more');
  });

  it('are not reported when the collection already has them', async () => {
    const service = await open();
    await service.importBundle(pictures(['a.png'], ['a.png']));
    const report = await service.importBundle({ ...pictures(['a.png'], []), notes: pictures(['a.png'], []).notes.map((n) => ({ ...n, back: 'no sound' })) });
    expect(report.notices.filter((n) => n.includes('missing'))).toEqual([]);
  });

  it('come from the collection.media folder beside a bare collection, the rest reported', async () => {
    const folder = tempDir('deckhand-profile-');
    const file = path.join(folder, 'collection.anki2');
    writeFileSync(file, await buildCollection({
      schema: 11,
      notetypes: [BASIC],
      decks: [{ id: 1, name: 'Default' }],
      notes: [
        { id: 1_600_000_000_001, guid: 'one', mid: BASIC.id, fields: ['Flag <img src="flag.png">', 'Red'] },
        { id: 1_600_000_000_002, guid: 'two', mid: BASIC.id, fields: ['Map <img src="map.png">', 'Blue'] },
      ],
      cards: [
        { id: 1_600_000_000_101, nid: 1_600_000_000_001, did: 1, ord: 0 },
        { id: 1_600_000_000_102, nid: 1_600_000_000_002, did: 1, ord: 0 },
      ],
    }));
    mkdirSync(path.join(folder, 'collection.media'));
    writeFileSync(path.join(folder, 'collection.media', 'flag.png'), PNG);
    writeFileSync(path.join(folder, 'collection.media', 'unrelated.png'), PNG);
    const service = await open();
    const report = await service.importPath({ path: file });
    expect(report.mediaAdded).toBe(1);
    expect(Buffer.from((await service.readMedia('flag.png'))!.bytes)).toEqual(Buffer.from(PNG));
    expect(await service.readMedia('unrelated.png')).toBeNull();
    expect(report.notices).toContain('1 picture or sound the notes show is not in the file and not in your collection, so it shows as missing: “map.png”');
  });
});
