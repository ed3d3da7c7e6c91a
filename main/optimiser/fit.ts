// One optimisation, with the binding (fsrs-rs): fit, compare old and new on the same history, and
// check both on time-series splits. Runs in the optimiser's child process (child.ts) and in the
// benchmark; never in the app's main process, which a panic in the binding would take down.
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import { itemsInTimeOrder, unpackHistory, type FsrsHistory } from '../domain/fsrs-items.ts';
import { summariseHistory } from '../domain/health-check.ts';
import { fitScope, keepOrDiscard, limitToScope, mergeEvaluations, timeSeriesSplits, type Evaluation } from '../domain/optimise.ts';
import type { FitJob, FitResult, FitStage } from './protocol.ts';

export type OnProgress = (stage: FitStage, fraction: number) => void;

export const historyOfJob = (job: FitJob): FsrsHistory => unpackHistory(job.history);

/** The binding's items, oldest first (its time-series splits and recency weights assume time order). */
export function bindingItems(history: FsrsHistory): FSRSBindingItem[] {
  return itemsInTimeOrder(history).map((item) => new FSRSBindingItem(item.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
}

async function fit(items: FSRSBindingItem[], numRelearningSteps: number, progress?: (current: number, total: number) => void): Promise<number[]> {
  // The binding polls its progress every `timeout` ms.
  return computeParameters(items, { enableShortTerm: true, numRelearningSteps, ...(progress ? { progress: (c: number, t: number) => void progress(c, t), timeout: 100 } : {}) });
}

/**
 * The binding's evaluation, or null when it has too little to evaluate: it first sets aside
 * unusual first intervals (fsrs-rs's outlier filter), which in a small history can be all of them.
 */
const evaluate = (parameters: readonly number[], items: FSRSBindingItem[]): Evaluation | null => {
  try {
    const e = new FSRSBinding([...parameters]).evaluate(items);
    return { logLoss: e.logLoss, rmseBins: e.rmseBins };
  } catch (e) {
    if (/NotEnoughData/.test((e as Error).message)) return null;
    throw e;
  }
};

export function runFit(job: FitJob, onProgress: OnProgress = () => {}): Promise<FitResult> {
  return fitHistory(historyOfJob(job), job, onProgress);
}

export async function fitHistory(history: FsrsHistory, job: Pick<FitJob, 'currentParameters' | 'numRelearningSteps' | 'splitCheck'>, onProgress: OnProgress = () => {}): Promise<FitResult> {
  const scope = fitScope(history.items);
  const base = { scope, reviews: history.reviews, items: history.items, summary: summariseHistory(history) };
  if (scope === 'none') return { ...base, fitted: null, inSample: null, before: null, after: null, kept: 'old', parameters: [...job.currentParameters] };

  onProgress('fitting', 0);
  const items = bindingItems(history);
  const fitted = limitToScope(await fit(items, job.numRelearningSteps, (c, t) => onProgress('fitting', t > 0 ? c / t : 0)), scope);
  const [oldFit, newFit] = [evaluate(job.currentParameters, items), evaluate(fitted, items)];
  const inSample = oldFit && newFit ? { old: oldFit, new: newFit } : null;
  // New parameters that cannot be shown to be better are not taken.
  const kept = inSample ? keepOrDiscard(inSample.old, inSample.new) : 'old';
  const check = job.splitCheck ? await splitCheck(items, job, onProgress) : { before: null, after: null };
  return { ...base, fitted, inSample, ...check, kept, parameters: kept === 'new' ? fitted : [...job.currentParameters] };
}

/**
 * Old parameters against the fitting on the same later reviews: each split fits on the items before
 * its test segment and both predict that segment, through the binding's own evaluation. (The
 * binding's `evaluateWithTimeSeriesSplits` reports the fitting's side only.)
 */
async function splitCheck(items: FSRSBindingItem[], job: Pick<FitJob, 'currentParameters' | 'numRelearningSteps'>, onProgress: OnProgress): Promise<{ before: Evaluation | null; after: Evaluation | null }> {
  const splits = timeSeriesSplits(items.length);
  if (splits.length === 0) return { before: null, after: null };
  const before: { evaluation: Evaluation; items: number }[] = [];
  const after: { evaluation: Evaluation; items: number }[] = [];
  for (const [i, split] of splits.entries()) {
    onProgress('checking', i / splits.length);
    const test = items.slice(split.trainEnd, split.testEnd);
    const train = items.slice(0, split.trainEnd);
    const parameters = limitToScope(await fit(train, job.numRelearningSteps), fitScope(train.length));
    const [b, a] = [evaluate(job.currentParameters, test), evaluate(parameters, test)];
    if (b && a) {
      before.push({ evaluation: b, items: test.length });
      after.push({ evaluation: a, items: test.length });
    }
  }
  onProgress('checking', 1);
  if (before.length === 0) return { before: null, after: null };
  return { before: mergeEvaluations(before), after: mergeEvaluations(after) };
}
