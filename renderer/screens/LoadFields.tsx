// Settings for a smoother load: balance reviews over the days FSRS allows, and easy days (a share of
// a normal day's reviews for each weekday). Both move only the day a review lands on.
import type { Settings } from '../../main/contract.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHARES = [
  { value: 1, label: 'Normal' },
  { value: 0.5, label: 'Half' },
  { value: 0, label: 'None' },
];

export function LoadFields({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const easyDays = settings.easyDays ?? [1, 1, 1, 1, 1, 1, 1];
  const setShare = (day: number, share: number) => {
    const next = easyDays.map((s, i) => (i === day ? share : s));
    const { easyDays: _old, ...rest } = settings;
    onChange(next.every((s) => s === 1) ? rest : { ...rest, easyDays: next });
  };
  return (
    <fieldset>
      <legend>A smoother load</legend>
      <div class="field">
        <label>
          <input type="checkbox" checked={settings.loadBalancing !== false} onChange={(e) => onChange({ ...settings, loadBalancing: (e.target as HTMLInputElement).checked })} /> Balance the load
        </label>
        <p class="muted small">Each review lands on the least busy of the days FSRS allows for it (a few days either way), instead of one picked at random. Your memory model is unchanged.</p>
      </div>
      <p class="muted small">Easy days: how many reviews you want on each day of the week, as a share of a normal day. Reviews move to other days only within the range FSRS allows.</p>
      <div class="easy-days">
        {WEEKDAYS.map((name, day) => (
          <div class="field inline" key={name}>
            <label for={`easy-${day}`}>{name}</label>
            <select id={`easy-${day}`} value={String(easyDays[day] ?? 1)} onChange={(e) => setShare(day, Number((e.target as HTMLSelectElement).value))}>
              {SHARES.map((s) => (
                <option key={s.value} value={String(s.value)}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
