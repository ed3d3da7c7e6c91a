// The offline drafter (main/domain/drafter/) against what a person chose, and its speed.
//   (a) On the shipped deck decks/china-north-korea/: sentence recall@60 (the share of the article's
//       sentences its notes quote that one of the top 60 drafts also quotes) and answer coverage
//       (the share of its cloze answers and basic backs that a draft on the same passage asks for).
//       The issue's target for recall@60 is 80%.
//   (b) The time to draft a 10,000-word article (the shipped article followed by other real text:
//       the Obsidian vault notes and plugin docs in ../shared/realdata/, then the GPL-3 text) and
//       the shipped article alone: median and p95 over several runs, after one warm-up run that
//       also loads the NLP model (timed on its own); and the longest slice between two yields of
//       draftCardsStepwise, which is what a caller on the main process would block for.
//   npx tsx tests/bench/drafter.ts [--runs 11]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCloze } from '../../main/domain/cloze.ts';
import { draftCards, draftCardsStepwise, type Draft } from '../../main/domain/drafter/index.ts';
import { analyseParagraph } from '../../main/domain/drafter/nlp.ts';
import { longArticle, longArticleSources } from './long-article.ts';
import { median, percentile } from './stats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '11' } } });
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, '../..');
const deckDir = path.join(root, 'decks/china-north-korea');

interface DeckCard {
  type: string;
  quote?: string;
  text?: string;
  back?: string;
}

/** Lower case, letters, digits and single spaces: what "the same answer" means here. */
const norm = (s: string): string => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
const contains = (outer: string, inner: string): boolean => inner !== '' && norm(outer).includes(norm(inner));
const wordCount = (s: string): number => norm(s).split(' ').filter(Boolean).length;

/** The answer a draft asks for: its cloze's deletion or its back. */
const draftAnswer = (d: Draft): string => (d.type === 'cloze' ? (parseCloze(d.text)[0]?.answer ?? '') : d.back);

/** The article's sentences as the drafter splits them (each draft's quote is one of them). */
const articleSentences = (article: string): string[] => article.split('\n').flatMap((line, p) => (line.trim() ? analyseParagraph(line, p, 0).sentences.map((s) => s.text) : []));

function recall(article: string, cards: DeckCard[], drafts: Draft[]): { quoted: number; covered: number; answers: number; answered: number; missed: string[] } {
  const quotes = [...new Set(cards.map((c) => c.quote ?? '').filter(Boolean))];
  const quotedSentences = articleSentences(article).filter((s) => quotes.some((q) => contains(q, s)));
  const missed = quotedSentences.filter((s) => !drafts.some((d) => contains(d.quote, s) || contains(s, d.quote)));
  const answers = cards.flatMap((c) => {
    const list = c.type === 'cloze' ? parseCloze(c.text ?? '').map((d) => d.answer) : [c.back ?? ''];
    return list.filter(Boolean).map((answer) => ({ answer, quote: c.quote ?? '' }));
  });
  // A draft asks for a note's answer when it quotes the same passage and one answer holds the
  // other, the shorter having at least half the longer's words ("October 26" for "October 26 (2018)").
  const asks = (a: { answer: string; quote: string }, d: Draft) => {
    const b = draftAnswer(d);
    if (!(contains(a.quote, d.quote) || contains(d.quote, a.quote))) return false;
    const [short, long] = wordCount(a.answer) <= wordCount(b) ? [a.answer, b] : [b, a.answer];
    return contains(long, short) && wordCount(short) * 2 >= wordCount(long);
  };
  const answered = answers.filter((a) => drafts.some((d) => asks(a, d))).length;
  return { quoted: quotedSentences.length, covered: quotedSentences.length - missed.length, answers: answers.length, answered, missed };
}

function timeRuns(text: string): { median: number; p95: number; longestSlice: number; drafts: number; words: number } {
  const times: number[] = [];
  let longestSlice = 0;
  let result = draftCards(text);
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = draftCards(text);
    times.push(performance.now() - start);
  }
  const steps = draftCardsStepwise(text);
  for (let last = performance.now(); ; ) {
    const step = steps.next();
    const now = performance.now();
    longestSlice = Math.max(longestSlice, now - last);
    last = now;
    if (step.done) break;
  }
  return { median: median(times), p95: percentile(times, 95), longestSlice, drafts: result.drafts.length, words: result.words };
}

const article = readFileSync(path.join(deckDir, 'article.txt'), 'utf8');
const deck = JSON.parse(readFileSync(path.join(deckDir, 'deck.json'), 'utf8')) as { cards: DeckCard[] };
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

let start = performance.now();
const first = draftCards(article);
const coldMs = performance.now() - start;
const top60 = draftCards(article, { max: 60 }).drafts;
const r = recall(article, deck.cards, top60);
console.log(`Shipped article (decks/china-north-korea/): ${first.words.toLocaleString('en')} words, ${first.sentences} sentences, ${first.drafts.length} drafts (cap ${Math.floor(first.words / 20)})`);
console.log(`  sentence recall@60: ${r.covered}/${r.quoted} = ${pct(r.covered, r.quoted)} of the sentences the deck's ${deck.cards.length} notes quote (target 80%)`);
console.log(`  answer coverage:    ${r.answered}/${r.answers} = ${pct(r.answered, r.answers)} of its cloze answers and basic backs asked for by a draft on the same passage`);
console.log(`  kinds: ${top60.filter((d) => d.kind === 'fact').length} fact, ${top60.filter((d) => d.kind === 'argument').length} argument; types: ${top60.filter((d) => d.type === 'cloze').length} cloze, ${top60.filter((d) => d.type === 'basic').length} basic`);
for (const m of r.missed) console.log(`  not quoted by any draft: ${m.length > 100 ? `${m.slice(0, 97)}…` : m}`);

const long = longArticle();
if (long === null) console.log(`\n(no 10,000-word article: it needs ${longArticleSources})`);
console.log(`\nSpeed (${runs} runs after a warm-up; the first call, which loads the model, took ${coldMs.toFixed(0)} ms):`);
for (const [name, text] of [
  ['shipped article', article],
  ...(long === null ? [] : [['10,000-word article', long] as const]),
] as const) {
  start = performance.now();
  const t = timeRuns(text);
  console.log(`  ${name.padEnd(20)} ${t.words.toLocaleString('en').padStart(6)} words, ${String(t.drafts).padStart(3)} drafts: median ${t.median.toFixed(0).padStart(4)} ms, p95 ${t.p95.toFixed(0).padStart(4)} ms; longest slice between yields ${t.longestSlice.toFixed(0)} ms`);
}
