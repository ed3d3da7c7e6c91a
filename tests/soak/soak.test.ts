// Long use: 200 days of study at 300 answers a day on one collection, the clock moving on as it
// would, the app opened each morning and quit each evening. Whatever the years bring, opening must
// not slow down, memory must not grow, the log must fold into a few files, backups must thin, and
// every answer given must be counted exactly once.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService, type DeckhandService } from '../../main/service.ts';
import { openCollectionStore } from '../../main/store/collection-store.ts';
import { LOG_FILE, MAX_SMALL_SEGMENTS, SEGMENT_DIR } from '../../main/store/log-segments.ts';
import { BACKUP_DIR } from '../../main/store/backups.ts';
import { tempDir } from '../unit/temp-dir.ts';

const DAYS = 200;
const PER_DAY = 300;
const DAY_MS = 86_400_000;
/** Study starts at 8 in the morning of the first day; each answer takes 6 seconds. */
const FIRST_MORNING = new Date(2026, 0, 5, 8).getTime();

/** 20 decks of 1,000 cards, `deck-0` … `deck-19`, as shipped decks are laid out. */
function twentyDecks(): string {
  const dir = tempDir('deckhand-soak-decks-');
  for (let d = 0; d < 20; d++) {
    mkdirSync(path.join(dir, `deck-${d}`));
    const cards = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, kind: 'fact', type: 'basic', front: `Question ${d}.${i}`, back: `Answer ${d}.${i}` }));
    writeFileSync(path.join(dir, `deck-${d}`, 'deck.json'), JSON.stringify({ id: `deck-${d}`, version: 1, title: `Deck ${d}`, cards }));
  }
  return dir;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

describe('200 days of study', () => {
  it('keeps opening fast, memory flat, the log folded, backups thinned and every answer counted', async () => {
    const decksDir = twentyDecks();
    const decks = Array.from({ length: 20 }, (_, d) => `deck-${d}`);
    const dataDir = tempDir('deckhand-soak-');
    let now = FIRST_MORNING;
    const clock = () => (now += 1);
    // A deterministic stream of ratings: mostly Good, some Again, Hard and Easy, as a learner answers.
    let seed = 42;
    const rating = (): 1 | 2 | 3 | 4 => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const r = seed / 2 ** 31;
      return r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.9 ? 3 : 4;
    };

    const openTimes: number[] = [];
    /** Log lines each morning's open replays: the work that opening does on top of reading the snapshot. */
    const replayed: number[] = [];
    const heaps: number[] = [];
    let answered = 0;
    for (let day = 0; day < DAYS; day++) {
      now = FIRST_MORNING + day * DAY_MS;
      const active = path.join(dataDir, LOG_FILE);
      replayed.push(existsSync(active) ? readFileSync(active, 'utf8').split('\n').filter(Boolean).length : 0);
      const started = performance.now();
      const store = await openCollectionStore(dataDir, { now: clock });
      // The cards arrive once, as an import would bring them; later mornings open the collection alone.
      const service: DeckhandService = createService({ store, clock, ...(day === 0 ? { decksDir } : {}), scheduler: { fuzz: true } });
      openTimes.push(performance.now() - started);
      if (day === 0) service.updateSettings({ ...service.getSettings(), presets: [{ ...service.getSettings().presets[0]!, newPerDay: 100, reviewsPerDay: 9999 }] });
      expect(store.notices).toEqual([]);

      // Each day the learner works through the decks from where they stopped the day before.
      let today = 0;
      let deck = day % decks.length;
      while (today < PER_DAY) {
        const deckId = decks[deck]!;
        const card = service.nextCard({ deckId }).card;
        if (!card) {
          deck = (deck + 1) % decks.length;
          if (deck === day % decks.length) throw new Error(`Day ${day + 1}: nothing left to study after ${today} answers`);
          continue;
        }
        now += 6000;
        service.answer({ cardId: card.id, rating: rating(), shownAt: card.shownAt, durationMs: 6000, cardVersion: card.version });
        today++;
      }
      answered += today;
      await store.flush();
      expect(service.collectionSummary().reviews).toBe(answered);
      service.close();
      heaps.push(heapAfterGc());
    }

    // Every answer, once: in the collection and in the log.
    const store = await openCollectionStore(dataDir, { now: clock });
    const service = createService({ store, clock, scheduler: { fuzz: true } });
    expect(service.collectionSummary().reviews).toBe(DAYS * PER_DAY);
    const ids = store.allEntries().map((e) => e.id);
    expect(new Set(ids).size).toBe(DAYS * PER_DAY);
    service.close();

    // The log is folded: archive files of a few megabytes and at most MAX_SMALL_SEGMENTS small ones.
    const logFiles = readdirSync(path.join(dataDir, SEGMENT_DIR));
    expect(logFiles.length).toBeLessThanOrEqual(MAX_SMALL_SEGMENTS + 10);
    // Backups are thinned: 12 recent, one a day for 14 days, one a month for a year at most.
    const backups = readdirSync(path.join(dataDir, BACKUP_DIR));
    expect(backups.length).toBeLessThanOrEqual(12 + 14 + 12);
    expect(backups.length).toBeGreaterThanOrEqual(14);

    // Opening does not slow down, and memory does not grow, as the history gets longer.
    const early = median(openTimes.slice(10, 30));
    const late = median(openTimes.slice(-20));
    console.log(`soak: ${DAYS} days, ${answered} answers; open median ${early.toFixed(1)} ms (days 11-30) vs ${late.toFixed(1)} ms (last 20); heap ${(median(heaps.slice(10, 30)) / 1048576).toFixed(1)} MB vs ${(median(heaps.slice(-20)) / 1048576).toFixed(1)} MB; ${logFiles.length} log files, ${backups.length} backups`);
    // Opening does not grow with the history: each morning it replays only what the last snapshot did
    // not hold, never more than a snapshot's worth (its time is printed above, not asserted: a loaded
    // machine would fail a timed assertion without the work having grown).
    expect(Math.max(...replayed)).toBeLessThanOrEqual(500);
    expect(median(heaps.slice(-20))).toBeLessThan(median(heaps.slice(10, 30)) * 1.5);
  });
});
