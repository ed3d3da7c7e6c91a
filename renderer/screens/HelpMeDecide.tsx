// "Help me decide": a preset's next year at each desired retention, simulated on its own cards and
// parameters (in the optimiser's process), as minutes a day with the chosen retention marked, and
// the numbers in a table: reviews and minutes a day, and cards remembered at the end.
import { useState } from 'preact/hooks';
import type { Preset, WorkloadView } from '../../main/contract.ts';
import { call } from '../api.ts';
import { BarChart } from '../bar-chart.tsx';
import { countLabel } from '../format.ts';

export function HelpMeDecide({ preset, saved }: { preset: Preset; saved: boolean }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'error'; message: string } | { kind: 'ready'; view: WorkloadView }>({ kind: 'idle' });
  async function run() {
    setState({ kind: 'running' });
    try {
      setState({ kind: 'ready', view: await call('simulateWorkload', { presetId: preset.id }) });
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
    }
  }
  const headingId = `${preset.id}-workload-heading`;
  return (
    <section class="workload" aria-labelledby={headingId}>
      <h3 id={headingId}>Help me decide</h3>
      <p class="muted small">What each desired retention would ask of you over the next year with this preset’s cards and parameters, and how many cards you would remember at its end.</p>
      <button type="button" class="button secondary" disabled={!saved || state.kind === 'running'} onClick={() => void run()}>
        {state.kind === 'running' ? 'Simulating…' : 'Simulate the workload'}
      </button>
      {state.kind === 'error' && (
        <p class="error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && <Workload view={state.view} />}
    </section>
  );
}

function Workload({ view }: { view: WorkloadView }) {
  const labels = view.points.map((p) => p.retention.toFixed(2));
  const isChosen = (r: number) => Math.abs(r - view.chosen) < 0.005;
  const chosen = view.points.find((p) => isChosen(p.retention));
  const chosenAt = view.points.findIndex((p) => isChosen(p.retention));
  // Every third value on the axis, the chosen one always, and none crowding it.
  const ticks = view.points.flatMap((_, i) => (i === chosenAt || (i % 3 === 0 && Math.abs(i - chosenAt) > 1) ? [i] : []));
  return (
    <div>
      {chosen && (
        <p role="status">
          At your {chosen.retention.toFixed(2)}: about {countLabel(Math.round(chosen.reviewsPerDay))} reviews and {Math.round(chosen.minutesPerDay)} minutes a day, and {countLabel(Math.round(chosen.remembered))} cards remembered after a year (from {countLabel(view.cards)} studied and {countLabel(view.newCards)} new cards).
        </p>
      )}
      <BarChart
        slotLabel="Desired retention"
        labels={labels}
        ticks={ticks}
        series={[
          { label: 'Minutes a day', values: view.points.map((p) => (isChosen(p.retention) ? null : p.minutesPerDay)), color: '--new' },
          { label: 'Minutes a day at your retention', values: view.points.map((p) => (isChosen(p.retention) ? p.minutesPerDay : null)), color: '--hard' },
        ]}
      />
      <details class="numbers">
        <summary>Show the numbers</summary>
        <table>
          <caption>The next {view.days} days at each desired retention</caption>
          <thead>
            <tr>
              <th scope="col">Desired retention</th>
              <th scope="col">Reviews a day</th>
              <th scope="col">Minutes a day</th>
              <th scope="col">Cards remembered</th>
            </tr>
          </thead>
          <tbody>
            {view.points.map((p) => (
              <tr key={p.retention} class={isChosen(p.retention) ? 'chosen' : undefined}>
                <th scope="row">{p.retention.toFixed(2)}{isChosen(p.retention) ? ' (yours)' : ''}</th>
                <td>{countLabel(Math.round(p.reviewsPerDay))}</td>
                <td>{countLabel(Math.round(p.minutesPerDay))}</td>
                <td>{countLabel(Math.round(p.remembered))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
