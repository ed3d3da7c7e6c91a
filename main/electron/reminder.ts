// The daily reminder in Electron: a notification at the learner's hour when cards are due, and the
// due count in the window title and the dock/taskbar badge (app.setBadgeCount: macOS, and Linux
// desktops that show one). Every decision is in domain/reminder.ts, through open-app.ts.
import { app, Notification, type BrowserWindow } from 'electron';
import { badgeCount, dueFromDeckList, nextReminderAt, reminderMessage, titleWithDue, type DeckhandService } from '../open-app.ts';

/** After calls that may change the counts, the title and badge are brought up to date at most this often. */
const REFRESH_MS = 1000;

export class Reminder {
  #timer: NodeJS.Timeout | undefined;
  #refresh: NodeJS.Timeout | undefined;
  #scheduledFor: string | undefined;

  constructor(
    private readonly service: DeckhandService,
    private readonly window: () => BrowserWindow | undefined,
    /** Brings the window forward on the deck list when the notification is clicked. */
    private readonly showDecks: () => void,
  ) {}

  /** Something may have changed (an answer, an import, the settings): the title, the badge and the next reminder follow. */
  changed(): void {
    if (this.#refresh) return;
    this.#refresh = setTimeout(() => {
      this.#refresh = undefined;
      this.update();
    }, REFRESH_MS);
  }

  update(): void {
    const reminder = this.service.getSettings().reminder;
    const due = dueFromDeckList(this.service.listDecks());
    const win = this.window();
    if (win && !win.isDestroyed()) win.setTitle(titleWithDue(due, reminder));
    app.setBadgeCount(badgeCount(due, reminder));
    const key = reminder?.enabled ? String(reminder.hour) : undefined;
    if (key !== this.#scheduledFor) this.schedule();
  }

  stop(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#refresh);
  }

  private schedule(): void {
    clearTimeout(this.#timer);
    const reminder = this.service.getSettings().reminder;
    this.#scheduledFor = reminder?.enabled ? String(reminder.hour) : undefined;
    if (!reminder?.enabled) return;
    const now = Date.now();
    this.#timer = setTimeout(() => this.remind(), nextReminderAt(now, reminder.hour) - now);
  }

  private remind(): void {
    const message = reminderMessage(dueFromDeckList(this.service.listDecks()));
    if (message && Notification.isSupported()) {
      const notification = new Notification(message);
      notification.on('click', this.showDecks);
      notification.show();
    }
    this.schedule();
  }
}
