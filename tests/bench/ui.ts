// The screens at 100,000 cards (issue 17): the preview in Debian's Chromium on the benchmark's
// generated collection (20 decks, 1,000,000 reviews, written by store/seed.ts, no saved answer
// history), each moment timed in the page from the key, click or navigation that starts it to the
// frame that shows its result painted. The same moments on the shipped decks alone (77 cards) are
// the reference measured in the same run: the ratio says what the 100,000 cards cost.
//   npm run bench -- --ui [--json FILE] [--cards 100000] [--tries 10] [--restarts 3]
// Moments that happen once per process (the first load, the first visit of Browse and Statistics,
// the first search) are timed over --restarts fresh starts; the others --tries times in one run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium, startPreviewServer } from '../e2e/harness.ts';
import { HISTORY_FILE } from '../../main/store/answer-history-file.ts';
import { datasetDir, readMeta } from './dataset.ts';
import { generateDataset } from './generate.ts';
import { median, percentile } from './stats.ts';
import { createDeckhandStore } from './stores/deckhand.ts';

const root = path.resolve(import.meta.dirname, '../..');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Moment {
  key: string;
  label: string;
  target: string;
  /** The issue's measurement before this work, for comparison. */
  before: string;
}

const MOMENTS: Moment[] = [
  { key: 'homeFirst', label: 'page load to the deck list painted (Home), first load after start', target: '≤ 150 ms', before: '1,044 ms' },
  { key: 'home', label: 'page load to the deck list painted (Home), reload', target: '≤ 150 ms', before: '' },
  { key: 'study', label: 'Study to the first question', target: '≤ 50 ms', before: '81 ms' },
  { key: 'answer', label: 'key 3 on the answer to the next question painted', target: '≤ 16 ms p95', before: '23 / 26 ms' },
  { key: 'browseFirst', label: 'Browse to its first rows, first visit', target: '≤ 150 ms', before: '295 ms' },
  { key: 'browse', label: 'Browse to its first rows, later visit', target: '≤ 150 ms', before: '' },
  { key: 'searchFirst', label: 'first search ("moon") to its results', target: '≤ 150 ms', before: '698 ms' },
  { key: 'search', label: 'a later search to its results', target: '≤ 150 ms', before: '' },
  { key: 'statsFirst', label: 'Statistics, first visit, no answer-history.bin', target: '≤ 500 ms', before: '2,412 ms' },
  { key: 'stats', label: 'Statistics, a later visit', target: '≤ 150 ms', before: '325 ms' },
];

const SEARCHES = ['tide', 'planet', 'river', 'treaty', 'enzyme', 'painter', 'island', 'kingdom', 'protein', 'battle', 'mountain', 'language', 'orbit', 'capital'];

// In the page before its own scripts: `until(check)` resolves with the time (performance.now(),
// from navigation start) of the first frame painted after `check()` holds.
const PAGE_HELPERS = `
window.__bench = {
  afterPaint() {
    return new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }));
  },
  until(check) {
    if (check()) return this.afterPaint();
    return new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (!check()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(this.afterPaint());
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('waited 60 s for ' + check));
      }, 60000);
    });
  },
  lastKey: 0,
};
window.addEventListener('keydown', (e) => { window.__bench.lastKey = e.timeStamp; }, true);
window.__homePainted = window.__bench.until(() => document.querySelector('.deck-list .deck') !== null);
`;

type Times = Record<string, number[]>;

interface Options {
  cards: number;
  tries: number;
  restarts: number;
  json: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { cards: 100_000, tries: 10, restarts: 3, json: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value.`);
    if (flag === '--json') options.json = value;
    else if (flag === '--cards' || flag === '--tries' || flag === '--restarts') options[flag.slice(2) as 'cards' | 'tries' | 'restarts'] = Number(value);
    else throw new Error(`Unknown option ${flag}. Usage: npm run bench -- --ui [--json FILE] [--cards 100000] [--tries 10] [--restarts 3]`);
  }
  if (options.tries < 10) throw new Error('--tries must be at least 10, so that p95 means something.');
  return options;
}

/** Builds dist/ (the preview runs from it) and returns what the build says of the first screen's JavaScript. */
function build(): string {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stderr}${result.stdout}`);
  return /First screen: ([\d.]+ KB)/.exec(result.stdout)?.[1] ?? 'unknown';
}

