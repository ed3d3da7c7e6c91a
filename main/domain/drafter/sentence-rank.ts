// How central each sentence is to the article: TextRank (Mihalcea & Tarau, 2004) over a graph
// whose edges are the content words two sentences share, plus the sentence's position and its
// cue phrases for claims and reasons.
import { cueScore } from './cue-phrases.ts';
import { isContent, isPunct, type Sentence } from './sentence.ts';
import { StepBudget, type Steps } from './steps.ts';

export interface RankedSentence {
  sentence: Sentence;
  /** In [0, 1]; 0 for what is not a sentence worth a card (a heading, a fragment). */
  score: number;
  /** In [0, 1]: how strongly it reads as a claim or a reason. */
  cue: number;
}

const DAMPING = 0.85;
const ITERATIONS = 30;
// A word in more than half the sentences (the article's subject) tells no sentence from another,
// and linking every pair through it would make the graph quadratic in the article's length.
const MAX_SHARE = 0.5;
const WEIGHTS = { centrality: 0.5, cue: 0.3, position: 0.2 };
// Work between two pauses, each a few milliseconds here (tests/bench/drafter.ts): edges of the
// graph set or visited, and words of sentences read.
const EDGES_PER_STEP = 100_000;
const WORDS_PER_STEP = 2_000;

/**
 * A heading, a caption or a fragment has too few words, or neither a verb nor a full stop (the
 * tagger sometimes misses a verb: "China places a higher priority…").
 */
export function isDraftable(sentence: Sentence): boolean {
  const words = sentence.words.filter((w) => !isPunct(w));
  if (words.length < 4 || words.length > 120) return false;
  return words.some((w) => w.pos === 'VERB' || w.pos === 'AUX') || (words.length >= 6 && /[.!?]["”’)]*$/u.test(sentence.text));
}

function* termsOf(sentences: readonly Sentence[]): Steps<string[][]> {
  const budget = new StepBudget(WORDS_PER_STEP);
  const terms: string[][] = [];
  for (const s of sentences) {
    terms.push([...new Set(s.words.filter(isContent).map((w) => w.stem))]);
    if (budget.add(s.words.length)) yield;
  }
  return terms;
}

/** Edge weights: shared terms weighted by rarity, over the log lengths as TextRank normalises. */
function* similarityGraph(terms: readonly string[][]): Steps<Map<number, number>[]> {
  const budget = new StepBudget(EDGES_PER_STEP);
  const n = terms.length;
  const postings = new Map<string, number[]>();
  terms.forEach((ts, i) => ts.forEach((t) => (postings.get(t) ?? postings.set(t, []).get(t)!).push(i)));
  const edges = terms.map(() => new Map<number, number>());
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > Math.max(2, MAX_SHARE * n)) continue;
    const idf = Math.log(n / list.length) + 0.1;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a]!;
        const j = list[b]!;
        edges[i]!.set(j, (edges[i]!.get(j) ?? 0) + idf);
        edges[j]!.set(i, (edges[j]!.get(i) ?? 0) + idf);
      }
      // A word in up to half the sentences links up to n²/8 pairs: pause within its list too.
      if (budget.add(2 * (list.length - a))) yield;
    }
  }
  for (const [i, row] of edges.entries()) {
    row.forEach((w, j) => row.set(j, w / (Math.log(1 + terms[i]!.length) + Math.log(1 + terms[j]!.length))));
    if (budget.add(row.size + 1)) yield;
  }
  return edges;
}

function* pageRank(edges: readonly Map<number, number>[]): Steps<number[]> {
  const budget = new StepBudget(EDGES_PER_STEP);
  const n = edges.length;
  const out: number[] = [];
  for (const row of edges) {
    out.push([...row.values()].reduce((a, b) => a + b, 0));
    if (budget.add(row.size + 1)) yield;
  }
  let rank = new Array<number>(n).fill(1 / n);
  for (let k = 0; k < ITERATIONS; k++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    // Row by row in the same order as one pass would go, so every sum adds up in the same order.
    for (let j = 0; j < n; j++) {
      edges[j]!.forEach((w, i) => (next[i]! += (DAMPING * w * rank[j]!) / out[j]!));
      if (budget.add(edges[j]!.size + 1)) yield;
    }
    rank = next;
  }
  return rank;
}

// Articles put their thesis first and each paragraph's point in its opening sentence.
const positionScore = (s: Sentence): number => Math.max(1 / (1 + s.index / 10), s.firstInParagraph ? 0.5 : 0);

export function* rankSentences(sentences: readonly Sentence[]): Steps<RankedSentence[]> {
  const rank = yield* pageRank(yield* similarityGraph(yield* termsOf(sentences)));
  const top = Math.max(...rank, Number.MIN_VALUE);
  const budget = new StepBudget(WORDS_PER_STEP);
  const ranked: RankedSentence[] = [];
  for (const [i, sentence] of sentences.entries()) {
    const cue = cueScore(sentence.words);
    if (!isDraftable(sentence)) ranked.push({ sentence, score: 0, cue });
    else {
      const score = WEIGHTS.centrality * (rank[i]! / top) + WEIGHTS.cue * cue + WEIGHTS.position * positionScore(sentence);
      ranked.push({ sentence, score: Math.min(1, score), cue });
    }
    if (budget.add(sentence.words.length)) yield;
  }
  return ranked;
}
