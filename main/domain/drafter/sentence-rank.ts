// How central each sentence is to the article: TextRank (Mihalcea & Tarau, 2004) over a graph
// whose edges are the content words two sentences share, plus the sentence's position and its
// cue phrases for claims and reasons.
import { cueScore } from './cue-phrases.ts';
import { isContent, isPunct, type Sentence } from './sentence.ts';

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

/**
 * A heading, a caption or a fragment has too few words, or neither a verb nor a full stop (the
 * tagger sometimes misses a verb: "China places a higher priority…").
 */
export function isDraftable(sentence: Sentence): boolean {
  const words = sentence.words.filter((w) => !isPunct(w));
  if (words.length < 4 || words.length > 120) return false;
  return words.some((w) => w.pos === 'VERB' || w.pos === 'AUX') || (words.length >= 6 && /[.!?]["”’)]*$/u.test(sentence.text));
}

function termsOf(sentences: readonly Sentence[]): string[][] {
  return sentences.map((s) => [...new Set(s.words.filter(isContent).map((w) => w.stem))]);
}

/** Edge weights: shared terms weighted by rarity, over the log lengths as TextRank normalises. */
function similarityGraph(terms: readonly string[][]): Map<number, number>[] {
  const n = terms.length;
  const postings = new Map<string, number[]>();
  terms.forEach((ts, i) => ts.forEach((t) => (postings.get(t) ?? postings.set(t, []).get(t)!).push(i)));
  const edges = terms.map(() => new Map<number, number>());
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > Math.max(2, MAX_SHARE * n)) continue;
    const idf = Math.log(n / list.length) + 0.1;
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a]!;
        const j = list[b]!;
        edges[i]!.set(j, (edges[i]!.get(j) ?? 0) + idf);
        edges[j]!.set(i, (edges[j]!.get(i) ?? 0) + idf);
      }
  }
  edges.forEach((row, i) => row.forEach((w, j) => row.set(j, w / (Math.log(1 + terms[i]!.length) + Math.log(1 + terms[j]!.length)))));
  return edges;
}

function pageRank(edges: readonly Map<number, number>[]): number[] {
  const n = edges.length;
  const out = edges.map((row) => [...row.values()].reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let k = 0; k < ITERATIONS; k++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    edges.forEach((row, j) => row.forEach((w, i) => (next[i]! += (DAMPING * w * rank[j]!) / out[j]!)));
    rank = next;
  }
  return rank;
}

// Articles put their thesis first and each paragraph's point in its opening sentence.
const positionScore = (s: Sentence): number => Math.max(1 / (1 + s.index / 10), s.firstInParagraph ? 0.5 : 0);

export function rankSentences(sentences: readonly Sentence[]): RankedSentence[] {
  const rank = pageRank(similarityGraph(termsOf(sentences)));
  const top = Math.max(...rank, Number.MIN_VALUE);
  return sentences.map((sentence, i) => {
    const cue = cueScore(sentence.words);
    if (!isDraftable(sentence)) return { sentence, score: 0, cue };
    const score = WEIGHTS.centrality * (rank[i]! / top) + WEIGHTS.cue * cue + WEIGHTS.position * positionScore(sentence);
    return { sentence, score: Math.min(1, score), cue };
  });
}
