// Importing a 1,600-card Anki package with media (issue 7 asks for under 2 s): 800 "Basic (and
// reversed card)" notes, a review history on half the cards and 200 images and sounds, in the
// collection.anki21 layout Anki 2.1 writes. Each run reads the package and imports it into a new
// collection on disk, snapshot written; the median of the runs is printed.
//   npx tsx tests/bench/import.ts [--notes 800] [--runs 5]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readImportFile } from '../../main/formats/import/read-import.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { buildCollection, buildPackage, REVERSED, type FixtureCard, type FixtureReview } from '../unit/formats/fixtures/anki-fixtures.ts';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '800' }, runs: { type: 'string', default: '5' } } });
const noteCount = Number(values.notes);
const runs = Number(values.runs);
const DAY_S = 86_400;
const crt = Date.UTC(2025, 0, 1) / 1000;

// Bytes that pass the content check: a PNG or MP3 signature, then noise that does not compress,
// sized like real media (compressed images and sound barely shrink in a zip either).
let seed = 0x2545f491;
const noise = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed & 0xff;
};
function mediaFile(i: number): { name: string; bytes: Uint8Array } {
  const png = i % 2 === 0;
  const bytes = new Uint8Array(png ? 30_000 : 50_000).map(noise);
  bytes.set(png ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52] : [0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
  return { name: png ? `picture-${i}.png` : `sound-${i}.mp3`, bytes };
}

const media = Array.from({ length: 200 }, (_, i) => mediaFile(i));
const notes = Array.from({ length: noteCount }, (_, i) => ({
  id: 1_600_000_000_000 + i,
  guid: `g${i.toString(36)}`,
  mid: REVERSED.id,
  tags: `bench tag${i % 20}`,
  fields: [`Word ${i} <img src="${media[(i * 2) % 200]!.name}">`, `Meaning ${i} [sound:${media[(i * 2 + 1) % 200]!.name}]`],
}));
const cards: FixtureCard[] = [];
const revlog: FixtureReview[] = [];
for (const [i, n] of notes.entries()) {
  for (const ord of [0, 1]) {
    const id = n.id * 2 + ord;
    const studied = (i + ord) % 2 === 0;
    cards.push({ id, nid: n.id, did: 2, ord, ...(studied ? { type: 2, queue: 2, due: 400, ivl: 30, factor: 2500 } : {}) });
    if (studied) for (let r = 0; r < 8; r++) revlog.push({ id: (crt + r * 20 * DAY_S) * 1000 + (id % 100_000), cid: id, ease: r === 3 ? 1 : 3, type: r === 0 ? 0 : 1, time: 4000 });
  }
}
const collection = await buildCollection({ schema: 11, crt, notetypes: [REVERSED], decks: [{ id: 1, name: 'Default' }, { id: 2, name: 'Bench::Vocabulary' }], notes, cards, revlog });
const apkg = await buildPackage({ layout: 'collection.anki21', collection, media });

const times: number[] = [];
let summary = '';
for (let run = 0; run < runs; run++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-import-'));
  const store = await openCollectionStore(dir);
  const service = createService({ store, clock: Date.now, scheduler: { fuzz: false } });
  const started = performance.now();
  const read = await readImportFile('bench.apkg', apkg);
  if (read.kind !== 'bundle') throw new Error('expected a bundle');
  const report = await service.importBundle(read.bundle);
  times.push(performance.now() - started);
  summary = `${report.cardsAdded} cards, ${report.reviewsAdded} reviews, ${report.mediaAdded} media files`;
  service.close();
  rmSync(dir, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
console.log(`  import of a ${(apkg.length / 1048576).toFixed(1)} MB .apkg (${summary}): median ${Math.round(median)} ms over ${runs} runs (fastest ${Math.round(times[0]!)} ms, slowest ${Math.round(times.at(-1)!)} ms); target under 2000 ms`);
