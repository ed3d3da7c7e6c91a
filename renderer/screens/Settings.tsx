import { useEffect, useState } from 'preact/hooks';
import type { DeckSummary, Preset, Settings as SettingsValue, StepUnit } from '../../main/contract.ts';
import { call } from '../api.ts';
import { applyTheme } from '../theme.ts';
import { useApi } from '../use-api.ts';
import { ErrorMessage, Frame, Loading, OutcomeMessage, type Outcome } from './Frame.tsx';
import { LoadFields } from './LoadFields.tsx';
import { ReminderFields } from './ReminderFields.tsx';
import { PresetOptimiser, useOptimiser, type Optimising } from './PresetOptimiser.tsx';

const NO_LIMIT = 9999;

export function Settings() {
  const [loaded] = useApi('getSettings', {});
  const [decks, reloadDecks] = useApi('listDecks', {});
  const [info] = useApi('getAppInfo', {});
  const [draft, setDraft] = useState<SettingsValue | null>(null);
  const [message, setMessage] = useState<Outcome>(null);
  const [savedIds, setSavedIds] = useState<ReadonlySet<string>>(new Set());
  // Optimising and resetting change the saved presets' parameters; the form takes them over without losing unsaved edits.
  const optimising = useOptimiser((saved) => setDraft((d) => d && { ...d, presets: d.presets.map((p) => withParametersOf(p, saved.find((x) => x.id === p.id))) }));

  useEffect(() => {
    if (loaded.state === 'ready') {
      setDraft(loaded.value);
      setSavedIds(new Set(loaded.value.presets.map((p) => p.id)));
    }
  }, [loaded]);

  if (loaded.state === 'error') return <Frame title="Settings" back><ErrorMessage message={loaded.message} /></Frame>;
  if (!draft) return <Frame title="Settings" back><Loading /></Frame>;

  const set = <K extends keyof SettingsValue>(key: K, value: SettingsValue[K]) => setDraft({ ...draft, [key]: value });
  const setPreset = (index: number, preset: Preset) => set('presets', draft.presets.map((p, i) => (i === index ? preset : p)));

  async function save(e: Event) {
    e.preventDefault();
    try {
      const saved = await call('updateSettings', draft!);
      setDraft(saved);
      setSavedIds(new Set(saved.presets.map((p) => p.id)));
      applyTheme(saved.theme);
      setMessage({ kind: 'ok', text: 'Saved. New limits apply now; new steps and retention apply from each card’s next answer. Due dates already set do not move.' });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    }
  }

  async function addPreset() {
    const base = draft!.presets[0]!;
    set('presets', [...draft!.presets, { ...base, id: `preset-${Date.now().toString(36)}`, name: `Preset ${draft!.presets.length + 1}` }]);
  }

  return (
    <Frame title="Settings" back>
      <form class="settings" onSubmit={save}>
        <fieldset>
          <legend>Appearance</legend>
          <div class="radios" role="radiogroup" aria-label="Theme">
            {(['system', 'light', 'dark'] as const).map((t) => (
              <label key={t}>
                <input type="radio" name="theme" value={t} checked={draft.theme === t} onChange={() => set('theme', t)} /> {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>The study day</legend>
          <NumberField label="A new day starts at (hour, 0–23)" value={draft.rolloverHour} min={0} max={23} onChange={(v) => set('rolloverHour', v)} hint="Like Anki, 4 means late-night study still counts for the evening before." />
          <NumberField label="New cards a day, all decks together" value={draft.newPerDay} min={0} max={NO_LIMIT} onChange={(v) => set('newPerDay', v)} hint={`${NO_LIMIT} means no limit beyond each deck’s own.`} />
          <NumberField label="Reviews a day, all decks together" value={draft.reviewsPerDay} min={0} max={NO_LIMIT} onChange={(v) => set('reviewsPerDay', v)} hint={`${NO_LIMIT} means no limit beyond each deck’s own.`} />
        </fieldset>

        <LoadFields settings={draft} onChange={setDraft} />

        <ReminderFields settings={draft} onChange={setDraft} />

        {draft.presets.map((preset, i) => (
          <PresetFields key={preset.id} preset={preset} onChange={(p) => setPreset(i, p)} saved={savedIds.has(preset.id)} optimising={optimising} />
        ))}
        <p>
          <button type="button" class="button secondary" onClick={() => void addPreset()}>
            Add a preset
          </button>
        </p>

        <OutcomeMessage outcome={message} />
        <p>
          <button type="submit" class="button primary">
            Save settings
          </button>
        </p>
      </form>

      {decks.state === 'ready' && decks.value.length > 0 && (
        <DeckPresets decks={decks.value} presets={draft.presets} onChanged={reloadDecks} onError={(text) => setMessage({ kind: 'error', text })} />
      )}

      <section class="settings-section" aria-labelledby="data-heading">
        <h2 id="data-heading">Where your data lives</h2>
        <p>
          <code>{info.state === 'ready' ? info.value.dataDir : '…'}</code>
        </p>
        <p class="muted small">The review log, the collection snapshot, note text and backups are all in this folder. Start the app with --data-dir to use another.</p>
      </section>
    </Frame>
  );
}

function withParametersOf(p: Preset, saved: Preset | undefined): Preset {
  if (!saved) return p;
  const { weights: _old, ...rest } = p;
  return saved.weights ? { ...rest, weights: saved.weights } : rest;
}

function PresetFields({ preset, onChange, saved, optimising }: { preset: Preset; onChange: (p: Preset) => void; saved: boolean; optimising: Optimising }) {
  const set = <K extends keyof Preset>(key: K, value: Preset[K]) => onChange({ ...preset, [key]: value });
  return (
    <fieldset>
      <legend>Preset: {preset.name}</legend>
      <TextField scope={preset.id} label="Name" value={preset.name} onChange={(v) => set('name', v)} />
      <NumberField scope={preset.id} label="New cards a day" value={preset.newPerDay} min={0} max={NO_LIMIT} onChange={(v) => set('newPerDay', v)} />
      <NumberField scope={preset.id} label="Reviews a day" value={preset.reviewsPerDay} min={0} max={NO_LIMIT} onChange={(v) => set('reviewsPerDay', v)} />
      <TextField scope={preset.id} label="Learning steps" value={preset.learningSteps.join(' ')} onChange={(v) => set('learningSteps', splitSteps(v))} hint="Waits between the first answers of a new card, like 1m 10m." />
      <TextField scope={preset.id} label="Relearning steps" value={preset.relearningSteps.join(' ')} onChange={(v) => set('relearningSteps', splitSteps(v))} hint="Waits after forgetting a card, like 10m." />
      <div class="field">
        <label for={`${preset.id}-retention`}>Desired retention: {preset.desiredRetention.toFixed(2)}</label>
        <input id={`${preset.id}-retention`} type="range" min={0.7} max={0.97} step={0.01} value={preset.desiredRetention} onInput={(e) => set('desiredRetention', Number((e.target as HTMLInputElement).value))} />
        <p class="muted small">The share of cards you want to still remember when they come due. More retention means more reviews; less means fewer reviews and more forgetting.</p>
      </div>
      <NumberField scope={preset.id} label="Maximum interval (days)" value={preset.maximumIntervalDays} min={1} max={36500} onChange={(v) => set('maximumIntervalDays', v)} />
      <div class="field">
        <label for={`${preset.id}-ignore-before`}>Ignore reviews before</label>
        <input id={`${preset.id}-ignore-before`} type="date" value={preset.ignoreReviewsBefore ?? ''} onInput={(e) => onChange(withIgnoreBefore(preset, (e.target as HTMLInputElement).value))} aria-describedby={`${preset.id}-ignore-before-hint`} />
        <p id={`${preset.id}-ignore-before-hint`} class="muted small">
          Optimising leaves out cards first studied before this day, as Anki does: use it when older history came from another way of studying.
        </p>
      </div>
      <PresetOptimiser preset={preset} saved={saved} optimising={optimising} />
    </fieldset>
  );
}

function DeckPresets({ decks, presets, onChanged, onError }: { decks: DeckSummary[]; presets: Preset[]; onChanged: () => void; onError: (text: string) => void }) {
  const [assigned, setAssigned] = useState<Record<string, string>>({});
  return (
    <section class="settings-section" aria-labelledby="deck-presets-heading">
      <h2 id="deck-presets-heading">Which preset each deck uses</h2>
      {decks.map((d) => (
        <div class="field inline" key={d.id}>
          <label for={`preset-of-${d.id}`}>{d.title}</label>
          <select
            id={`preset-of-${d.id}`}
            value={assigned[d.id] ?? d.presetId}
            onChange={async (e) => {
              const presetId = (e.target as HTMLSelectElement).value;
              try {
                await call('setDeckPreset', { deckId: d.id, presetId });
                setAssigned({ ...assigned, [d.id]: presetId });
                onChanged();
              } catch (err) {
                onError((err as Error).message);
              }
            }}
          >
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p class="muted small">Only saved presets can be chosen here; save new presets first.</p>
    </section>
  );
}

function withIgnoreBefore(p: Preset, date: string): Preset {
  const { ignoreReviewsBefore: _old, ...rest } = p;
  return date ? { ...rest, ignoreReviewsBefore: date } : rest;
}

const splitSteps = (v: string): StepUnit[] => v.split(/[\s,]+/).filter(Boolean) as StepUnit[];

const fieldId = (scope: string, label: string) => `${scope}-${label.replace(/\W+/g, '-').toLowerCase()}`;

function NumberField({ label, value, min, max, onChange, hint, scope = 'f' }: { label: string; value: number; min: number; max: number; onChange: (v: number) => void; hint?: string; scope?: string }) {
  const id = fieldId(scope, label);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} step={1} value={value} onInput={(e) => onChange(Number((e.target as HTMLInputElement).value))} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <p id={`${id}-hint`} class="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}

function TextField({ label, value, onChange, hint, scope = 'f' }: { label: string; value: string; onChange: (v: string) => void; hint?: string; scope?: string }) {
  const id = fieldId(scope, label);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="text" value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <p id={`${id}-hint`} class="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}
