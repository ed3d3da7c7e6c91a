// The daily reminder (off by default): a notification at a chosen hour when cards are due, and the
// count of due cards in the window title and the dock or taskbar badge. Only the decisions live
// here, so they are tested without Electron; main/electron/reminder.ts shows them.

export interface ReminderSettings {
  enabled: boolean;
  /** Local hour, 0–23. */
  hour: number;
}

export const DEFAULT_REMINDER: ReminderSettings = { enabled: false, hour: 9 };

/**
 * When the next reminder is due: `hour` o'clock local time today if that is still ahead, else
 * tomorrow. Built from the calendar date, so a summer-time change moves it with the clock.
 */
export function nextReminderAt(now: number, hour: number): number {
  const d = new Date(now);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour).getTime();
  if (today > now) return today;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, hour).getTime();
}

/** What the notification says, or null when nothing is due (a reminder with nothing to do is noise). */
export function reminderMessage(due: number): { title: string; body: string } | null {
  if (due <= 0) return null;
  return { title: 'Time to study', body: due === 1 ? 'One card is due today.' : `${due.toLocaleString('en')} cards are due today.` };
}

/** The window title: the app's name, with the count of due cards while the reminder is on. */
export function titleWithDue(due: number, reminder: ReminderSettings | undefined): string {
  return reminder?.enabled && due > 0 ? `Deckhand (${due.toLocaleString('en')} due)` : 'Deckhand';
}

/** The badge on the dock or taskbar icon: the count while the reminder is on, nothing (0) otherwise. */
export const badgeCount = (due: number, reminder: ReminderSettings | undefined): number => (reminder?.enabled ? Math.max(0, due) : 0);

/** Cards to study today across the collection, as the deck list counts them: each top-level deck's new, learning and due cards with those of the decks under it. */
export function dueFromDeckList(decks: readonly { parentId: string | null; rollup: { counts: { new: number; learning: number; due: number } } }[]): number {
  let total = 0;
  for (const { parentId, rollup } of decks) if (parentId === null) total += rollup.counts.new + rollup.counts.learning + rollup.counts.due;
  return total;
}
