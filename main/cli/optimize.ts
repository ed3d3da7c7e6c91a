// `deckhand optimize`: fits FSRS parameters to each preset's history, as deck options' "Optimise"
// does, and prints what it found (or, with --json, the numbers).
import { plural } from '../contract.ts';
import type { OptimiseStatus, PresetOptimisation } from '../contract.ts';
import { AppError, type DeckhandService } from '../open-app.ts';
import type { Io } from './io.ts';

export interface OptimizeOptions {
  preset?: string;
  json: boolean;
  dryRun: boolean;
}

/** The --json shape: per preset, its history, the time-series check before and after, and the parameters now in use. */
export function optimizeJson(results: readonly PresetOptimisation[]): string {
  const presets = results.map((r) => ({ name: r.name, reviews: r.reviews, items: r.items, before: r.before, after: r.after, kept: r.kept, params: r.params }));
  return JSON.stringify({ presets }, null, 2);
}

export async function runOptimize(service: DeckhandService, options: OptimizeOptions, io: Io): Promise<number> {
  const presets = service.getSettings().presets;
  let presetIds: string[] | undefined;
  if (options.preset !== undefined) {
    const wanted = options.preset.trim().toLowerCase();
    const p = presets.find((x) => x.name.toLowerCase() === wanted);
    if (!p) throw new AppError('not-found', `optimize: there is no preset named "${options.preset}"; the presets are ${presets.map((x) => `"${x.name}"`).join(', ')}`);
    presetIds = [p.id];
  }
  let shown = '';
  const progress = (s: OptimiseStatus) => {
    const line = s.current ? `${s.current}: ${s.stage === 'checking' ? 'checking' : 'fitting'} ${Math.floor(s.fraction * 100)}%` : '';
    // Progress goes to the error output, so --json's output stays one document.
    if (line && line !== shown) io.err((shown = line));
  };
  const results = await service.optimise({ ...(presetIds ? { presetIds } : {}), dryRun: options.dryRun }, progress);
  if (options.json) {
    io.out(optimizeJson(results));
    return 0;
  }
  for (const r of results) {
    const outcome = r.applied ? 'new parameters in use' : r.kept === 'new' ? 'new parameters found (dry run: not saved)' : 'parameters unchanged';
    io.out(`${r.name}: ${plural(r.reviews, 'review')}, ${plural(r.items, 'item')}; ${outcome}.`);
    io.out(`  ${r.health.verdict}`);
    io.out(`  ${r.health.history}`);
    for (const w of r.health.warnings) io.out(`  Warning: ${w}`);
  }
  return 0;
}
