// A preset's FSRS parameters in Settings: Optimise this preset or all of them (in a separate
// process; progress and Cancel here), the health check in words, the parameter list, and Reset to
// defaults. One optimisation runs at a time, so the state is shared by every preset's section.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PARAMETERS, type OptimiseStatus, type Preset, type PresetOptimisation } from '../../main/contract.ts';
import { call } from '../api.ts';
import { HelpMeDecide } from './HelpMeDecide.tsx';

const POLL_MS = 200;

export interface Optimising {
  status: OptimiseStatus | null;
  start(presetId?: string): void;
  cancel(): void;
  reset(presetId: string): void;
  error: string | null;
}

/** The optimiser's status, polled while it runs; `onParameters` hands the saved presets' parameters to the form. */
export function useOptimiser(onParameters: (presets: Preset[]) => void): Optimising {
  const [status, setStatus] = useState<OptimiseStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = status?.running ?? false;

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const next = await call('optimiseStatus', {});
      if (stopped) return;
      setStatus(next);
      if (next.running) timer = setTimeout(() => void poll(), POLL_MS);
      else onParameters((await call('getSettings', {})).presets);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);

  const guard = (f: () => Promise<void>) => () => {
    setError(null);
    f().catch((e: Error) => setError(e.message));
  };
  return {
    status,
    error,
    start: (presetId) => void guard(async () => setStatus(await call('startOptimise', presetId ? { presetId } : {})))(),
    cancel: () => void guard(async () => setStatus(await call('cancelOptimise', {})))(),
    reset: (presetId) =>
      void guard(async () => {
        onParameters((await call('resetParameters', { presetId })).presets);
        setStatus((s) => (s ? { ...s, results: s.results.filter((r) => r.presetId !== presetId) } : s));
      })(),
  };
}

export function PresetOptimiser({ preset, saved, optimising }: { preset: Preset; saved: boolean; optimising: Optimising }) {
  const { status } = optimising;
  const running = status?.running ?? false;
  const result = status?.results.find((r) => r.presetId === preset.id) ?? null;
  const headingId = `${preset.id}-fsrs-heading`;
  return (
    <section class="preset-fsrs" aria-labelledby={headingId}>
      <h2 id={headingId}>FSRS parameters</h2>
      <p class="muted small">
        {preset.weights ? 'Fitted to this preset’s review history.' : 'FSRS-6’s defaults.'} Optimising fits them to the reviews of this preset’s cards, imported Anki history included, and keeps the new ones only if they predict that history better.
      </p>
      <p class="fsrs-params" aria-label={`Parameters of ${preset.name}`}>
        {(preset.weights ?? DEFAULT_PARAMETERS).map((w) => w.toFixed(4)).join('  ')}
      </p>
      <div class="actions">
        <button type="button" class="button secondary" disabled={running || !saved} onClick={() => optimising.start(preset.id)}>
          Optimise this preset
        </button>
        <button type="button" class="button secondary" disabled={running || !saved} onClick={() => optimising.start()}>
          Optimise all presets
        </button>
        <button type="button" class="button secondary" disabled={running || !preset.weights} onClick={() => optimising.reset(preset.id)}>
          Reset to defaults
        </button>
      </div>
      {!saved && <p class="muted small">Save the settings first to optimise this preset.</p>}
      {running && status?.current === preset.name && <Progress status={status} onCancel={optimising.cancel} />}
      {status && !running && status.error && status.results.every((r) => r.presetId !== preset.id) && (
        <p class="error" role="alert">
          {status.error}
        </p>
      )}
      {optimising.error && (
        <p class="error" role="alert">
          {optimising.error}
        </p>
      )}
      {result && <HealthCheck result={result} />}
      <HelpMeDecide preset={preset} saved={saved} />
    </section>
  );
}

function Progress({ status, onCancel }: { status: OptimiseStatus; onCancel: () => void }) {
  const percent = Math.round(status.fraction * 100);
  const label = `Optimising ${status.current}: ${status.stage === 'checking' ? 'checking the fit' : 'fitting'}, ${percent}%`;
  return (
    <div class="optimise-progress">
      <progress max={1} value={status.fraction} aria-label={label} />
      <span role="status">{label}</span>
      <button type="button" class="button secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function HealthCheck({ result }: { result: PresetOptimisation }) {
  const id = `${result.presetId}-health`;
  return (
    <section class="health-check" aria-labelledby={id}>
      <h3 id={id}>Health check</h3>
      <p>{result.health.verdict}</p>
      <p class="muted">{result.health.history}</p>
      {result.health.warnings.map((w) => (
        <p key={w} class="warning" role="note">
          {w}
        </p>
      ))}
    </section>
  );
}
