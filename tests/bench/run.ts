// The storage benchmark of the issue: our log-and-snapshot store against naive lowdb and SQLite on
// the same generated collections. Usage:
//   npm run bench -- [--sizes 1000,10000,100000] [--json FILE] [--answers N] [--stores deckhand,sqlite]
//   npm run bench -- --ui [--json FILE] [--cards 100000] [--tries 10] [--restarts 3]   (the screens: tests/bench/ui.ts)
// (--stores skips the others: naive lowdb alone takes ~9 of the ~11 minutes of a full run.)
// Each (store, size) runs in its own child process (worker.ts); the table goes to stdout, progress
// to stderr.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDir, readMeta } from './dataset.ts';
import { generateDataset } from './generate.ts';
import { STORE_NAMES, type StoreName } from './stores/bench-store.ts';
import type { Job, RunResult } from './worker.ts';
import { runUiBench } from './ui.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
/** The same answers, in the same order, for every store and every run. */
const RATING_SEED = 20260302;
/** p99 from fewer answers is the maximum by another name. */
const MIN_ANSWERS = 200;
// One naive write re-serialises the whole file (~0.7 s at 10,000 cards, seconds at 100,000 on a
// 2-core machine), so fewer answers are sampled there; every one of them stalls alike anyway.
const naiveAnswers = (cards: number, answers: number): number => (cards >= 100_000 ? 30 : cards >= 10_000 ? Math.min(answers, MIN_ANSWERS) : answers);

interface Options {
  sizes: number[];
  json: string | null;
  answers: number;
  stores: StoreName[];
}

const USAGE = 'Usage: npm run bench -- [--sizes 1000,10000,100000] [--json FILE] [--answers N] [--stores deckhand,lowdb-naive,sqlite]';

const log = (line: string) => process.stderr.write(`${line}\n`);

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [1_000, 10_000, 100_000], json: null, answers: 1000, stores: [...STORE_NAMES] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined || !['--sizes', '--json', '--answers', '--stores'].includes(flag)) throw new Error(`Unknown or incomplete option "${flag}". ${USAGE}`);
    i++;
    if (flag === '--sizes') {
      options.sizes = value.split(',').map((s) => Number(s.trim()));
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 20)) throw new Error(`--sizes takes card counts of at least 20 (one per deck), like 1000,10000; got "${value}".`);
    } else if (flag === '--json') options.json = value;
    else if (flag === '--stores') {
      const names = value.split(',').map((s) => s.trim());
      const unknown = names.filter((n) => !(STORE_NAMES as readonly string[]).includes(n));
      if (unknown.length) throw new Error(`--stores: unknown store "${unknown.join('", "')}"; the stores are ${STORE_NAMES.join(', ')}.`);
      options.stores = STORE_NAMES.filter((n) => names.includes(n));
    } else {
      options.answers = Number(value);
      if (!Number.isInteger(options.answers) || options.answers < MIN_ANSWERS) throw new Error(`--answers must be a whole number of at least ${MIN_ANSWERS}, so that p99 means something; got "${value}".`);
    }
  }
  return options;
}

