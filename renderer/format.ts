// How the screens write numbers, spans of time and dates: each label is written here once, so the
// same value reads the same on every screen.
import { plural } from '../main/contract.ts';
import type { DeckSummary } from '../main/contract.ts';

/** The same words the main process writes its messages with. */
export { plural } from '../main/contract.ts';

// The sentences around a count are English, so its digits are grouped the English way too.
const COUNT = new Intl.NumberFormat('en');

/** 1,234 */
export const countLabel = (n: number): string => COUNT.format(n);


/** "82.5%", or "–" when there is nothing to divide. */
export const percentLabel = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

/** A card's interval: "12d", "1.5mo", "2.0y"; "—" for a card without one (a new card). */
export const intervalLabel = (days: number): string => (days <= 0 ? '—' : days < 30 ? `${days}d` : days < 365 ? `${(days / 30).toFixed(1)}mo` : `${(days / 365).toFixed(1)}y`);

const MS_PER_MINUTE = 60_000;
const MS_PER_SECOND = 1000;

/** Time spent: "4 min 12 s", or "12 s" under a minute. */
export function durationLabel(ms: number): string {
  const minutes = Math.floor(ms / MS_PER_MINUTE);
  const seconds = Math.round((ms % MS_PER_MINUTE) / MS_PER_SECOND);
  return minutes > 0 ? `${minutes} min ${seconds} s` : `${seconds} s`;
}

// Dates a card or a backup carries follow the system's locale.
const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A day, epoch ms: "Mar 2, 2026" (in the system's locale). */
export const dateLabel = (ms: number): string => DATE.format(ms);

/** A moment, epoch ms: "Mar 2, 2026, 9:00 AM" (in the system's locale). */
export const dateTimeLabel = (ms: number): string => DATE_TIME.format(ms);

// The Statistics screen names its days one way whatever the locale, "2 March 2026": each day of its
// calendar is a cell a screen reader (and a test) finds by that name.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short' });
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' });

/** "2 March 2026" */
export const dayLabel = (d: Date): string => DAY.format(d);

/** "2 Mar" */
export const shortDayLabel = (d: Date): string => SHORT_DAY.format(d);

/** "Mar" */
export const monthLabel = (d: Date): string => MONTH.format(d);

/** "March 2026" */
export const monthYearLabel = (d: Date): string => MONTH_YEAR.format(d);

/** A deck in a list of decks: its own name, indented by how deep it sits in the tree. */
export const deckOptionLabel = (deck: Pick<DeckSummary, 'depth' | 'name'>): string => `${'\u00a0\u00a0'.repeat(deck.depth)}${deck.name}`;

/** "14 of 41 sentences have cards" */
export const coverageLabel = ({ quoted, sentences }: { quoted: number; sentences: number }): string => `${countLabel(quoted)} of ${plural(sentences, 'sentence')} ${quoted === 1 ? 'has' : 'have'} cards`;
