// The study day. Like Anki, a day starts at a rollover hour in local time (4 am by default), so
// a late-night session still counts as the evening's study.

export const DEFAULT_ROLLOVER_HOUR = 4;

/** Start of the study day that contains `now`, epoch ms, in the process's local time zone. */
export function dayStart(now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
  const d = new Date(now);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), rolloverHour);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** Start of the next study day after the one containing `now`. */
export function nextDayStart(now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
  const start = new Date(dayStart(now, rolloverHour));
  start.setDate(start.getDate() + 1);
  return start.getTime();
}