function ensureDataset(cards: number): string {
  const dir = datasetDir(cards);
  const cached = readMeta(dir);
  if (cached && cached.cards === cards) {
    log(`Dataset of ${cards.toLocaleString('en')} cards: reusing ${dir}`);
    return dir;
  }
  log(`Generating ${cards.toLocaleString('en')} cards with their reviews into ${dir}`);
  const start = performance.now();
  const meta = generateDataset(cards, dir, log);
  log(`Generated ${meta.cards.toLocaleString('en')} cards, ${meta.reviews.toLocaleString('en')} reviews (${((100 * meta.dueToday) / meta.cards).toFixed(1)}% due today) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return dir;
}

function runWorker(job: Job): Promise<RunResult> {
  const args = ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', path.join(here, 'worker.ts'), JSON.stringify(job)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as RunResult);
      else reject(new Error(`the ${job.store} worker exited with ${signal ?? `code ${code}`}`));
    });
  });
}

const ms = (n: number) => n.toFixed(2);
const mb = (n: number) => n.toFixed(1);
const count = (n: number) => n.toLocaleString('en');
// Two significant digits for small ratios: against naive lowdb they are often below 0.01.
const ratio = (n: number) => `${n >= 0.1 ? n.toFixed(2) : n.toPrecision(2)}×`;

function table(runs: RunResult[], failures: string[]): string {
  const lines = [
    '| store | cards | reviews | answers | answer p50 (ms) | answer p99 (ms) | open to first card (ms) | max stall (ms) | peak heap (MB) | peak RSS (MB) | close (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map((r) => `| ${r.store} | ${count(r.cards)} | ${count(r.reviews)} | ${r.answers}${r.daysAhead ? ` (${r.daysAhead} d)` : ''} | ${ms(r.answerP50Ms)} | ${ms(r.answerP99Ms)} | ${ms(r.openMs)} | ${ms(r.maxStallMs)} | ${mb(r.heapMB)} | ${mb(r.rssMB)} | ${ms(r.closeMs)} |`),
  ];
  const sizes = [...new Set(runs.map((r) => r.cards))];
  const metrics: [string, keyof RunResult][] = [
    ['answer p50', 'answerP50Ms'],
    ['answer p99', 'answerP99Ms'],
    ['open', 'openMs'],
    ['max stall', 'maxStallMs'],
    ['peak heap', 'heapMB'],
  ];
  lines.push('', 'Ratios (below 1: deckhand is lower, which is better for every metric here):', '');
  lines.push(`| cards | ratio | ${metrics.map(([name]) => name).join(' | ')} |`, `|---:|---|${metrics.map(() => '---:|').join('')}`);
  for (const size of sizes) {
    const of = (store: StoreName) => runs.find((r) => r.cards === size && r.store === store);
    const ours = of('deckhand');
    for (const [other, label] of [['sqlite', 'deckhand / sqlite'], ['lowdb-naive', 'deckhand / naive']] as const) {
      const theirs = of(other);
      if (!ours || !theirs) continue;
      lines.push(`| ${count(size)} | ${label} | ${metrics.map(([, key]) => ratio((ours[key] as number) / (theirs[key] as number))).join(' | ')} |`);
    }
  }
  lines.push(
    '',
    'Notes:',
    `- answers: timed answers; latency percentiles are over all of them. lowdb-naive samples only ${naiveAnswers(10_000, Infinity)} answers at 10,000 cards and ${naiveAnswers(100_000, Infinity)} at 100,000 (its p99 there is close to its maximum), because each answer rewrites the whole file. "(N d)": the session moved N study days ahead when every deck was done for the day.`,
    '- lowdb-naive uses lowdb\'s JSONFile, which does not fsync: its answer times are a lower bound for a durable version of that design.',
    '- max stall: the longest event-loop delay during the answer session (monitorEventLoopDelay, 1 ms resolution), including the answers themselves.',
    '- peak heap is the JS heap only; SQLite\'s own memory shows in peak RSS. Files are in the page cache (written during setup), so open times are warm.',
  );
  for (const f of failures) lines.push(`- FAILED: ${f}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  // The screens in Chromium (tests/bench/ui.ts) are a benchmark of their own.
  if (process.argv.includes('--ui')) return runUiBench(process.argv.slice(2).filter((a) => a !== '--ui'));
  const options = parseArgs(process.argv.slice(2));
  const runs: RunResult[] = [];
  const failures: string[] = [];
  const started = performance.now();
  for (const cards of options.sizes) {
    const dir = ensureDataset(cards);
    for (const store of options.stores) {
      const answers = store === 'lowdb-naive' ? naiveAnswers(cards, options.answers) : options.answers;
      const workDir = path.join(os.tmpdir(), `deckhand-bench-${cards}-work-${store}`);
      const start = performance.now();
      try {
        const result = await runWorker({ store, datasetDir: dir, workDir, answers, seed: RATING_SEED });
        runs.push(result);
        log(`[${store} ${count(cards)}] done in ${((performance.now() - start) / 1000).toFixed(1)} s: answer p50 ${ms(result.answerP50Ms)} ms, p99 ${ms(result.answerP99Ms)} ms, open ${ms(result.openMs)} ms, stall ${ms(result.maxStallMs)} ms, heap ${mb(result.heapMB)} MB`);
      } catch (e) {
        failures.push(`${store} at ${count(cards)} cards: ${(e as Error).message}`);
        log(`[${store} ${count(cards)}] FAILED after ${((performance.now() - start) / 1000).toFixed(1)} s: ${(e as Error).message}`);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
    }
  }
  log(`All runs took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ runs }, null, 2)}\n`);
  process.stdout.write(`${table(runs, failures)}\n`);
  // The card browser's search, at the largest size measured here (issue 5 asks for under 100 ms at 100,000 cards).
  const largest = Math.max(...options.sizes);
  process.stdout.write(`\nCard browser search (tests/bench/search.ts):\n`);
  const search = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'search.ts'), '--cards', String(largest)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (search.status !== 0) process.exitCode = 1;

  // Importing an Anki package (issue 7 asks for a 1,600-card package with media in under 2 s).
  process.stdout.write(`\nImport (tests/bench/import.ts):\n`);
  const imported = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'import.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (imported.status !== 0) process.exitCode = 1;
  // A heavy Anki user's collection (issue 16 asks for 100,000 cards with 1,000,000 reviews in 30 s and 1 GB).
  const scale = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'import-scale.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (scale.status !== 0) process.exitCode = 1;
  // The Statistics screen's numbers at the largest size (issue 6 asks for under 500 ms at 100,000 cards, 1,000,000 reviews).
  process.stdout.write(`\nStatistics screen (tests/bench/statistics.ts):\n`);
  const statistics = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'statistics.ts'), '--cards', String(largest)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (statistics.status !== 0) process.exitCode = 1;
  // The offline drafter: recall against the shipped deck (the issue's target is 80% at 60 drafts) and a 10,000-word article in under 2 s.
  process.stdout.write(`\nCard drafter (tests/bench/drafter.ts):\n`);
  const drafter = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'drafter.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (drafter.status !== 0) process.exitCode = 1;
  // The FSRS optimiser (issue 15): real logs default against fitted, time to optimise 10,000 and 1,000,000 reviews, answers meanwhile.
  process.stdout.write(`\nFSRS optimiser (tests/bench/optimiser.ts):\n`);
  const optimiser = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'optimiser.ts')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (optimiser.status !== 0) process.exitCode = 1;
  if (failures.length) process.exitCode = 1;
}

main().catch((e: unknown) => {
  log((e as Error).stack ?? (e as Error).message);
  process.exitCode = 1;
});
