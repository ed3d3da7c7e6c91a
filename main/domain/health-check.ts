// After an optimisation, what the learner reads: how well the scheduler now predicts their recall
// compared with before, how much history it learned from, and what in that history looks odd. In
// words, not "log loss": Anki took its numbers away because learners read them as "history lost".
import type { FsrsHistory } from './fsrs-items.ts';
import type { Evaluation, FitScope } from './optimise.ts';

export interface HistorySummary {
  reviews: number;
  items: number;
  cards: number;
  /** Answers a day or more after the card's previous one, by rating (index 1–4). */
  longTerm: [number, number, number, number, number];
}

export function summariseHistory(history: FsrsHistory): HistorySummary {
  const longTerm: HistorySummary['longTerm'] = [0, 0, 0, 0, 0];
  for (const c of history.cards) for (const end of c.itemEnds) longTerm[c.reviews[end]!.rating]++;
  return { reviews: history.reviews, items: history.items, cards: history.cards.length, longTerm };
}

export interface HealthInput {
  summary: HistorySummary;
  scope: FitScope;
  /** Time-series split check: the old parameters and the fitting, each predicting reviews it was not fitted on. */
  before: Evaluation | null;
  after: Evaluation | null;
  kept: 'new' | 'old';
  /** Whether old and new could be compared at all (the binding needs enough usual first intervals). */
  checked: boolean;
  desiredRetention: number;
}

export interface HealthCheck {
  /** One sentence each: the verdict, the history, and any warnings. */
  verdict: string;
  history: string;
  warnings: string[];
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const points = (rmse: number) => `${(rmse * 100).toFixed(1)} points`;

export function healthCheck(input: HealthInput): HealthCheck {
  const { summary, scope } = input;
  const history = `Learned from ${count(summary.reviews, 'review')} of ${count(summary.cards, 'card')} (${count(summary.items, 'review')} a day or more after the one before).`;
  return { verdict: verdict(input), history, warnings: warnings(summary, input.desiredRetention) };

  function verdict({ before, after, kept, checked }: HealthInput): string {
    if (scope === 'none') return `Too little history to learn from yet: ${count(summary.items, 'review')} a day or more after the one before, and at least 9 are needed. Your current parameters stay in use.`;
    if (!checked) return `Too little history to tell whether new parameters would predict your recall better than the current ones, so they stay in use. Review for a few more weeks and optimise again.`;
    const partly = scope === 'initial' ? ` With fewer than 64 such reviews, only how long a first answer is remembered was fitted; the rest stays at the defaults.` : '';
    if (kept === 'old') return `Your parameters already fit your history: the new ones would not predict it better, so nothing changed.${partly}`;
    if (!before || !after || !Number.isFinite(before.rmseBins) || !Number.isFinite(after.rmseBins)) return `The scheduler now uses parameters fitted to your history.${partly}`;
    const gain = before.rmseBins > 0 ? Math.round((1 - after.rmseBins / before.rmseBins) * 100) : 0;
    const compare =
      gain >= 5
        ? `about ${gain}% closer than before`
        : gain <= -5
          ? `about ${-gain}% further off than before on the newest reviews, though better over your whole history`
          : 'about as close as before';
    return `The scheduler now predicts your recall ${compare}: on reviews it was not fitted on, its predicted chance of remembering was off by ${points(after.rmseBins)} on average, against ${points(before.rmseBins)} with the previous parameters.${partly}`;
  }
}

function warnings(summary: HistorySummary, desiredRetention: number): string[] {
  const out: string[] = [];
  const [, again, hard, good, easy] = summary.longTerm;
  const total = again + hard + good + easy;
  if (total >= 20) {
    if (hard > again && hard / total > 0.1)
      out.push(`You pressed Hard on ${Math.round((hard / total) * 100)}% of your reviews, more often than Again (${Math.round((again / total) * 100)}%). Hard means you remembered with effort; when you have forgotten, press Again, or the scheduler learns that forgotten cards were remembered.`);
    const recall = (total - again) / total;
    if (Math.abs(recall - desiredRetention) > 0.1)
      out.push(`You remembered ${Math.round(recall * 100)}% of your reviews, far from the ${Math.round(desiredRetention * 100)}% you asked for. ${recall < desiredRetention ? 'Much of this history may come from another scheduler or long breaks' : 'Check that you press Again whenever you forget'}; the fitted parameters take it as it is.`);
  }
  return out;
}
