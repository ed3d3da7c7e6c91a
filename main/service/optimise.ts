// Optimising a preset: its cards' history, built as Anki builds it, fitted in a child process (the
// binding can abort a process), kept only when it predicts better, and stored in the preset, whose
// scheduler then uses it for the next answers. One optimisation runs at a time; the app polls its
// status, the command line awaits it.
import { AppError } from '../app-error.ts';
import type { OptimiseStatus, PresetOptimisation } from '../contract.ts';
import { healthCheck } from '../domain/health-check.ts';
import { DEFAULT_PARAMETERS } from '../domain/optimise.ts';
import type { Preset, Settings } from '../domain/settings.ts';
import type { FitResult, FitStage } from '../optimiser/protocol.ts';
import { FitError, fitLogInChild, type ChildLauncher, type FitRun } from '../optimiser/supervisor.ts';
import type { ServiceContext } from './context.ts';
import { presetCardIds } from './preset-cards.ts';

export type { OptimiseStatus, PresetOptimisation };

export interface OptimiseArgs {
  /** Preset ids; every preset when absent. */
  presetIds?: string[];
  dryRun?: boolean;
}

const IDLE: OptimiseStatus = { running: false, current: null, stage: null, fraction: 0, results: [], error: null };

export class Optimiser {
  readonly #ctx: ServiceContext;
  readonly #launch: ChildLauncher;
  #status: OptimiseStatus = IDLE;
  #run: FitRun | null = null;
  #cancelled = false;

  constructor(ctx: ServiceContext, launch: ChildLauncher) {
    this.#ctx = ctx;
    this.#launch = launch;
  }

  status(): OptimiseStatus {
    return structuredClone(this.#status);
  }

  /** Starts optimising and returns at once; `status` follows it. */
  start(args: OptimiseArgs): OptimiseStatus {
    // Refused here, not later in the background: an unknown preset, or a run already going.
    this.#presetsOf(args.presetIds);
    if (this.#status.running) throw new AppError('conflict', 'An optimisation is already running.');
    // The outcome, a failure included, is in the status the app polls.
    void this.run(args).catch(() => {});
    return this.status();
  }

  cancel(): OptimiseStatus {
    if (this.#status.running) {
      this.#cancelled = true;
      this.#run?.cancel();
    }
    return this.status();
  }

  /** Optimises the presets in turn; a failure (cancel, a crash) stops the rest and is thrown. */
  async run(args: OptimiseArgs, onStatus: (s: OptimiseStatus) => void = () => {}): Promise<PresetOptimisation[]> {
    if (this.#status.running) throw new AppError('conflict', 'An optimisation is already running.');
    const presets = this.#presetsOf(args.presetIds);
    this.#cancelled = false;
    this.#status = { ...IDLE, running: true };
    const update = (patch: Partial<OptimiseStatus>) => {
      this.#status = { ...this.#status, ...patch };
      onStatus(this.status());
    };
    try {
      for (const [i, preset] of presets.entries()) {
        update({ current: preset.name, stage: 'fitting', fraction: i / presets.length });
        if (this.#cancelled) throw new FitError({ kind: 'cancelled', message: 'Optimisation cancelled. Your parameters did not change.' });
        const result = await this.#optimise(preset, args.dryRun ?? false, (stage, f) => update({ stage, fraction: (i + f) / presets.length }));
        update({ results: [...this.#status.results, result] });
      }
      update({ running: false, current: null, stage: null, fraction: 1 });
      return this.#status.results;
    } catch (e) {
      const message = e instanceof FitError || e instanceof AppError ? e.message : `The optimiser failed: ${(e as Error).message}`;
      update({ running: false, current: null, stage: null, error: message });
      throw e instanceof FitError ? new AppError('unavailable', message) : e;
    } finally {
      this.#run = null;
    }
  }

  /** Puts a preset back on FSRS-6's default parameters. */
  resetParameters(presetId: string): Settings {
    const settings = this.#ctx.collection.settings;
    if (!settings.presets.some((p) => p.id === presetId)) throw new AppError('not-found', `There is no preset "${presetId}".`);
    this.#ctx.collection.setSettings({ ...settings, presets: settings.presets.map((p) => (p.id === presetId ? withoutWeights(p) : p)) });
    return structuredClone(this.#ctx.collection.settings);
  }

  #presetsOf(ids: string[] | undefined): Preset[] {
    const all = this.#ctx.collection.settings.presets;
    if (!ids) return [...all];
    return ids.map((id) => {
      const p = all.find((x) => x.id === id);
      if (!p) throw new AppError('not-found', `There is no preset "${id}".`);
      return p;
    });
  }

  async #optimise(preset: Preset, dryRun: boolean, onProgress: (stage: FitStage, fraction: number) => void): Promise<PresetOptimisation> {
    const { collection } = this.#ctx;
    const current = preset.weights ? [...preset.weights] : [...DEFAULT_PARAMETERS];
    // The child reads the history from the log's bytes, so this process only reads and forwards them.
    const job = {
      cardIds: presetCardIds(this.#ctx, preset),
      rolloverHour: collection.settings.rolloverHour,
      ignoreBefore: preset.ignoreReviewsBefore ? localMidnight(preset.ignoreReviewsBefore) : null,
      currentParameters: current,
      numRelearningSteps: preset.relearningSteps.length,
      splitCheck: true,
    };
    this.#run = fitLogInChild(this.#launch, collection.logBytes(), job, onProgress);
    const result = await this.#run.result;
    const applied = !dryRun && result.kept === 'new';
    if (applied) this.#apply(preset.id, result);
    const { summary } = result;
    return {
      presetId: preset.id,
      name: preset.name,
      reviews: result.reviews,
      items: result.items,
      cards: summary.cards,
      scope: result.scope,
      before: result.before,
      after: result.after,
      kept: result.kept,
      params: result.parameters,
      applied,
      health: healthCheck({ summary, scope: result.scope, before: result.before, after: result.after, kept: result.kept, checked: result.inSample !== null, desiredRetention: preset.desiredRetention }),
    };
  }

  /** The preset as it is now (settings may have changed while the child worked) with the new parameters. */
  #apply(presetId: string, result: FitResult): void {
    const settings = this.#ctx.collection.settings;
    if (!settings.presets.some((p) => p.id === presetId)) return;
    this.#ctx.collection.setSettings({ ...settings, presets: settings.presets.map((p) => (p.id === presetId ? { ...p, weights: result.parameters } : p)) });
  }
}

function withoutWeights(p: Preset): Preset {
  const { weights: _dropped, ...rest } = p;
  return rest;
}

function localMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}
