// Noticing that the computer's clock was set back (a corrected clock, a restored machine, a manual
// clock after a trip): the clock then reads earlier than answers the collection already holds.
// Studying goes on (versions, not times, tell a stale card; intervals count from the latest
// answer), but the learner is told once, since due dates and "today" follow the clock they see.
import type { Clock } from '../clock.ts';
import type { Collection } from '../collection/collection.ts';
import { plural } from '../domain/words.ts';

/** How far behind the collection the clock may be without a word: a small correction is no news. */
export const CLOCK_SLACK_MS = 60_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The app's clock, watched: the first time it reads more than `CLOCK_SLACK_MS` earlier than the
 * newest change known (the review log's newest entry when the app started, or a later reading of
 * the clock), one notice goes into `notices`. Once a run, whatever the clock does next.
 */
export function watchClock(clock: Clock, collection: Collection, notices: string[]): Clock {
  let newest: number | undefined;
  let noted = false;
  return () => {
    const now = clock();
    // The log is read on the first reading only, and only its newest entry.
    newest ??= Math.max(now, newestLogged(collection));
    if (!noted && newest - now > CLOCK_SLACK_MS) {
      noted = true;
      notices.push(clockBehindNotice(newest - now));
    }
    newest = Math.max(newest, now);
    return now;
  };
}

/**
 * When the newest entry of the log was made; -Infinity when there is none. Entries are appended as
 * they are made, so the last one written is the newest (an imported answer's own time may be older:
 * its card's change time is when it was written).
 */
function newestLogged(collection: Collection): number {
  const last = collection.newestEntry();
  return last ? Math.max(last.reviewedAt, last.card.updatedAt) : -Infinity;
}

export function clockBehindNotice(behindMs: number): string {
  return `The computer's clock seems to be about ${roughDuration(behindMs)} behind: some answers in your collection are dated later than now. Studying still works, and intervals count from each card's latest answer.`;
}

/** A wait as a person would round it: "5 minutes", "3 days", "1 year". */
export function roughDuration(ms: number): string {
  if (ms < 1.5 * HOUR) return plural(Math.max(1, Math.round(ms / MINUTE)), 'minute');
  if (ms < 1.5 * DAY) return plural(Math.round(ms / HOUR), 'hour');
  if (ms < 45 * DAY) return plural(Math.round(ms / DAY), 'day');
  if (ms < 330 * DAY) return plural(Math.round(ms / (30.44 * DAY)), 'month');
  return plural(Math.round(ms / (365.25 * DAY)), 'year');
}
