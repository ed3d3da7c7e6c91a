// What an optimisation decides, apart from the fitting itself (which the binding does in a child
// process): how much of the model a history can support, whether the new parameters are kept, how
// the history is split in time to check them, and what the learner reads afterwards.
import { default_w } from 'ts-fsrs';

/** FSRS-6's 21 default parameters. */
export const DEFAULT_PARAMETERS: readonly number[] = [...default_w];

/** Anki fits nothing under this many items, and only the first four parameters (the initial stabilities) under `FULL_FIT_ITEMS`. */
export const MIN_FIT_ITEMS = 8;
export const FULL_FIT_ITEMS = 64;

export type FitScope = 'none' | 'initial' | 'full';

export function fitScope(items: number): FitScope {
  if (items <= MIN_FIT_ITEMS) return 'none';
  return items < FULL_FIT_ITEMS ? 'initial' : 'full';
}

/** Under 64 items only the initial stabilities are the learner's; the rest stay at the defaults. */
export function limitToScope(fitted: readonly number[], scope: FitScope): number[] {
  if (scope === 'full') return [...fitted];
  if (scope === 'initial') return [...fitted.slice(0, 4), ...DEFAULT_PARAMETERS.slice(4)];
  return [...DEFAULT_PARAMETERS];
}

export interface Evaluation {
  logLoss: number;
  rmseBins: number;
}

/**
 * Anki's rule: the new parameters replace the old only when they predict the same history better.
 * Here "better" is a lower log loss without a worse RMSE(bins), so neither measure gets worse.
 */
export function keepOrDiscard(old: Evaluation, fitted: Evaluation): 'new' | 'old' {
  return fitted.logLoss < old.logLoss && fitted.rmseBins <= old.rmseBins ? 'new' : 'old';
}

/**
 * Time-series splits as fsrs-rs makes them: the items in time order cut into `splits + 1` equal
 * segments; split i fits on everything before segment i + 1 and is checked on that segment (the last
 * takes the remainder). None when a segment would be empty.
 */
export function timeSeriesSplits(count: number, splits = 5): { trainEnd: number; testEnd: number }[] {
  const size = Math.floor(count / (splits + 1));
  if (size === 0) return [];
  return Array.from({ length: splits }, (_, i) => ({ trainEnd: (i + 1) * size, testEnd: i === splits - 1 ? count : (i + 2) * size }));
}

/** Evaluations of equal-sized and unequal test segments, merged weighted by their item counts. */
export function mergeEvaluations(parts: readonly { evaluation: Evaluation; items: number }[]): Evaluation {
  const total = parts.reduce((n, p) => n + p.items, 0);
  if (total === 0) return { logLoss: Number.NaN, rmseBins: Number.NaN };
  const weighted = (f: (e: Evaluation) => number) => parts.reduce((s, p) => s + f(p.evaluation) * p.items, 0) / total;
  return { logLoss: weighted((e) => e.logLoss), rmseBins: weighted((e) => e.rmseBins) };
}