const timed = async (page: Page, start: string, check: string): Promise<number> =>
  page.evaluate(`(async () => { const t0 = ${start}; return (await window.__bench.until(() => ${check})) - t0; })()`) as Promise<number>;

const HOME_PAINTED = "document.querySelector('.deck-list .deck') !== null";
const BROWSE_ROWS = "document.querySelector('[role=listbox] [role=option]') !== null";
const STATS_SHOWN = "document.querySelector('main .stats') !== null";
const QUESTION_SHOWN = "document.querySelector('#show-answer') !== null && document.querySelector('section[aria-label=Question]') !== null";
/** What the browser shows of a search: its count and first row; a search is done when it changes (each timed search starts from all cards). */
const SEARCH_SIGNATURE = "(document.querySelector('.browser-bar [role=status]')?.textContent ?? '') + '|' + (document.querySelector('[role=listbox] [role=option]')?.textContent ?? '')";

async function goHome(page: Page): Promise<void> {
  await page.evaluate(`location.hash = '#/'`);
  await page.evaluate(`window.__bench.until(() => ${HOME_PAINTED})`);
}

async function search(page: Page, word: string): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Search cards' });
  await box.fill(word);
  const before = (await page.evaluate(SEARCH_SIGNATURE)) as string;
  const done = page.evaluate(`window.__bench.until(() => ${SEARCH_SIGNATURE} !== ${JSON.stringify(before)})`) as Promise<number>;
  await box.press('Enter');
  const painted = await done;
  return painted - ((await page.evaluate('window.__bench.lastKey')) as number);
}

