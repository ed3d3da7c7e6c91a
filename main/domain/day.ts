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

/** A study day as the app has lived it: its local date, and the last time it was asked about. */
export interface LivedDay extends StudyDay {
  /** The local calendar date the day began on, as yyyymmdd. */
  date: number;
  seenAt: number;
}

const localDate = (time: number): number => {
  const d = new Date(time);
  return d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
};

/**
 * The study day at `now`, following on from the day lived before it in this run. The day rolls
 * over at the local rollover hour of whatever time zone the computer is in, but a change of zone
 * (a trip, a corrected setting) neither repeats a day nor skips one:
 * - moved west onto a date already studied, the day goes on, still counting what was done in it;
 * - moved east into a new date, the new day counts only what is done from now on, not the
 *   evening just spent in the old zone (which its local 4 am would otherwise take in).
 * A clock set back is not a trip: the day is simply the local one at the new time.
 */
export function followStudyDay(lived: LivedDay | null, now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): LivedDay {
  const local = { ...studyDayOf(now, rolloverHour), seenAt: now };
  const date = localDate(local.start);
  if (!lived || now < lived.seenAt) return { ...local, date };
  if (date <= lived.date) return { start: lived.start, end: local.end, date: lived.date, seenAt: now };
  return { start: Math.max(local.start, lived.seenAt + 1), end: local.end, date, seenAt: now };
}
