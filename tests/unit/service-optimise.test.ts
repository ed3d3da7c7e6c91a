// Optimising through the service: a real history imported, fitted in a child process, kept only
// when better, reaching the next answers of that preset's cards, reset to the defaults; too little
// history; a child that dies; Cancel.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportBundle } from '../../main/formats/bundle.ts';
import type { ChildHandle, ChildLauncher } from '../../main/optimiser/supervisor.ts';
import { createService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { wordsBundle } from './service-fixtures.ts';
import { hasShared, REALDATA, sharedSkipReason } from './shared-data.ts';
import { closeWhenDone, tempDir } from './temp-dir.ts';

const DAY = 86_400_000;

async function open(start: number, optimiser?: ChildLauncher) {
  let now = start;
  const clock = () => now;
  const store = closeWhenDone(await openCollectionStore(tempDir('deckhand-optimise-'), { now: clock }));
  const service = closeWhenDone(createService({ store, clock, scheduler: { fuzz: false }, ...(optimiser ? { optimiser } : {}) }));
  return { service, advance: (ms: number) => (now += ms) };
}

/** py-fsrs's real review log (MIT) as an import: one basic note per card, every row an answer. */
function pyFsrsBundle(): { bundle: ImportBundle; end: number } {
  const rows = readFileSync(path.join(REALDATA, 'py-fsrs/review_logs_josh_1711744352250_to_1728234780857.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const cardIds = [...new Set(rows.map((r) => r[0]!))];
  const seen = new Set<string>();
  const bundle: ImportBundle = {
    ...wordsBundle(),
    file: 'josh.csv',
    decks: [{ key: 'j', title: 'Josh', description: '' }],
    notes: cardIds.map((id) => ({ key: id, deckKey: 'j', type: 'basic', format: 'markdown', front: `Q ${id}`, back: `A ${id}`, text: '', extra: '', tags: [], addedAt: null })),
    cards: cardIds.map((id) => ({ key: id, noteKey: id, template: 'front', deckKey: 'j', suspended: false, addedAt: null, schedule: null })),
    reviews: rows.map((r, i) => {
      const first = !seen.has(r[0]!);
      seen.add(r[0]!);
      return { key: `r${i}`, cardKey: r[0]!, reviewedAt: Date.parse(r[2]!), rating: Number(r[1]) as 1 | 3, kind: first ? 'learn' : 'review', durationMs: Number(r[3]) };
    }),
  };
  return { bundle, end: Math.max(...bundle.reviews.map((r) => r.reviewedAt)) };
}

/** The intervals Study shows for the first review due in deck "Josh". */
function intervalsShown(service: Awaited<ReturnType<typeof open>>['service']) {
  const deckId = service.listDecks().find((d) => d.title === 'Josh')!.id;
  const card = service.nextCard({ deckId }).card!;
  return { cardId: card.id, intervals: card.intervals };
}

describe.skipIf(!hasShared)(`optimising a real history ${hasShared ? '' : sharedSkipReason}`, () => {
  it('fits the preset to it, says so in words, and the next answers of its cards use the fitted parameters until reset', async () => {
    const { bundle, end } = pyFsrsBundle();
    const { service, advance } = await open(end + DAY);
    await service.importBundle(bundle);
    advance(60 * DAY);
    const before = intervalsShown(service);

    const dry = await service.optimise({ dryRun: true });
    expect(dry[0]).toMatchObject({ name: 'Default', kept: 'new', applied: false });
    expect(service.getSettings().presets[0]!.weights).toBeUndefined();

    const [result] = await service.optimise({ presetIds: ['default'] });
    // Counted by study day in the local time zone, so the exact numbers move a little with it.
    expect(result).toMatchObject({ name: 'Default', scope: 'full', kept: 'new', applied: true });
    expect(result!.reviews).toBeGreaterThan(12_000);
    expect(result!.items).toBeGreaterThan(6_000);
    expect(service.getSettings().presets[0]!.weights).toEqual(result!.params);
    expect(result!.health.history).toBe(`Learned from ${result!.reviews.toLocaleString('en-US')} reviews of ${result!.cards.toLocaleString('en-US')} cards (${result!.items.toLocaleString('en-US')} reviews a day or more after the one before).`);
    expect(result!.health.verdict).toMatch(/^The scheduler now predicts your recall about \d+% closer than before: on reviews it was not fitted on, its predicted chance of remembering was off by \d+\.\d points on average, against \d+\.\d points with the previous parameters\.$/);
    expect(service.optimiseStatus()).toMatchObject({ running: false, fraction: 1, error: null, results: [result] });

    const after = intervalsShown(service);
    expect(after.cardId).toBe(before.cardId);
    expect(after.intervals).not.toEqual(before.intervals);

    service.resetParameters({ presetId: 'default' });
    expect(service.getSettings().presets[0]!.weights).toBeUndefined();
    expect(intervalsShown(service)).toEqual(before);

    // Help me decide: the preset's next year at each retention, its own 0.9 marked.
    const workload = await service.simulateWorkload({ presetId: 'default' });
    expect(workload).toMatchObject({ presetId: 'default', chosen: 0.9, days: 365, newCards: 0 });
    // Every studied card of the log (1,205), not only those with a review a day after another.
    expect(workload.cards).toBe(1205);
    expect(workload.points.map((p) => p.retention)).toEqual(Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i / 100) * 100) / 100));
    const at = (r: number) => workload.points.find((p) => p.retention === r)!;
    expect(at(0.7).reviewsPerDay).toBeLessThan(at(0.9).reviewsPerDay);
    expect(at(0.7).remembered).toBeLessThan(at(0.9).remembered);
  });
});

