// How many of the article's sentences use each word: a word in most sentences is the article's
// subject, so blanking it out asks nothing a reader could not guess.
import { isContent, type Sentence, type Word } from './sentence.ts';
import { StepBudget, type Steps } from './steps.ts';

/** Words counted between two pauses: a few milliseconds here (tests/bench/drafter.ts). */
const WORDS_PER_STEP = 2_000;

export interface Vocabulary {
  /** The share of sentences that use this stem, in [0, 1]. */
  share(stem: string): number;
}

export function* vocabularyOf(sentences: readonly Sentence[]): Steps<Vocabulary> {
  const budget = new StepBudget(WORDS_PER_STEP);
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const stem of new Set(s.words.filter(isContent).map((w) => w.stem))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    if (budget.add(s.words.length)) yield;
  }
  const n = Math.max(1, sentences.length);
  return { share: (stem) => (counts.get(stem) ?? 0) / n };
}

/** The mean share of a span's content words: how much of the article already says it. */
export function commonness(words: readonly Word[], vocabulary: Vocabulary): number {
  const content = words.filter(isContent);
  if (content.length === 0) return 1;
  return content.reduce((sum, w) => sum + vocabulary.share(w.stem), 0) / content.length;
}
