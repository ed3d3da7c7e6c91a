// One measurement, in a process of its own so that heap, JIT and page-cache state from one store
// cannot colour another's numbers. Usage: node --expose-gc --import tsx worker.ts '<job JSON>'.
// Prints one JSON line (a RunResult) on stdout; progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createClock } from '../../main/clock.ts';
import { readMeta } from './dataset.ts';
import { drawDurationMs, drawRating, mulberry32 } from './random.ts';
import { median, percentile } from './stats.ts';
import type { BenchStore, ShownCard, StoreName } from './stores/bench-store.ts';
import { createDeckhandStore } from './stores/deckhand.ts';
import { createLowdbNaiveStore } from './stores/lowdb-naive.ts';
import { createSqliteStore } from './stores/sqlite.ts';

export interface Job {
  store: StoreName;
  datasetDir: string;
  workDir: string;
  answers: number;
  seed: number;
}

export interface RunResult {
  store: StoreName;
  cards: number;
  reviews: number;
  answers: number;
  answerP50Ms: number;
  answerP99Ms: number;
  openMs: number;
  maxStallMs: number;
  heapMB: number;
  rssMB: number;
  closeMs: number;
  setupMs: number;
  /** Study days the session moved ahead because every deck was done for the day. */
  daysAhead: number;
}

const STORES: Record<StoreName, () => BenchStore> = {
  deckhand: createDeckhandStore,
  'lowdb-naive': createLowdbNaiveStore,
  sqlite: createSqliteStore,
};

const DAY = 86_400_000;
const MB = 1024 * 1024;

async function measure(job: Job): Promise<RunResult> {
  const meta = readMeta(job.datasetDir);
  if (!meta) throw new Error(`No complete dataset in ${job.datasetDir}; run.ts generates it first.`);
  const label = `[${job.store} ${meta.cards.toLocaleString('en')}]`;
  const store = STORES[job.store]();

  rmSync(job.workDir, { recursive: true, force: true });
  mkdirSync(job.workDir, { recursive: true });
  let t = performance.now();
  await store.setup(job.datasetDir, job.workDir);
  const setupMs = performance.now() - t;
  process.stderr.write(`${label} set up in ${(setupMs / 1000).toFixed(1)} s; measuring ${job.answers} answers\n`);
  // Setup (and the generator before it) leaves hundreds of MB unsynced; without this their
  // writeback lands in the first measured fsyncs (sqlite's unsynced bulk load showed as a 280 ms
  // stall at 100,000 cards). Windows has no sync command; its numbers carry that noise.
  if (process.platform !== 'win32') spawnSync('sync');
  // Setup's garbage is not the store's: start the heap count from what is really live.
  (globalThis as { gc?: () => void }).gc?.();

  let heap = 0;
  let rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  };
  const sampler = setInterval(sample, 5);
  sampler.unref();

  // The app's clock: the fixed session start plus real elapsed time, strictly increasing; moved a
  // whole day ahead when the small collections run out of due cards before the session ends.
  let daysAhead = 0;
  const realClock = createClock(meta.now);
  const clock = () => realClock() + daysAhead * DAY;

  const decks = meta.decks.map((d) => d.id);
  let deck = 0;
  // A learner finishes one deck, then studies the next, as the Home screen leads them to.
  const nextInAnyDeck = (): ShownCard | null => {
    for (let i = 0; i < decks.length; i++) {
      const card = store.next(decks[(deck + i) % decks.length]!);
      if (card) {
        deck = (deck + i) % decks.length;
        return card;
      }
    }
    return null;
  };

  t = performance.now();
  await store.open(job.workDir, clock);
  let card = nextInAnyDeck();
  const openMs = performance.now() - t;
  sample();
  if (!card) throw new Error(`${label} no card is due at the session start; the generated dataset is wrong.`);

  const random = mulberry32(job.seed);
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const latencies: number[] = [];
  for (let i = 0; i < job.answers; i++) {
    if (i > 0) {
      card = nextInAnyDeck();
      for (let tries = 0; !card && tries < 60; tries++) {
        daysAhead++;
        card = nextInAnyDeck();
      }
      if (!card) throw new Error(`${label} no card came due within 60 days after answer ${i}.`);
    }
    const rating = drawRating(random);
    const durationMs = drawDurationMs(random);
    const start = performance.now();
    const pending = store.answer(card!, rating, durationMs);
    if (pending) await pending;
    latencies.push(performance.now() - start);
    sample();
    // What an IPC round trip gives the main process between answers: background work runs here.
    await new Promise((resolve) => setImmediate(resolve));
  }
  stalls.disable();

  t = performance.now();
  store.close();
  const closeMs = performance.now() - t;
  sample();
  clearInterval(sampler);

  return {
    store: job.store,
    cards: meta.cards,
    reviews: meta.reviews,
    answers: latencies.length,
    answerP50Ms: median(latencies),
    answerP99Ms: percentile(latencies, 99),
    openMs,
    maxStallMs: stalls.max / 1e6,
    heapMB: heap / MB,
    rssMB: rss / MB,
    closeMs,
    setupMs,
    daysAhead,
  };
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
measure(job).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
