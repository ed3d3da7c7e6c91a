// Which drafts to offer: the best first, no answer or question twice, and each further draft
// from the same sentence worth less, so the drafts cover the article instead of its three best
// sentences. Greedy picking of the best discounted score keeps the scores falling down the list.
import type { Candidate } from './candidate.ts';
import type { Draft } from './draft.ts';
import { StepBudget, type Steps } from './steps.ts';

/** What a second, third … draft from one sentence is worth relative to the first. */
const SAME_SENTENCE_DISCOUNT = 0.5;
/** Candidates looked at between two pauses: a few milliseconds here (tests/bench/drafter.ts). */
const CANDIDATES_PER_STEP = 20_000;

const byRank = (a: Candidate, b: Candidate): number => b.draft.score - a.draft.score || a.sentence - b.sentence || a.questionKey.localeCompare(b.questionKey);

export function* selectDrafts(candidates: readonly Candidate[], limit: number): Steps<Draft[]> {
  const budget = new StepBudget(CANDIDATES_PER_STEP);
  const pool = [...candidates].sort(byRank);
  const answers = new Set<string>();
  const questions = new Set<string>();
  const perSentence = new Map<number, number>();
  const chosen: Draft[] = [];
  const worth = (c: Candidate) => c.draft.score * SAME_SENTENCE_DISCOUNT ** (perSentence.get(c.sentence) ?? 0);
  while (chosen.length < limit && pool.length > 0) {
    let best = -1;
    let bestWorth = -1;
    let seen = 0;
    for (let i = 0; i < pool.length; i++, seen++) {
      const c = pool[i]!;
      // The pool is sorted by undiscounted score, which bounds the discounted one.
      if (c.draft.score <= bestWorth) break;
      if (answers.has(c.answerKey) || questions.has(c.questionKey)) continue;
      const w = worth(c);
      if (w > bestWorth) [best, bestWorth] = [i, w];
    }
    if (best < 0) break;
    const [c] = pool.splice(best, 1) as [Candidate];
    answers.add(c.answerKey);
    questions.add(c.questionKey);
    perSentence.set(c.sentence, (perSentence.get(c.sentence) ?? 0) + 1);
    chosen.push({ ...c.draft, score: Math.round(bestWorth * 1000) / 1000 });
    if (budget.add(seen + 1)) yield;
  }
  return chosen;
}
