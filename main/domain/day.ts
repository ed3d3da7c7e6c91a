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

/** A study day: from one rollover to the next, epoch ms. */
export interface StudyDay {
  start: number;
  end: number;
}

/** The study day that contains `now`, in the process's local time zone. */
export function studyDayOf(now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): StudyDay {
  return { start: dayStart(now, rolloverHour), end: nextDayStart(now, rolloverHour) };
}

/**
 * Whether `time` falls within `day`. A time past the day's end is not today's: it was recorded
 * before the clock was set back, on a day the clock has not reached again.
 */
export const isWithinDay = (day: StudyDay, time: number | null): boolean => time !== null && time >= day.start && time < day.end;

/** The longest a study day lasts: 25 hours, on the night summer time ends. */
export const LONGEST_DAY_MS = 25 * 3_600_000;
