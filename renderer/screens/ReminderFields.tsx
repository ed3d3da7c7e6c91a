// The daily reminder, off by default: a notification at the chosen hour when cards are due, and the
// due count in the window title and on the dock or taskbar icon (in the desktop app).
import type { Settings } from '../../main/contract.ts';

export function ReminderFields({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const reminder = settings.reminder ?? { enabled: false, hour: 9 };
  return (
    <fieldset>
      <legend>Daily reminder</legend>
      <div class="field">
        <label>
          <input type="checkbox" checked={reminder.enabled} onChange={(e) => onChange({ ...settings, reminder: { ...reminder, enabled: (e.target as HTMLInputElement).checked } })} /> Remind me to study each day
        </label>
        <p class="muted small">A notification when cards are due, and their count in the window title and on the app’s icon where the system shows one.</p>
      </div>
      {reminder.enabled && (
        <div class="field">
          <label for="reminder-hour">At (hour, 0–23)</label>
          <input id="reminder-hour" type="number" inputMode="numeric" min={0} max={23} step={1} value={reminder.hour} onInput={(e) => onChange({ ...settings, reminder: { ...reminder, hour: Number((e.target as HTMLInputElement).value) } })} />
        </div>
      )}
    </fieldset>
  );
}
