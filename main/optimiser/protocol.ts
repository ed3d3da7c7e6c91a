// What the app and the optimiser's child process say to each other. The child is a separate
// process because the binding can abort the whole process on a bad item (a Rust panic "in a
// function that cannot unwind"), which no worker thread or try/catch contains.
import type { PackedHistory } from '../domain/fsrs-items.ts';
import type { HistorySummary } from '../domain/health-check.ts';
import type { Evaluation, FitScope } from '../domain/optimise.ts';
import type { SimulationInput, WorkloadPoint } from '../domain/simulate.ts';

export interface FitJob {
  /** The preset's cards' usable histories (main/domain/fsrs-items.ts), packed for the trip. */
  history: PackedHistory;
  /** The parameters in use now, to compare the fitted ones with. */
  currentParameters: number[];
  numRelearningSteps: number;
  /** Also check old and new on time-series splits (six more fits); the keep-or-discard decision needs only the fit. */
  splitCheck: boolean;
}

/**
 * A fit of a preset's history read by the child itself from the review log's bytes (sent before it
 * in `log` messages): the app's own process only reads and forwards them.
 */
export interface LogFitJob {
  /** The preset's cards, one id a line. */
  cardIds: string;
  rolloverHour: number;
  /** Epoch ms: cards first studied before it are left out. */
  ignoreBefore: number | null;
  currentParameters: number[];
  numRelearningSteps: number;
  splitCheck: boolean;
}

/** "Help me decide", with the learner's answer times and first ratings taken from the log's bytes sent before it. */
export interface LogSimulateJob {
  input: Omit<SimulationInput, 'seconds' | 'firstRatings'>;
  /** The preset's cards, one id a line. */
  cardIds: string;
  learningSteps: number;
}

export interface FitResult {
  scope: FitScope;
  reviews: number;
  items: number;
  /** The history fitted: reviews, items, cards, and the ratings of the reviews a day or more apart. */
  summary: HistorySummary;
  /** What the binding fitted (limited to the scope), null when nothing was fitted. */
  fitted: number[] | null;
  /** Old and new on the whole history, as Anki compares them to keep or discard; null when the binding found too little to evaluate (then the old are kept). */
  inSample: { old: Evaluation; new: Evaluation } | null;
  /** Old parameters and the fitting, each predicting the time-series splits' later reviews. */
  before: Evaluation | null;
  after: Evaluation | null;
  kept: 'new' | 'old';
  /** The parameters to use: the fitted ones when kept, else the current ones. */
  parameters: number[];
}

export type FitStage = 'fitting' | 'checking' | 'simulating';

/** A fit, or the workload simulation of "Help me decide" (pure JavaScript, but seconds of it); `log` carries the review log's bytes ahead of a job that reads them. */
export type ToChild = { type: 'fit'; job: FitJob } | { type: 'log'; bytes: Uint8Array } | { type: 'fit-log'; job: LogFitJob } | { type: 'simulate'; job: LogSimulateJob };
export type FromChild = { type: 'progress'; stage: FitStage; fraction: number } | { type: 'result'; result: FitResult } | { type: 'simulated'; points: WorkloadPoint[] } | { type: 'failed'; message: string };