describe('optimising', () => {
  it('fits nothing from a history too small and says how much there is', async () => {
    const start = new Date(2026, 2, 2, 9).getTime();
    const { service } = await open(start);
    await service.importBundle(wordsBundle([{ key: 'r1', cardKey: 'hola:front', reviewedAt: start - 3 * DAY, rating: 3, kind: 'learn', durationMs: 1000 }, { key: 'r2', cardKey: 'hola:front', reviewedAt: start - DAY, rating: 3, kind: 'review', durationMs: 1000 }]));
    const [result] = await service.optimise({});
    expect(result).toMatchObject({ scope: 'none', kept: 'old', applied: false, reviews: 2, items: 1 });
    expect(result!.health.verdict).toBe('Too little history to learn from yet: 1 review a day or more after the one before, and at least 9 are needed. Your current parameters stay in use.');
  });

  it('reports a child that died, changes nothing, and can run again', async () => {
    const dying: ChildLauncher = () => fakeChild((h) => h.end({ code: null, signal: 'SIGSEGV' }));
    const { service } = await open(Date.now(), dying);
    await expect(service.optimise({})).rejects.toThrow('The optimiser stopped before it finished (it was stopped by SIGSEGV). Your parameters did not change.');
    expect(service.optimiseStatus()).toMatchObject({ running: false, error: 'The optimiser stopped before it finished (it was stopped by SIGSEGV). Your parameters did not change.' });
    expect(service.getSettings().presets[0]!.weights).toBeUndefined();
    await expect(service.optimise({})).rejects.toThrow(/SIGSEGV/);
  });

  it('cancels a running optimisation: the child is stopped and nothing changes', async () => {
    let killed = false;
    // A child that never answers, whose end comes only when it is killed.
    const silent: ChildLauncher = () => {
      const child = fakeChild(() => {});
      return {
        ...child,
        kill: () => {
          killed = true;
          child.kill();
        },
      };
    };
    const { service } = await open(Date.now(), silent);
    const started = service.startOptimise({});
    expect(started.running).toBe(true);
    expect(() => service.startOptimise({})).toThrow('An optimisation is already running.');
    service.cancelOptimise();
    await expect.poll(() => service.optimiseStatus().running).toBe(false);
    expect(killed).toBe(true);
    expect(service.optimiseStatus().error).toBe('Optimisation cancelled. Your parameters did not change.');
  });
});

/** A child process stand-in: `script` decides what it does with each message; killing it ends it, as it does a process. */
function fakeChild(script: (h: { end: (e: { code: number | null; signal: string | null }) => void }) => void): ChildHandle {
  let endListener: (e: { code: number | null; signal: string | null }) => void = () => {};
  const h = { end: (e: { code: number | null; signal: string | null }) => queueMicrotask(() => endListener(e)) };
  return {
    send: () => script(h),
    onMessage: () => {},
    onEnd: (l) => {
      endListener = l;
    },
    kill: () => h.end({ code: null, signal: 'SIGKILL' }),
  };
}
