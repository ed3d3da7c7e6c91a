// Importing a heavy Anki user's collection: 100,000 cards with 1,000,000 reviews, packaged the way
// Anki 2.1 writes an .apkg (collection.anki21, legacy schema, deflated). The target is 30 s and
// 1 GB of memory (resident, at its peak) on the benchmark machine. The package is built once and
// kept in the temp folder; the import is measured in a child process of its own, so that building
// the package does not count against its memory.
//   npx tsx tests/bench/import-scale.ts [--cards 100000] [--reviews 1000000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCollection, buildPackage, REVERSED, type FixtureCard, type FixtureNote, type FixtureReview } from '../unit/formats/fixtures/anki-fixtures.ts';
import { mulberry32 } from './random.ts';

/** Bump when the package built here changes, so a cached one is built again. */
const FORMAT = 1;
const DAY_S = 86_400;

const { values } = parseArgs({ options: { cards: { type: 'string', default: '100000' }, reviews: { type: 'string', default: '1000000' }, measure: { type: 'string' } } });
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

if (values.measure) await measure(values.measure);
else await main(Number(values.cards), Number(values.reviews));

async function main(cards: number, reviews: number): Promise<void> {
  const file = path.join(os.tmpdir(), `deckhand-bench-anki-${cards}-${reviews}-v${FORMAT}.apkg`);
  if (!existsSync(file)) {
    process.stderr.write(`Building an Anki package of ${cards.toLocaleString('en')} cards and ${reviews.toLocaleString('en')} reviews into ${file}\n`);
    const bytes = await buildScalePackage(cards, reviews);
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0) {
    console.log(`  import of ${cards.toLocaleString('en')} cards with ${reviews.toLocaleString('en')} reviews: FAILED (${child.signal ?? `exit ${child.status}`}) ${line}`);
    process.exitCode = 1;
    return;
  }
  const r = JSON.parse(line) as { ms: number; cpuMs: number; rssMB: number; summary: string; mb: number };
  const ok = r.ms <= 30_000 && r.rssMB <= 1024;
  console.log(`  import of a ${r.mb.toFixed(1)} MB .apkg (${r.summary}): ${(r.ms / 1000).toFixed(1)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s), peak RSS ${Math.round(r.rssMB)} MB; target 30 s and 1024 MB${ok ? '' : ' (MISSED)'}`);
  if (!ok) process.exitCode = 1;
}

/** In the child: reads the package and imports it into a new collection on disk, snapshot written. */
async function measure(file: string): Promise<void> {
  const [{ readImportFile }, { createService }, { openCollectionStore }] = await Promise.all([
    import('../../main/formats/import/read-import.ts'),
    import('../../main/service.ts'),
    import('../../main/store/collection-store.ts'),
  ]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-import-scale-'));
  try {
    const store = await openCollectionStore(dir);
    const service = createService({ store, clock: Date.now, scheduler: { fuzz: false } });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const read = await readImportFile(file, readFileSync(file));
    if (read.kind !== 'bundle') throw new Error('expected a bundle');
    const report = await service.importBundle(read.bundle);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    service.close();
    const rssMB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMB, mb: statSync(file).size / 1048576, summary: `${report.cardsAdded.toLocaleString('en')} cards, ${report.reviewsAdded.toLocaleString('en')} reviews` })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Half the notes "Basic (and reversed card)", half plain Basic, over 20 decks; each card answered
 * about `reviews / cards` times over some years: learning steps, then reviews whose interval grows
 * until a lapse sends the card through relearning.
 */
async function buildScalePackage(cardCount: number, reviewCount: number): Promise<Uint8Array> {
  const random = mulberry32(0x5ca1e);
  const crt = Date.UTC(2019, 0, 1) / 1000;
  const notes: FixtureNote[] = [];
  const cards: FixtureCard[] = [];
  const revlog: FixtureReview[] = [];
  const BASIC = { id: 1001, name: 'Basic', fields: ['Front', 'Back'], templates: ['Card 1'] };
  const perCard = reviewCount / cardCount;
  let id = 1_550_000_000_000;
  const usedIds = new Set<number>();
  while (cards.length < cardCount) {
    const reversed = notes.length % 2 === 0 && cards.length + 2 <= cardCount;
    const noteId = id++;
    notes.push({ id: noteId, guid: `s${noteId.toString(36)}`, mid: reversed ? REVERSED.id : BASIC.id, tags: `scale deck${notes.length % 20}`, fields: [`Question ${notes.length}: what is the term for item ${notes.length * 7}?`, `Answer ${notes.length} <b>with some emphasis</b>`] });
    for (let ord = 0; ord < (reversed ? 2 : 1); ord++) {
      const cardId = id++;
      const want = Math.round(perCard * (cards.length + 1)) - Math.round(perCard * cards.length);
      let at = crt + Math.floor(random() * 300) * DAY_S + 9 * 3600 + Math.floor(random() * 36_000);
      let ivl = 0;
      for (let r = 0; r < want; r++) {
        const learning = r < 2;
        const ease = learning ? 3 : random() < 0.1 ? 1 : random() < 0.85 ? 3 : random() < 0.5 ? 2 : 4;
        const type = learning ? 0 : ivl === 0 ? 2 : 1;
        ivl = learning ? (r === 1 ? 1 : 0) : ease === 1 ? 0 : Math.max(1, Math.round((ivl || 1) * (ease === 2 ? 1.2 : ease === 4 ? 3.5 : 2.5)));
        let revlogId = at * 1000 + (cardId % 1000);
        while (usedIds.has(revlogId)) revlogId++;
        usedIds.add(revlogId);
        revlog.push({ id: revlogId, cid: cardId, ease, type, time: 2000 + Math.floor(random() * 10_000), ivl: ivl === 0 ? -600 : ivl, factor: 2500 });
        at += ivl === 0 ? 600 : ivl * DAY_S;
      }
      cards.push({ id: cardId, nid: noteId, did: 10 + (notes.length % 20), ord, type: 2, queue: 2, due: Math.floor((at - crt) / DAY_S), ivl: Math.max(1, ivl), factor: 2500 });
    }
  }
  const decks = [{ id: 1, name: 'Default' }, ...Array.from({ length: 20 }, (_, i) => ({ id: 10 + i, name: `Heavy::Subject ${i + 1}` }))];
  const collection = await buildCollection({ schema: 11, crt, notetypes: [BASIC, REVERSED], decks, notes, cards, revlog });
  return buildPackage({ layout: 'collection.anki21', collection });
}