/** One start of the preview on `dataDir`: its first load, Browse, search and Statistics visits. */
async function firstVisits(dataDir: string, now: string, times: Times): Promise<void> {
  rmSync(path.join(dataDir, HISTORY_FILE), { force: true });
  const server = await startPreviewServer({ dataDir, now, fuzz: false });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    await page.addInitScript(PAGE_HELPERS);
    await page.goto(server.url);
    times.homeFirst!.push((await page.evaluate('window.__homePainted')) as number);
    times.browseFirst!.push(await timed(page, "(location.hash = '#/browse', performance.now())", BROWSE_ROWS));
    await page.evaluate(`window.__bench.until(() => /^[\\d,]+ cards?$/.test(document.querySelector('.browser-bar [role=status]')?.textContent ?? ''))`);
    times.searchFirst!.push(await search(page, 'moon'));
    await goHome(page);
    times.statsFirst!.push(await timed(page, "(location.hash = '#/stats', performance.now())", STATS_SHOWN));
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The moments that repeat, `tries` times each (answers: three times as many), in one run of the preview. */
async function repeated(dataDir: string, now: string, deckTitle: string, tries: number, times: Times): Promise<void> {
  const server = await startPreviewServer({ dataDir, now, fuzz: false });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    await page.addInitScript(PAGE_HELPERS);
    await page.goto(server.url);
    await page.evaluate('window.__homePainted');
    // Every screen once, so what is timed below is a later visit.
    for (const hash of ['#/browse', '#/stats', '#/']) await page.goto(`${server.url}${hash}`);
    log('  reloads, study, answers, Browse, searches, Statistics …');
    for (let i = 0; i < tries; i++) {
      await page.reload();
      times.home!.push((await page.evaluate('window.__homePainted')) as number);
    }
    const study = `document.querySelector(${JSON.stringify(`button[aria-label="Study ${deckTitle}"]`)})`;
    for (let i = 0; i < tries; i++) {
      await goHome(page);
      times.study!.push(await timed(page, `(${study}.click(), performance.now())`, QUESTION_SHOWN));
    }
    for (let i = 0; i < tries * 3; i++) {
      await page.keyboard.press('Space');
      await page.evaluate(`window.__bench.until(() => document.querySelector('.ratings button:not([disabled])') !== null)`);
      const shown = page.evaluate(`window.__bench.until(() => (${QUESTION_SHOWN}) || document.querySelector('.done') !== null)`) as Promise<number>;
      await page.keyboard.press('3');
      const painted = await shown;
      // The deck finished for today: what was timed is the summary, not a next question.
      if (await page.locator('.done').count()) throw new Error(`${deckTitle} ran out of cards after ${i} answers; use a larger collection.`);
      times.answer!.push(painted - ((await page.evaluate('window.__bench.lastKey')) as number));
    }
    for (let i = 0; i < tries; i++) {
      await goHome(page);
      times.browse!.push(await timed(page, "(location.hash = '#/browse', performance.now())", BROWSE_ROWS));
    }
    for (let i = 0; i < tries; i++) {
      times.search!.push(await search(page, SEARCHES[i % SEARCHES.length]!));
      // Back to every card (not timed), so the next search always changes what is shown.
      await search(page, '');
    }
    for (let i = 0; i < tries; i++) {
      await goHome(page);
      times.stats!.push(await timed(page, "(location.hash = '#/stats', performance.now())", STATS_SHOWN));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function measure(dataDir: string, now: string, deckTitle: string, options: Options): Promise<Times> {
  const times: Times = Object.fromEntries(MOMENTS.map((m) => [m.key, []]));
  for (let i = 0; i < options.restarts; i++) await firstVisits(dataDir, now, times);
  await repeated(dataDir, now, deckTitle, options.tries, times);
  return times;
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : `${n.toFixed(n < 100 ? 1 : 0)}`);

function table(big: Times, small: Times, cards: number, firstScreen: string): string {
  const lines = [
    `| moment | median (ms) | p95 (ms) | tries | 77 cards: median (ms) | ratio of medians | target | before (issue 17) |`,
    '|---|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const m of MOMENTS) {
    const b = big[m.key]!;
    const s = small[m.key]!;
    const ratio = median(b) / median(s);
    lines.push(`| ${m.label} | ${ms(median(b))} | ${ms(percentile(b, 95))} | ${b.length} | ${ms(median(s))} | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '–'} | ${m.target} | ${m.before || '–'} |`);
  }
  lines.push('', `First screen's JavaScript: ${firstScreen} gzipped (budget 100 KB).`, `Collection: ${cards.toLocaleString('en')} cards in 20 decks; reference: the shipped decks alone, in the same run.`);
  return lines.join('\n');
}

export async function runUiBench(argv: string[]): Promise<void> {
  const options = parseArgs(argv);
  log('Building dist/ …');
  const firstScreen = build();
  const dir = datasetDir(options.cards);
  let meta = readMeta(dir);
  if (!meta || meta.cards !== options.cards) meta = generateDataset(options.cards, dir, log);
  const work = mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-ui-'));
  const small = mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-ui-small-'));
  try {
    log(`Writing ${options.cards.toLocaleString('en')} cards and ${meta.reviews.toLocaleString('en')} reviews into ${work} …`);
    await createDeckhandStore().setup(dir, work);
    const now = new Date(meta.now).toISOString();
    log('The shipped decks alone (the reference) …');
    const reference = await measure(small, now, "China's priorities on North Korea", options);
    log(`${options.cards.toLocaleString('en')} cards …`);
    const big = await measure(work, now, meta.decks[0]!.title, options);
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ cards: options.cards, firstScreen, moments: MOMENTS, times: big, reference }, null, 2)}\n`);
    process.stdout.write(`${table(big, reference, options.cards, firstScreen)}\n`);
  } finally {
    for (const d of [work, small]) if (existsSync(d)) rmSync(d, { recursive: true, force: true });
  }
}
